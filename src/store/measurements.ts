// A supplier's reported figures (the records' `measurements`, PK = contract, RK =
// measure|supplier|measure|period|activity), and every version of the figures a supplier's contact
// submitted in chat (fact-versions.ts, PK = contract|figures, RK = subject|v|<ms>|person).
import type { Activity, Measurement } from '../domain/records.ts';
import { ITEM_KINDS, ROW_PREFIX } from './contract-items.ts';
import { type FactVersion, FactVersionStore } from './fact-versions.ts';
import { key, parseJson, type TableStore } from './tables.ts';

export class MeasurementStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  /** Every figure the supplier reported, whatever the period. */
  async ofSupplier(supplier: string): Promise<Measurement[]> {
    const prefix = `${key(ROW_PREFIX.measurement, supplier)}|`;
    const rows = await this.tables.list('records', key(this.contract), {
      from: prefix,
      to: `${prefix.slice(0, -1)}}`,
    });
    return rows.map((row) => parseJson<Measurement>(row));
  }

  /** The supplier's activities as the records list them (their names and goals). */
  async activities(supplier: string): Promise<Activity[]> {
    const prefix = `${key(ROW_PREFIX.activity, supplier)}|`;
    const rows = await this.tables.list('records', key(this.contract), {
      from: prefix,
      to: `${prefix.slice(0, -1)}}`,
    });
    return rows.map((row) => parseJson<Activity>(row));
  }

  /** Writes a figure (replacing the one of its supplier, measure, period and activity). */
  async put(measurement: Measurement): Promise<void> {
    await this.tables.upsert('records', {
      partitionKey: key(this.contract),
      rowKey: ITEM_KINDS.measurement.rowKey(measurement),
      kind: 'measurement',
      json: JSON.stringify(measurement),
    });
  }

  private get versions() {
    return new FactVersionStore(this.tables, key(this.contract, 'figures'));
  }

  async addVersion(subject: string, version: FactVersion): Promise<void> {
    await this.versions.add(subject, version);
  }

  /** The versions submitted about a supplier's period, oldest first. */
  async submitted(subject: string): Promise<FactVersion[]> {
    return this.versions.list(subject);
  }
}
