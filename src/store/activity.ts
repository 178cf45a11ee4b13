// Client requests and sessions, partitioned per contract, supplier and half-year (PK =
// contract|supplier|2026-H1), because the scorecard asks for exactly that. A session entity carries
// every version of its evaluations: an answer is one conditional write (ETag) of the session, so two
// racing writers leave one winner and one clear conflict, and no answer is ever overwritten.
import { periodContaining } from '../domain/periods.ts';
import type { ClientRequest, Evaluation, Session } from '../domain/records.ts';
import { localDate, parseInstant } from '../domain/time.ts';
import { StoreError } from './errors.ts';
import { type Entity, key, parseJson, type TableStore } from './tables.ts';

export interface StoredSession {
  session: Session;
  /** Every answer ever given, oldest first. */
  evaluations: Evaluation[];
}

/** Azurite caps a string property at 32K characters (Azure at 64 KiB): stay clear of it. */
const MAX_JSON = 30_000;

export function activityPartition(contract: string, supplier: string, halfYear: string): string {
  return key(contract, supplier, halfYear);
}

export function halfYearOfInstant(iso: string, zone: string): string {
  return periodContaining(localDate(parseInstant(iso), zone), 'half-year').id;
}

export function halfYearOfDate(date: string): string {
  return periodContaining(date, 'half-year').id;
}

export function sessionPartition(contract: string, session: Session, zone: string): string {
  return activityPartition(contract, session.supplier, halfYearOfInstant(session.start, zone));
}

export function requestPartition(contract: string, request: ClientRequest): string {
  return activityPartition(contract, request.supplier, halfYearOfDate(request.date));
}

export const sessionRowKey = (id: string) => key('session', id);
export const requestRowKey = (id: string) => key('request', id);

/** Row keys of requests and sessions (and nothing else) in an activity partition. */
export const ACTIVITY_RANGE = { from: 'request|', to: 'session}' };

export function sessionEntity(partitionKey: string, stored: StoredSession) {
  const json = JSON.stringify(stored);
  if (json.length > MAX_JSON) {
    throw new StoreError('too-large', `session ${stored.session.id}: too many answer versions to store`);
  }
  return { partitionKey, rowKey: sessionRowKey(stored.session.id), kind: 'session', json };
}

export function requestEntity(partitionKey: string, request: ClientRequest) {
  return { partitionKey, rowKey: requestRowKey(request.id), kind: 'request', json: JSON.stringify(request) };
}

export interface ActivityContents {
  requests: ClientRequest[];
  sessions: StoredSession[];
}

export function readActivity(entities: Entity[]): ActivityContents {
  const requests: ClientRequest[] = [];
  const sessions: StoredSession[] = [];
  for (const entity of entities) {
    if (entity.rowKey.startsWith('request|')) requests.push(parseJson<ClientRequest>(entity));
    else if (entity.rowKey.startsWith('session|')) sessions.push(parseJson<StoredSession>(entity));
  }
  return { requests, sessions };
}

/** Requests and sessions of a partition, read as two row-key ranges side by side (halves the wait). */
export async function loadActivity(store: TableStore, partitionKey: string): Promise<ActivityContents> {
  const [requests, sessions] = await Promise.all([
    store.list('activity', partitionKey, { from: 'request|', to: 'request}' }),
    store.list('activity', partitionKey, { from: 'session|', to: 'session}' }),
  ]);
  return readActivity([...requests, ...sessions]);
}

/**
 * Reads a session, lets `change` return its new state (or undefined for no change), and writes it
 * only if nobody changed it in between. On a conflict it reads again and retries a few times;
 * `change` must therefore be a pure function of the state it is given.
 */
export async function updateSession(
  store: TableStore,
  partitionKey: string,
  sessionId: string,
  change: (current: StoredSession) => StoredSession | undefined,
  attempts = 4,
): Promise<StoredSession> {
  for (let attempt = 1; ; attempt++) {
    const entity = await store.get('activity', partitionKey, sessionRowKey(sessionId));
    if (!entity) throw new StoreError('not-found', `session ${sessionId} not found`);
    const current = parseJson<StoredSession>(entity);
    const next = change(current);
    if (!next) return current;
    try {
      await store.replace('activity', sessionEntity(partitionKey, next), entity.etag);
      return next;
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'conflict' || attempt >= attempts) throw error;
    }
  }
}
