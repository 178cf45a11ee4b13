// What the journal records of each write, and in which order: whole entities (read back where a
// transaction merged), one call at a time per entity key.
import type { TransactionAction } from '@azure/data-tables';
import type { Journal, JournalEntity, JournalOp } from './journal.ts';

/** The journal's copy of an entity: its own properties, without the service's ETag and timestamp. */
export function journalEntity(entity: object): JournalEntity {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entity)) {
    if (name === 'etag' || name === 'timestamp' || value === undefined) continue;
    // JSON keeps strings, numbers and booleans as they are; a Date keeps its EDM type.
    out[name] = value instanceof Date ? { value: value.toISOString(), type: 'DateTime' } : value;
  }
  return out as JournalEntity;
}

/**
 * Serialises writes per entity key within this process, so that the journal holds them in the
 * order Azurite applied them. A call takes its turn on every key at once (synchronously), so two
 * calls over overlapping keys can never wait for each other in a circle.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const before = [...new Set(keys)].map((k) => {
      const previous = this.tails.get(k);
      this.tails.set(k, mine);
      return previous;
    });
    try {
      await Promise.all(before);
      return await work();
    } finally {
      release();
      for (const k of new Set(keys)) if (this.tails.get(k) === mine) this.tails.delete(k);
    }
  }
}

type Keyed = { partitionKey?: string; rowKey?: string };

/** Runs writes to one table, journaling each after Azurite accepted it and before its caller hears so. */
export class JournaledWrites {
  private readonly locks = new KeyedLock();

  constructor(private readonly journal: Journal) {}

  run<T>(
    table: string,
    entities: Keyed[],
    write: () => Promise<T>,
    ops: () => JournalOp[] | Promise<JournalOp[]>,
  ): Promise<T> {
    const keys = entities.map((e) => JSON.stringify([table, e.partitionKey, e.rowKey]));
    return this.locks.run(keys, async () => {
      const result = await write();
      await this.journal.append(table, await ops());
      return result;
    });
  }
}

export const upserted = (entities: object[]) => (): JournalOp[] =>
  entities.map((entity) => ({ op: 'upsert', entity: journalEntity(entity) }));

/** A transaction's record: whole entities, read back (`readBack`) where it merged. */
export async function transactionOps(
  actions: TransactionAction[],
  readBack: (partitionKey: string, rowKey: string) => Promise<object>,
): Promise<JournalOp[]> {
  const ops: JournalOp[] = [];
  for (const action of actions) {
    const [kind, entity] = action;
    const { partitionKey = '', rowKey = '' } = entity;
    if (kind === 'delete') ops.push({ op: 'delete', partitionKey, rowKey });
    else if (kind === 'create' || action[2] === 'Replace')
      ops.push({ op: 'upsert', entity: journalEntity(entity) });
    else ops.push({ op: 'upsert', entity: journalEntity(await readBack(partitionKey, rowKey)) });
  }
  return ops;
}
