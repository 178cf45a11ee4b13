// The regular meetings with a supplier: each one the records' `meetings` entry (PK = contract, RK =
// meeting|id), planned insert-if-absent; and every version of a participant's agenda points given in
// chat (fact-versions.ts, PK = contract|meeting, RK = meeting|v|<ms>|person), none ever replaced.
import type { Meeting } from '../domain/records.ts';
import { ITEM_KINDS, ROW_PREFIX } from './contract-items.ts';
import { StoreError } from './errors.ts';
import { type FactVersion, FactVersionStore } from './fact-versions.ts';
import { key, parseJson, type TableStore } from './tables.ts';

export class MeetingStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  async get(id: string): Promise<Meeting | undefined> {
    const row = await this.tables.get(
      'records',
      key(this.contract),
      ITEM_KINDS.meeting.rowKey({ id } as Meeting),
    );
    return row ? parseJson<Meeting>(row) : undefined;
  }

  /** Every meeting of the contract. */
  async list(): Promise<Meeting[]> {
    const prefix = `${ROW_PREFIX.meeting}|`;
    const rows = await this.tables.list('records', key(this.contract), {
      from: prefix,
      to: `${ROW_PREFIX.meeting}}`,
    });
    return rows.map((row) => parseJson<Meeting>(row));
  }

  /** Plans a meeting; false when one with this id exists already. */
  async create(meeting: Meeting): Promise<boolean> {
    try {
      await this.tables.create('records', {
        partitionKey: key(this.contract),
        rowKey: ITEM_KINDS.meeting.rowKey(meeting),
        kind: 'meeting',
        json: JSON.stringify(meeting),
      });
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'exists') return false;
      throw error;
    }
  }

  private get versions() {
    return new FactVersionStore(this.tables, key(this.contract, 'meeting'));
  }

  async addPoints(meeting: string, version: FactVersion): Promise<void> {
    await this.versions.add(meeting, version);
  }

  /** Each participant's latest agenda points, in the order they were first given. */
  async agenda(meeting: string): Promise<FactVersion[]> {
    const latest = new Map<string, FactVersion>();
    for (const version of await this.versions.list(meeting)) latest.set(version.by, version);
    return [...latest.values()];
  }
}
