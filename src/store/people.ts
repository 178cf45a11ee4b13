// People changed in chat: a person's row in the contract's partition (PK = contract, RK = person|id)
// and beside it the moment of the last change applied to them (RK = edit|person|id), written together
// in one transaction over the versions read (ETags). A change is applied only when it is newer than
// the last one applied, so follow-ups that run late, twice, or on two instances at once end with the
// latest change, whatever their order.
import type { TransactionAction } from '@azure/data-tables';
import type { Person } from '../domain/records.ts';
import { ITEM_KINDS } from './contract-items.ts';
import { StoreError } from './errors.ts';
import { contractChanged } from './records-store.ts';
import { key, parseJson, type TableStore } from './tables.ts';

const ATTEMPTS = 5;

export class PeopleStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  async get(id: string): Promise<Person | undefined> {
    const row = await this.tables.get(
      'records',
      key(this.contract),
      ITEM_KINDS.person.rowKey({ id } as Person),
    );
    return row ? parseJson<Person>(row) : undefined;
  }

  /**
   * Applies the change made at `at` (ms) to the person as stored now (undefined: new). Returns the
   * person before and after, or undefined when a later change was applied already.
   */
  async apply(
    id: string,
    at: number,
    change: (before: Person | undefined) => Person,
  ): Promise<{ before: Person | undefined; after: Person } | undefined> {
    const pk = key(this.contract);
    const personKey = ITEM_KINDS.person.rowKey({ id } as Person);
    const markKey = key('edit', 'person', id);
    for (let attempt = 1; ; attempt++) {
      const [row, mark] = await Promise.all([
        this.tables.get('records', pk, personKey),
        this.tables.get('records', pk, markKey),
      ]);
      const applied = mark ? (JSON.parse(mark.json) as { at: number }).at : 0;
      if (applied >= at) return undefined;
      const before = row ? parseJson<Person>(row) : undefined;
      const after = change(before);
      const person = { partitionKey: pk, rowKey: personKey, kind: 'person', json: JSON.stringify(after) };
      const marked = { partitionKey: pk, rowKey: markKey, kind: 'edit', json: JSON.stringify({ at }) };
      const actions: TransactionAction[] = [
        row ? ['update', person, 'Replace', { etag: row.etag }] : ['create', person],
        mark ? ['update', marked, 'Replace', { etag: mark.etag }] : ['create', marked],
      ];
      try {
        await this.tables.transact('records', actions);
        contractChanged(this.tables);
        return { before, after };
      } catch (error) {
        const raced = error instanceof StoreError && (error.kind === 'conflict' || error.kind === 'exists');
        if (!raced || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
