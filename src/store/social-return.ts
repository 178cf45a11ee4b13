// Social return in chat (KPI 7): every submission of a plan or of figures and every contract
// manager's decision on one (reviews.ts, PK = contract|socialreturn); and the records' `socialReturn`
// entry of a supplier, changed only over the version read (ETag) once a submission is confirmed.
import type { SocialReturn } from '../domain/records.ts';
import { ITEM_KINDS } from './contract-items.ts';
import { changeRecordRow, recordRow } from './record-rows.ts';
import { ReviewStore } from './reviews.ts';
import { key, type TableStore } from './tables.ts';

export type { Decision, Submission } from './reviews.ts';

export class SocialReturnStore extends ReviewStore {
  constructor(
    tables: TableStore,
    private readonly contract: string,
  ) {
    super(tables, key(contract, 'socialreturn'));
  }

  /** The supplier's `socialReturn` entry in the records. */
  async entry(supplier: string): Promise<{ entry: SocialReturn; etag: string } | undefined> {
    return recordRow<SocialReturn>(this.tables, this.contract, this.rowKey(supplier));
  }

  /** Applies `change` to the supplier's entry (created when absent), retried when someone changed it between. */
  async update(supplier: string, change: (entry: SocialReturn) => SocialReturn): Promise<SocialReturn> {
    const place = { contract: this.contract, rowKey: this.rowKey(supplier), kind: 'socialReturn' };
    return changeRecordRow(this.tables, place, { supplier, figures: [] }, change);
  }

  private rowKey(supplier: string): string {
    return ITEM_KINDS.socialReturn.rowKey({ supplier, figures: [] });
  }
}
