// Azure Table Storage access shared by the record modules: one client per table, key encoding,
// typed errors, batched writes per partition, and reads of whole partitions or key ranges.
import { odata, TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import { toStoreError } from './errors.ts';

export const TABLES = {
  /** Per contract (PK = contract): the contract, suppliers, people, LEF days, survey rounds, reports, … */
  records: 'records',
  /** Per contract, supplier and half-year (PK = contract|supplier|2026-H1): client requests and sessions. */
  activity: 'activity',
  /** Work for the worker (PK = contract|due minute bucket): prompts, reminders, alerts. */
  outbox: 'outbox',
  /** Evaluation assignments per session (PK = contract|session) and per person (index rows). */
  assignments: 'assignments',
  /** The local web channel's conversations (PK = contract|local|person) and alert channel. */
  conversations: 'conversations',
  /**
   * Chat addresses per channel (PK = contract|teams): each person's conversation reference and
   * whether it still reaches them, the platform user → person index, the alert channel; and what
   * was sent per idempotency key (PK = contract|teams-sent).
   */
  addresses: 'addresses',
} as const;
export type TableName = keyof typeof TABLES;

export interface StoredEntity {
  partitionKey: string;
  rowKey: string;
  json: string;
  [property: string]: unknown;
}
export type Entity = TableEntityResult<StoredEntity>;

/** Key characters Azure Tables forbids (besides control characters), our separator | and the escape %. */
const KEY_UNSAFE = new Set(['/', '\\', '#', '?', '%', '|']);

function isUnsafe(char: string): boolean {
  const code = char.charCodeAt(0);
  return KEY_UNSAFE.has(char) || code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Encodes a user-chosen id for use inside a key. */
export function keyPart(id: string): string {
  let out = '';
  for (const char of id)
    out += isUnsafe(char) ? `%${char.charCodeAt(0).toString(16).padStart(2, '0')}` : char;
  return out;
}

export function key(...parts: string[]): string {
  return parts.map(keyPart).join('|');
}

/** The parts of a key made by `key`. */
export function keyParts(value: string): string[] {
  return value
    .split('|')
    .map((part) =>
      part.replace(/%([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16))),
    );
}

/** A number as a fixed-width string, so that it sorts and compares as text in queries. */
export function sortable(n: number): string {
  return String(Math.max(0, Math.floor(n))).padStart(15, '0');
}

export interface TableStoreOptions {
  connectionString: string;
  /** Prefix for table names, so that several stores can share one account (tests, staging). */
  tablePrefix?: string;
}

export class TableStore {
  private readonly clients = new Map<TableName, TableClient>();

  constructor(private readonly options: TableStoreOptions) {}

  table(name: TableName): TableClient {
    let client = this.clients.get(name);
    if (!client) {
      const tableName = `${this.options.tablePrefix ?? ''}${TABLES[name]}`.replace(/[^A-Za-z0-9]/g, '');
      client = TableClient.fromConnectionString(this.options.connectionString, tableName, {
        allowInsecureConnection: this.options.connectionString.includes('http://'),
        // Few, quick retries: a person waits on most writes, and callers report an outage clearly.
        retryOptions: { maxRetries: 2, retryDelayInMs: 150, maxRetryDelayInMs: 1_000 },
      });
      this.clients.set(name, client);
    }
    return client;
  }

  async ensureTables(): Promise<void> {
    for (const name of Object.keys(TABLES) as TableName[]) {
      try {
        await this.table(name).createTable();
      } catch (error) {
        throw toStoreError(error, `create table ${name}`);
      }
    }
  }

  /** Answers whether the store can be reached (for /healthz). */
  async ping(): Promise<boolean> {
    try {
      const pages = this.table('records').listEntities({
        queryOptions: { filter: odata`PartitionKey eq ${'~ping'}` },
      });
      await pages.byPage({ maxPageSize: 1 }).next();
      return true;
    } catch {
      return false;
    }
  }

  async get(table: TableName, partitionKey: string, rowKey: string): Promise<Entity | undefined> {
    try {
      return await this.table(table).getEntity<StoredEntity>(partitionKey, rowKey);
    } catch (error) {
      const mapped = toStoreError(error, `read ${table}`);
      if (mapped.kind === 'not-found') return undefined;
      throw mapped;
    }
  }

  /** Every entity of a partition, optionally only row keys in [from, to). */
  async list(
    table: TableName,
    partitionKey: string,
    range?: { from: string; to: string },
  ): Promise<Entity[]> {
    const filter = range
      ? odata`PartitionKey eq ${partitionKey} and RowKey ge ${range.from} and RowKey lt ${range.to}`
      : odata`PartitionKey eq ${partitionKey}`;
    return this.query(table, filter);
  }

  /** Every entity whose partition key starts with `prefix|` (the | separator is never part of an encoded id). */
  async listByPartitionPrefix(table: TableName, prefix: string): Promise<Entity[]> {
    if (!prefix.endsWith('|')) throw new Error('a partition prefix ends with the | separator');
    // '}' is the character after '|': every key that starts with the prefix sorts below prefix-with-'}'.
    return this.query(
      table,
      odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${prefix.slice(0, -1)}}`}`,
    );
  }

  async query(table: TableName, filter: string): Promise<Entity[]> {
    const out: Entity[] = [];
    try {
      for await (const page of this.table(table)
        .listEntities<StoredEntity>({ queryOptions: { filter } })
        .byPage({ maxPageSize: 1000 })) {
        out.push(...page);
      }
    } catch (error) {
      throw toStoreError(error, `read ${table}`);
    }
    return out;
  }

  /** Creates an entity that must not exist yet; a second create of the same key fails with `exists`. */
  async create(table: TableName, entity: StoredEntity): Promise<void> {
    try {
      await this.table(table).createEntity(entity);
    } catch (error) {
      throw toStoreError(error, `create in ${table}`);
    }
  }

  /** Replaces an entity only if it is unchanged since it was read (its ETag); otherwise `conflict`. */
  async replace(table: TableName, entity: StoredEntity, etag: string): Promise<string> {
    try {
      const response = await this.table(table).updateEntity(entity, 'Replace', { etag });
      return response.etag ?? '';
    } catch (error) {
      throw toStoreError(error, `update in ${table}`);
    }
  }

  /** Writes an entity whatever is there (last writer wins): for facts that are simply the latest. */
  async upsert(table: TableName, entity: StoredEntity): Promise<void> {
    try {
      await this.table(table).upsertEntity(entity, 'Replace');
    } catch (error) {
      throw toStoreError(error, `write in ${table}`);
    }
  }

  async delete(table: TableName, partitionKey: string, rowKey: string, etag = '*'): Promise<void> {
    try {
      await this.table(table).deleteEntity(partitionKey, rowKey, { etag });
    } catch (error) {
      const mapped = toStoreError(error, `delete in ${table}`);
      if (mapped.kind !== 'not-found') throw mapped;
    }
  }

  /** Runs actions on one partition in transactions of at most 100, each all or nothing. */
  async transact(table: TableName, actions: TransactionAction[]): Promise<void> {
    for (let i = 0; i < actions.length; i += 100) {
      try {
        await this.table(table).submitTransaction(actions.slice(i, i + 100));
      } catch (error) {
        throw toStoreError(error, `transaction in ${table}`);
      }
    }
  }
}

export function parseJson<T>(entity: { json: string }): T {
  return JSON.parse(entity.json) as T;
}
