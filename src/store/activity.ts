// Client requests, sessions and answers, partitioned per contract, supplier and half-year (PK =
// contract|supplier|2026-H1), because the scorecard asks for exactly that. Every answer version is
// an entity of its own (RK = answer|session|role|person|seq-digest), created insert-if-absent with
// no read first: a chat answer's seq is the millisecond it arrived, an imported one's its number.
// One person's edits never limit another's and parallel submits never overwrite each other; a
// repeat of the same answers (a double click, a retried delivery) is dropped when read, so it
// changes nothing. Sessions stored before that carry their answers inside the session entity
// (`evaluations`); those are read as they are and never rewritten.
import { createHash } from 'node:crypto';
import { periodContaining } from '../domain/periods.ts';
import type { ClientRequest, Evaluation, Session } from '../domain/records.ts';
import { localDate, parseInstant } from '../domain/time.ts';
import { StoreError } from './errors.ts';
import { type Entity, key, parseJson, type StoredEntity, type TableStore } from './tables.ts';

export interface StoredSession {
  session: Session;
  /** Answers stored inside the session before answers had entities of their own (empty since). */
  evaluations: Evaluation[];
}

/** A session with every answer version given for it, oldest first. */
export interface SessionRecord {
  session: Session;
  evaluations: Evaluation[];
}

/** Azurite caps a string property at 32K characters (Azure at 64 KiB): stay clear of it. */
export const MAX_ENTITY_JSON = 30_000;

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
/** Row keys of every answer version in an activity partition. */
export const ANSWER_RANGE = { from: 'answer|', to: 'answer}' };

/** The answer versions of a session, or of one person in one role: a row-key range. */
export function answerRange(session: string, who?: { role: string; person: string }) {
  const prefix = who ? key('answer', session, who.role, who.person) : key('answer', session);
  return { from: `${prefix}|`, to: `${prefix}}` };
}

export function sessionEntity(partitionKey: string, stored: StoredSession) {
  const json = JSON.stringify(stored);
  if (json.length > MAX_ENTITY_JSON) {
    throw new StoreError('too-large', `session ${stored.session.id}: too large to store`);
  }
  return { partitionKey, rowKey: sessionRowKey(stored.session.id), kind: 'session', json };
}

export function requestEntity(partitionKey: string, request: ClientRequest) {
  return { partitionKey, rowKey: requestRowKey(request.id), kind: 'request', json: JSON.stringify(request) };
}

/** The answers themselves, without who, when and for what: what a double submit repeats. */
export function answersOf(evaluation: Evaluation): Record<string, unknown> {
  const { session: _s, respondent: _r, role: _role, submittedAt: _at, ...answers } = evaluation;
  return answers;
}

export function sameAnswers(a: Evaluation, b: Evaluation): boolean {
  return canonicalJson(answersOf(a)) === canonicalJson(answersOf(b));
}

/** JSON with keys in order, so that equal content compares equal whatever wrote it. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * One answer version as an entity. The key holds the version number and a digest of the answers:
 * two submits of the same answers on the same previous version meet on one key (stored once), two
 * different ones never do (both stored).
 */
export function answerEntity(
  partitionKey: string,
  evaluation: Evaluation,
  seq: number,
  registration?: Registration,
): StoredEntity {
  const digest = createHash('sha256')
    .update(canonicalJson(answersOf(evaluation)))
    .digest('hex')
    .slice(0, 16);
  const version = `${String(seq).padStart(6, '0')}-${digest}`;
  return {
    partitionKey,
    rowKey: key('answer', evaluation.session, evaluation.role, evaluation.respondent, version),
    kind: 'answer',
    seq,
    json: JSON.stringify(evaluation),
    ...(registration ? { registration: JSON.stringify(registration) } : {}),
  };
}

/** A relationship manager's KPI 1 registration of the client request, as given with an answer. */
export type Registration = NonNullable<ClientRequest['registration']>;

export interface AnswerVersion {
  evaluation: Evaluation;
  seq: number;
  rowKey: string;
  /** The KPI 1 registration given with this answer (kept with the request too, by the follow-up). */
  registration?: Registration;
}

function answerVersion(entity: Entity): AnswerVersion {
  const version: AnswerVersion = {
    evaluation: parseJson<Evaluation>(entity),
    seq: Number(entity.seq ?? 0),
    rowKey: entity.rowKey,
  };
  if (typeof entity.registration === 'string') version.registration = JSON.parse(entity.registration);
  return version;
}

/** Answers kept inside an old session entity, as versions numbered before any answer entity. */
export function legacyVersions(stored: StoredSession | undefined): AnswerVersion[] {
  return (stored?.evaluations ?? []).map((evaluation, i) => ({ evaluation, seq: i + 1, rowKey: '' }));
}

/**
 * Versions in the order the scorer reads them (by the moment given, then as they were stored),
 * without repeats: a version that says what the same person's previous one said is dropped, so the
 * first of them stands with its moment.
 */
export function orderVersions(versions: AnswerVersion[]): AnswerVersion[] {
  const ordered = [...versions].sort(
    (a, b) =>
      parseInstant(a.evaluation.submittedAt) - parseInstant(b.evaluation.submittedAt) ||
      a.seq - b.seq ||
      (a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0),
  );
  const latest = new Map<string, AnswerVersion>();
  return ordered.filter((version) => {
    const who = key(version.evaluation.role, version.evaluation.respondent);
    const previous = latest.get(who);
    if (previous && sameVersion(previous, version)) return false;
    latest.set(who, version);
    return true;
  });
}

