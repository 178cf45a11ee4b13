// Social return in chat (KPI 7): every submission of a plan or of figures, and every contract
// manager's decision on one, as its own entity (PK = contract|socialreturn, RK = subject|v|<ms>|person
// or subject|decision|<review>), insert-if-absent with no read first; and the records' `socialReturn`
// entry of a supplier, changed only over the version read (ETag) once a submission is confirmed.
import type { SocialReturn } from '../domain/records.ts';
import { ITEM_KINDS } from './contract-items.ts';
import { StoreError } from './errors.ts';
import { type FactVersion, FactVersionStore } from './fact-versions.ts';
import { key, parseJson, type TableStore } from './tables.ts';

const ATTEMPTS = 5;

export type Submission = FactVersion;

export interface Decision {
  by: string;
  receivedAt: number;
  decision: 'confirm' | 'changes';
  reason?: string;
}

export class SocialReturnStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  private get pk(): string {
    return key(this.contract, 'socialreturn');
  }

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
    if (await this.createOnce(rowKey, decision)) return decision;
    const row = await this.tables.get('records', this.pk, rowKey);
    return row ? parseJson<Decision>(row) : decision;
  }

  async decision(subject: string, review: string): Promise<Decision | undefined> {
    const row = await this.tables.get('records', this.pk, key(subject, 'decision', review));
    return row ? parseJson<Decision>(row) : undefined;
  }

  /** The supplier's `socialReturn` entry in the records. */
  async entry(supplier: string): Promise<{ entry: SocialReturn; etag: string } | undefined> {
    const row = await this.tables.get('records', key(this.contract), this.rowKey(supplier));
    return row ? { entry: parseJson<SocialReturn>(row), etag: row.etag } : undefined;
  }

  /** Applies `change` to the supplier's entry (created when absent), retried when someone changed it between. */
  async update(supplier: string, change: (entry: SocialReturn) => SocialReturn): Promise<SocialReturn> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.entry(supplier);
      const current = stored?.entry ?? { supplier, figures: [] };
      const next = change(current);
      if (stored && JSON.stringify(next) === JSON.stringify(current)) return current;
      const entity = {
        partitionKey: key(this.contract),
        rowKey: this.rowKey(supplier),
        kind: 'socialReturn',
        json: JSON.stringify(next),
      };
      try {
        if (stored) await this.tables.replace('records', entity, stored.etag);
        else await this.tables.create('records', entity);
        return next;
      } catch (error) {
        const raced = error instanceof StoreError && (error.kind === 'conflict' || error.kind === 'exists');
        if (!raced || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private rowKey(supplier: string): string {
    return ITEM_KINDS.socialReturn.rowKey({ supplier, figures: [] });
  }

  private async createOnce(rowKey: string, value: unknown): Promise<boolean> {
    try {
      await this.tables.create('records', { partitionKey: this.pk, rowKey, json: JSON.stringify(value) });
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'exists') return false;
      throw error;
    }
  }
}
