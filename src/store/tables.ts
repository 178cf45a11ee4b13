// Azure Table Storage access shared by the record modules: one client per table, key encoding,
// typed errors, batched writes per partition, and reads of whole partitions or key ranges.
import { createHash } from 'node:crypto';
import { odata, TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import { StoreError, toStoreError } from './errors.ts';
import type { Journal, JournalOp } from './journal.ts';
import { JournaledWrites, transactionOps, upserted } from './journal-ops.ts';

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
   * was sent per idempotency key (PK = contract|teams-sent); each person's language (PK = contract|languages).
   */
  addresses: 'addresses',
  /** The scheduler's claims (PK = contract|job, RK = occurrence): each occurrence runs once. */
  schedule: 'schedule',
  /**
   * Each supplier's scorecard per period as last computed (PK = contract|supplier, RK = period), so
   * that `/scorecard` reads one row instead of scoring the history; a change leaves a stale mark.
   */
  scorecards: 'scorecards',
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

/**
 * The most a key part may take, in UTF-8 bytes. Azure allows 1 KiB per key and our keys have at most
 * five parts: 5 × 200 bytes and the four separators (1,004) fit however the service counts
 * (characters or bytes). 200 is also the schema's id length, so every plain id stored before ids were
 * hashed keeps the key it had.
 */
export const KEY_PART_MAX = 200;

function isUnsafe(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Escapes a user-chosen id so that it is a valid key part without the separator; `keyParts` undoes it. */
export function escapeKeyPart(id: string): string {
  let out = '';
  for (const char of id) {
    const code = char.codePointAt(0) ?? 0;
    if (KEY_UNSAFE.has(char) || isUnsafe(code)) out += `%${code.toString(16).padStart(2, '0')}`;
    // A lone surrogate is no valid text in a URL or key: spelled out so it survives.
    else if (code >= 0xd800 && code <= 0xdfff) out += `%u${code.toString(16)}`;
    else out += char;
  }
  return out;
}

/**
 * Encodes a user-chosen id for use inside a key. An id whose escaped form is longer than
 * KEY_PART_MAX becomes its first characters, the marker %~ and its SHA-256: deterministic, so every
 * writer and reader finds the same key, and never equal to a short id's key (an escaped id never holds
 * %~). The id itself is kept in the entity: a hashed part cannot be read back with `keyParts`.
 */
export function keyPart(id: string): string {
  const escaped = escapeKeyPart(id);
  if (Buffer.byteLength(escaped) <= KEY_PART_MAX) return escaped;
  const digest = createHash('sha256').update(id).digest('hex');
  let prefix = '';
  for (const char of escaped) {
    if (Buffer.byteLength(prefix + char) > KEY_PART_MAX - digest.length - 2) break;
    prefix += char;
  }
  return `${prefix}%~${digest}`;
}

export function key(...parts: string[]): string {
  return parts.map(keyPart).join('|');
}

/**
 * Several ids as one id (e.g. an assignment's id in a card): escaped and joined like `key`, but never
 * hashed, so that `keyParts` gives the ids back whatever their length.
 */
export function joinIds(...parts: string[]): string {
  return parts.map(escapeKeyPart).join('|');
}

/** The parts of an id made by `joinIds` (or of a key made by `key` whose parts were not hashed). */
export function keyParts(value: string): string[] {
  return value
    .split('|')
    .map((part) =>
      part.replace(/%u([0-9a-f]{4})|%([0-9a-f]{2})/g, (_, wide, hex) =>
        String.fromCharCode(Number.parseInt(wide ?? hex, 16)),
      ),
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
  /** The embedded Azurite's write-ahead journal (on a data folder): every write is journaled. */
  journal?: Journal;
}

export class TableStore {
  private readonly clients = new Map<TableName, TableClient>();
  private readonly journaledWrites: JournaledWrites | undefined;
  private suspendedBecause: string | undefined;

  constructor(private options: TableStoreOptions) {
    this.journaledWrites = options.journal && new JournaledWrites(options.journal);
  }

  /**
   * While the embedded Azurite restarts and its journal is replayed, every call fails at once as
   * `unavailable`: a write in between could otherwise be overwritten by the replay.
   */
  suspend(reason: string): void {
    this.suspendedBecause = reason;
  }

  /** Back in service, on the given (possibly new) connection string. */
  resume(connectionString = this.options.connectionString): void {
    if (connectionString !== this.options.connectionString) {
      this.options = { ...this.options, connectionString };
      this.clients.clear();
    }
    this.suspendedBecause = undefined;
  }

  get suspended(): boolean {
    return this.suspendedBecause !== undefined;
  }

  table(name: TableName): TableClient {
    if (this.suspendedBecause) throw new StoreError('unavailable', this.suspendedBecause);
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
      await this.journaled(table, [entity], () => this.table(table).createEntity(entity), upserted([entity]));
    } catch (error) {
      throw toStoreError(error, `create in ${table}`);
    }
  }

  /** Replaces an entity only if it is unchanged since it was read (its ETag); otherwise `conflict`. */
  async replace(table: TableName, entity: StoredEntity, etag: string): Promise<string> {
    try {
      const response = await this.journaled(
        table,
        [entity],
        () => this.table(table).updateEntity(entity, 'Replace', { etag }),
        upserted([entity]),
      );
      return response.etag ?? '';
    } catch (error) {
      throw toStoreError(error, `update in ${table}`);
    }
  }

  /** Writes an entity whatever is there (last writer wins): for facts that are simply the latest. */
  async upsert(table: TableName, entity: StoredEntity): Promise<void> {
    try {
      await this.journaled(
        table,
        [entity],
        () => this.table(table).upsertEntity(entity, 'Replace'),
        upserted([entity]),
      );
    } catch (error) {
      throw toStoreError(error, `write in ${table}`);
    }
  }

  async delete(table: TableName, partitionKey: string, rowKey: string, etag = '*'): Promise<void> {
    try {
      await this.journaled(
        table,
        [{ partitionKey, rowKey }],
        () => this.table(table).deleteEntity(partitionKey, rowKey, { etag }),
        () => [{ op: 'delete', partitionKey, rowKey }],
      );
    } catch (error) {
      const mapped = toStoreError(error, `delete in ${table}`);
      if (mapped.kind !== 'not-found') throw mapped;
    }
  }

  /** With a journal (the embedded Azurite on a data folder), each write is journaled once accepted. */
  private journaled<T>(
    table: TableName,
    entities: { partitionKey?: string; rowKey?: string }[],
    write: () => Promise<T>,
    ops: () => JournalOp[] | Promise<JournalOp[]>,
  ): Promise<T> {
    if (!this.journaledWrites) return write();
    return this.journaledWrites.run(this.table(table).tableName, entities, write, ops);
  }

  /** Runs actions on one partition in transactions of at most 100, each all or nothing. */
  async transact(table: TableName, actions: TransactionAction[]): Promise<void> {
    for (let i = 0; i < actions.length; i += 100) {
      try {
        const chunk = actions.slice(i, i + 100);
        await this.journaled(
          table,
          chunk.map((action) => action[1]),
          () => this.table(table).submitTransaction(chunk),
          () => transactionOps(chunk, (pk, rk) => this.table(table).getEntity(pk, rk)),
        );
      } catch (error) {
        throw toStoreError(error, `transaction in ${table}`);
      }
    }
  }
}

export function parseJson<T>(entity: { json: string }): T {
  return JSON.parse(entity.json) as T;
}
