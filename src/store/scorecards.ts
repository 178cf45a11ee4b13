// Materialised scorecards: each supplier's scorecard per period as last computed, with the
// findings it was shown with (PK = contract|supplier, RK = period). Every change to what a
// scorecard is made of first marks its row stale (flows/scorecard.ts, enqueueRecompute), then
// queues the recomputation that writes it again. A write names the ETag of the row it read before
// it started loading records, so a computation that a change overtook never overwrites the mark.
import type { Finding } from '../domain/records.ts';
import type { Scorecard } from '../domain/scoring.ts';
import { StoreError } from './errors.ts';
import { key, parseJson, type TableStore } from './tables.ts';

export interface StoredScorecard {
  scorecard: Scorecard;
  findings: Finding[];
  /** When it was computed (ms) and the contract's local date then. */
  computedAt: number;
  day: string;
  /** What it was computed by (the framework and this row's shape): another version is recomputed. */
  version: string;
}

/** A row as read: its content unless it is marked stale, and the ETag a write must match. */
export interface ScorecardRow {
  stored?: StoredScorecard;
  etag?: string;
}

export class ScorecardStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  private pk(supplier: string): string {
    return key(this.contract, supplier);
  }

  async read(supplier: string, period: string): Promise<ScorecardRow> {
    const row = await this.tables.get('scorecards', this.pk(supplier), key(period));
    if (!row) return {};
    return row.stale ? { etag: row.etag } : { stored: parseJson<StoredScorecard>(row), etag: row.etag };
  }

  /**
   * Writes a computed scorecard if the row is still as it was read (`etag`, or absent when none was
   * read). False when something changed it in between: the caller's result may be outdated.
   */
  async write(stored: StoredScorecard, etag: string | undefined): Promise<boolean> {
    const entity = {
      partitionKey: this.pk(stored.scorecard.supplier),
      rowKey: key(stored.scorecard.period),
      period: stored.scorecard.period,
      stale: false,
      json: JSON.stringify(stored),
    };
    try {
      if (etag) await this.tables.replace('scorecards', entity, etag);
      else await this.tables.create('scorecards', entity);
      return true;
    } catch (error) {
      if (error instanceof StoreError && ['conflict', 'exists', 'not-found'].includes(error.kind))
        return false;
      throw error;
    }
  }

  /** Marks a row stale (whatever is there): the next read computes it afresh. */
  async invalidate(supplier: string, period: string): Promise<void> {
    await this.markStale(this.pk(supplier), key(period), period);
  }

  /** Marks every stored scorecard of the contract stale (an import may change what any is made of). */
  async invalidateAll(): Promise<number> {
    // Every row, stale ones too: the write changes its ETag, so a computation that read the row
    // before this change can no longer store its result over it.
    const rows = await this.tables.listByPartitionPrefix('scorecards', `${key(this.contract)}|`);
    for (const row of rows) await this.markStale(row.partitionKey, row.rowKey, String(row.period));
    return rows.length;
  }

  private async markStale(partitionKey: string, rowKey: string, period: string): Promise<void> {
    await this.tables.upsert('scorecards', { partitionKey, rowKey, period, stale: true, json: '{}' });
  }
}
