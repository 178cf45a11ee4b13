// The scheduler's record of what ran: one claim per job and occurrence (PK = contract|job,
// RK = occurrence), created insert-if-absent, so that with several instances on one store an
// occurrence is taken once. A claim is `queued` once its work stands in the outbox; a claim left
// unqueued by a crash is queued again by the next tick (the outbox item's id is fixed, so twice is once).
import { StoreError } from '../store/errors.ts';
import { key, parseJson, type TableStore } from '../store/tables.ts';

export interface Claim {
  job: string;
  occurrence: string;
  claimedAt: number;
  /** The instance that claimed it (for the log and an operator's eye). */
  by: string;
  state: 'claimed' | 'queued';
}

export interface StoredClaim {
  claim: Claim;
  etag: string;
}

export class ClaimStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  /** Claims an occurrence; false when it was claimed before (by this instance or another). */
  async claim(job: string, occurrence: string, at: number, by: string): Promise<boolean> {
    try {
      await this.tables.create(
        'schedule',
        this.entity({ job, occurrence, claimedAt: at, by, state: 'claimed' }),
      );
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'exists') return false;
      throw error;
    }
  }

  /** Every claim of a job (one partition read per tick). */
  async claims(job: string): Promise<Map<string, StoredClaim>> {
    const rows = await this.tables.list('schedule', key(this.contract, job));
    return new Map(
      rows.map((row) => {
        const claim = parseJson<Claim>(row);
        return [claim.occurrence, { claim, etag: row.etag }];
      }),
    );
  }

  /** Marks a claim whose work stands in the outbox; a lost race (someone else marked it) is fine. */
  async markQueued(stored: StoredClaim): Promise<void> {
    try {
      await this.tables.replace('schedule', this.entity({ ...stored.claim, state: 'queued' }), stored.etag);
    } catch (error) {
      if (!(error instanceof StoreError) || (error.kind !== 'conflict' && error.kind !== 'not-found'))
        throw error;
    }
  }

  async get(job: string, occurrence: string): Promise<StoredClaim | undefined> {
    const row = await this.tables.get('schedule', key(this.contract, job), key(occurrence));
    return row ? { claim: parseJson<Claim>(row), etag: row.etag } : undefined;
  }

  private entity(claim: Claim) {
    return {
      partitionKey: key(this.contract, claim.job),
      rowKey: key(claim.occurrence),
      state: claim.state,
      json: JSON.stringify(claim),
    };
  }
}