function sameVersion(a: AnswerVersion, b: AnswerVersion): boolean {
  return (
    sameAnswers(a.evaluation, b.evaluation) &&
    canonicalJson(registrationAnswers(a.registration)) === canonicalJson(registrationAnswers(b.registration))
  );
}

function registrationAnswers(registration: Registration | undefined) {
  if (!registration) return null;
  const { by: _by, at: _at, ...answers } = registration;
  return answers;
}

/** Every answer version of a session (or of one person in one role), with those of an old entity. */
export async function loadAnswers(
  store: TableStore,
  partitionKey: string,
  stored: StoredSession,
  who?: { role: string; person: string },
): Promise<AnswerVersion[]> {
  const rows = await store.list('activity', partitionKey, answerRange(stored.session.id, who));
  const legacy = legacyVersions(stored).filter(
    (v) => !who || (v.evaluation.role === who.role && v.evaluation.respondent === who.person),
  );
  return orderVersions([...legacy, ...rows.map(answerVersion)]);
}

/**
 * Keeps an answer version as it arrived, in one insert-if-absent and no read: its seq is the
 * millisecond it was received, so a retry of the same submit lands on the same key and a different
 * one on its own. A repeat of the latest answers is stored but dropped when read (orderVersions).
 */
export async function keepAnswerVersion(
  store: TableStore,
  partitionKey: string,
  evaluation: Evaluation,
  receivedAt: number,
  registration?: Registration,
): Promise<void> {
  try {
    await store.create('activity', answerEntity(partitionKey, evaluation, receivedAt, registration));
  } catch (error) {
    if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
  }
}

export interface ActivityContents {
  requests: ClientRequest[];
  sessions: SessionRecord[];
}

/** Requests and sessions of a partition's entities, each session with its answers (old and new). */
export function readActivity(entities: Entity[]): ActivityContents {
  const requests: ClientRequest[] = [];
  const stored: { partitionKey: string; session: StoredSession }[] = [];
  // Grouped per partition and session: a scan of a partition prefix spans several partitions.
  const answers = new Map<string, AnswerVersion[]>();
  const group = (partitionKey: string, session: string) => `${partitionKey}\n${session}`;
  for (const entity of entities) {
    if (entity.rowKey.startsWith('request|')) requests.push(parseJson<ClientRequest>(entity));
    else if (entity.rowKey.startsWith('session|'))
      stored.push({ partitionKey: entity.partitionKey, session: parseJson<StoredSession>(entity) });
    else if (entity.rowKey.startsWith('answer|')) {
      const version = answerVersion(entity);
      const at = group(entity.partitionKey, version.evaluation.session);
      answers.set(at, [...(answers.get(at) ?? []), version]);
    }
  }
  const sessions = stored.map(({ partitionKey, session }) => ({
    session: session.session,
    evaluations: orderVersions([
      ...legacyVersions(session),
      ...(answers.get(group(partitionKey, session.session.id)) ?? []),
    ]).map((v) => v.evaluation),
  }));
  return { requests, sessions };
}

/** Requests, sessions and answers of a partition, read as row-key ranges side by side. */
export async function loadActivity(store: TableStore, partitionKey: string): Promise<ActivityContents> {
  const ranges = [{ from: 'request|', to: 'request}' }, { from: 'session|', to: 'session}' }, ANSWER_RANGE];
  const parts = await Promise.all(ranges.map((range) => store.list('activity', partitionKey, range)));
  return readActivity(parts.flat());
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

/**
 * The answer entities of a session in `from`, and the answers kept inside its old entity, as
 * entities for `to`: what moves with a session to another partition (new supplier or half-year).
 * Keys are the same in both places, so copying twice (a retried move) writes nothing new.
 */
export async function answersToMove(
  store: TableStore,
  from: string,
  to: string,
  sessionId: string,
): Promise<{ entities: StoredEntity[]; oldRowKeys: string[] }> {
  const [old, rows] = await Promise.all([
    store.get('activity', from, sessionRowKey(sessionId)),
    store.list('activity', from, answerRange(sessionId)),
  ]);
  const legacy = old ? legacyVersions(parseJson<StoredSession>(old)) : [];
  const entities = [
    ...legacy.map((v) => answerEntity(to, v.evaluation, v.seq)),
    ...rows.map((row) => ({ ...row, partitionKey: to }) as StoredEntity),
  ].map(({ partitionKey, rowKey, kind, seq, json, registration }) => ({
    partitionKey,
    rowKey,
    kind,
    seq,
    json,
    ...(registration === undefined ? {} : { registration }),
  }));
  return { entities, oldRowKeys: rows.map((row) => row.rowKey) };
}

/** Removes a session that moved from its old partition: its answers first, then the session. */
export async function removeMovedSession(
  store: TableStore,
  from: string,
  sessionId: string,
  answerRowKeys: string[],
): Promise<void> {
  for (const rowKey of answerRowKeys) await store.delete('activity', from, rowKey);
  await store.delete('activity', from, sessionRowKey(sessionId));
}
