// The progress report in chat (KPI 6): every delivery and every contract manager's judgement of one
// (reviews.ts, PK = contract|report); and the records' report entry of a supplier and half-year,
// changed only over the version read (ETag).
import type { Report } from '../domain/records.ts';
import { ITEM_KINDS } from './contract-items.ts';
import { changeRecordRow, recordRow } from './record-rows.ts';
import { ReviewStore } from './reviews.ts';
import { key, type TableStore } from './tables.ts';

export class ReportStore extends ReviewStore {
  constructor(
    tables: TableStore,
    private readonly contract: string,
  ) {
    super(tables, key(contract, 'report'));
  }

  /** The report entry of a supplier and half-year in the records. */
  async entry(supplier: string, covers: string): Promise<Report | undefined> {
    return (await recordRow<Report>(this.tables, this.contract, this.rowKey(supplier, covers)))?.entry;
  }

  /** Applies `change` to the entry (created when absent), retried when someone changed it between. */
  async update(supplier: string, covers: string, change: (entry: Report) => Report): Promise<Report> {
    const place = { contract: this.contract, rowKey: this.rowKey(supplier, covers), kind: 'report' };
    return changeRecordRow(this.tables, place, { supplier, covers }, change);
  }

  private rowKey(supplier: string, covers: string): string {
    return ITEM_KINDS.report.rowKey({ supplier, covers });
  }
}
