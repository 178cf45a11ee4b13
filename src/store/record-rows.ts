// One contract-level record (a supplier's social return, a progress report) changed in chat: read,
// changed, and written only over the version read (ETag), retried when someone changed it between.
import { StoreError } from './errors.ts';
import { key, parseJson, type TableStore } from './tables.ts';

const ATTEMPTS = 5;

export async function recordRow<T>(
  tables: TableStore,
  contract: string,
  rowKey: string,
): Promise<{ entry: T; etag: string } | undefined> {
  const row = await tables.get('records', key(contract), rowKey);
  return row ? { entry: parseJson<T>(row), etag: row.etag } : undefined;
}

/** Applies `change` to the record (`initial` when absent); an unchanged record is not written. */
export async function changeRecordRow<T>(
  tables: TableStore,
  place: { contract: string; rowKey: string; kind: string },
  initial: T,
  change: (entry: T) => T,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const stored = await recordRow<T>(tables, place.contract, place.rowKey);
    const current = stored?.entry ?? initial;
    const next = change(current);
    if (stored && JSON.stringify(next) === JSON.stringify(current)) return current;
    const entity = {
      partitionKey: key(place.contract),
      rowKey: place.rowKey,
      kind: place.kind,
      json: JSON.stringify(next),
    };
    try {
      if (stored) await tables.replace('records', entity, stored.etag);
      else await tables.create('records', entity);
      return next;
    } catch (error) {
      const raced = error instanceof StoreError && (error.kind === 'conflict' || error.kind === 'exists');
      if (!raced || attempt >= ATTEMPTS) throw error;
    }
  }
}
