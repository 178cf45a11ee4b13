// Replays the embedded Azurite's journal into a (re)started Azurite, idempotently: each entity the
// journal names ends as its last journaled write left it (upserted whole, or deleted), whatever
// Azurite had saved of it. Entities the journal does not name are left alone.
import { TableClient, type TransactionAction } from '@azure/data-tables';
import { toStoreError } from './errors.ts';
import type { Journal, JournalEntity } from './journal.ts';

export interface ReplaySummary {
  /** Journal records read. */
  records: number;
  /** Entities written or deleted. */
  entities: number;
}

type Final = { table: string; entity: JournalEntity } | { table: string; deleted: [string, string] };

export async function replayJournal(journal: Journal, connectionString: string): Promise<ReplaySummary> {
  const records = await journal.read();
  // Last write wins per entity: the journal is in the order Azurite applied the writes.
  const finals = new Map<string, Final>();
  for (const record of records) {
    for (const op of record.ops) {
      const [pk, rk] =
        op.op === 'upsert' ? [op.entity.partitionKey, op.entity.rowKey] : [op.partitionKey, op.rowKey];
      const id = JSON.stringify([record.table, pk, rk]);
      finals.delete(id); // keep the map in the order of each entity's last write
      finals.set(
        id,
        op.op === 'upsert'
          ? { table: record.table, entity: op.entity }
          : { table: record.table, deleted: [pk, rk] },
      );
    }
  }
  const clients = new Map<string, TableClient>();
  const client = async (table: string) => {
    let found = clients.get(table);
    if (!found) {
      found = TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: true });
      await found.createTable(); // no-op when it exists
      clients.set(table, found);
    }
    return found;
  };
  // Upserts go per partition in transactions of 100 (quick even for a long journal); deletes one by
  // one, as a transaction fails whole on an entity that is already gone.
  const upserts = new Map<string, { table: string; actions: TransactionAction[] }>();
  try {
    for (const final of finals.values()) {
      if ('deleted' in final) {
        await (await client(final.table))
          .deleteEntity(...final.deleted)
          .catch((error: { statusCode?: number }) => {
            if (error.statusCode !== 404) throw error;
          });
        continue;
      }
      const group = JSON.stringify([final.table, final.entity.partitionKey]);
      const entry = upserts.get(group) ?? { table: final.table, actions: [] };
      entry.actions.push(['upsert', final.entity, 'Replace']);
      upserts.set(group, entry);
    }
    for (const { table, actions } of upserts.values()) {
      const tableClient = await client(table);
      for (let i = 0; i < actions.length; i += 100)
        await tableClient.submitTransaction(actions.slice(i, i + 100));
    }
  } catch (error) {
    throw toStoreError(error, 'replay the journal');
  }
  return { records: records.length, entities: finals.size };
}
