// A fact a supplier submits and a contract manager reviews (social return, a progress report): every
// submission as its own version (fact-versions.ts), and the decision on each submission's review as
// its own entity (RK = subject|decision|<review>), the first one standing; both insert-if-absent with
// no read first. PK = contract|<kind>.
import { StoreError } from './errors.ts';
import { type FactVersion, FactVersionStore } from './fact-versions.ts';
import { key, parseJson, type TableStore } from './tables.ts';

export type Submission = FactVersion;

export interface Decision {
  by: string;
  receivedAt: number;
  decision: 'confirm' | 'changes';
  reason?: string;
}

export class ReviewStore {
  constructor(
    protected readonly tables: TableStore,
    private readonly pk: string,
  ) {}

  private get versions() {
    return new FactVersionStore(this.tables, this.pk);
  }

  /** Keeps a submission (the same twice is one). */
  async submit(subject: string, submission: Submission): Promise<void> {
    await this.versions.add(subject, submission);
  }

  async submissions(subject: string): Promise<Submission[]> {
    return this.versions.list(subject);
  }

  /**
   * Keeps the decision on one submission's review: the first one stands. Returns the decision that
   * stands (this one, or another manager's given first).
   */
  async decide(subject: string, review: string, decision: Decision): Promise<Decision> {
    const rowKey = key(subject, 'decision', review);
    try {
      await this.tables.create('records', { partitionKey: this.pk, rowKey, json: JSON.stringify(decision) });
      return decision;
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
    }
    return (await this.decision(subject, review)) ?? decision;
  }

  async decision(subject: string, review: string): Promise<Decision | undefined> {
    const row = await this.tables.get('records', this.pk, key(subject, 'decision', review));
    return row ? parseJson<Decision>(row) : undefined;
  }
}
