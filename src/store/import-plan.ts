// Importing a records file, in two steps. The plan reads what is stored and works out every entity
// the import writes (merged with what is there: answers and responses are never dropped), so that
// anything too large is refused before the first write. Running the plan writes parents before
// children and only what differs, with deterministic keys: a run cut short by an outage is
// completed by running the import again, and the same file twice changes nothing.
import type { TransactionAction } from '@azure/data-tables';
import {
  type ClientRequest,
  contractSettings,
  type Evaluation,
  type LefDay,
  type Records,
  type Session,
  type SurveyRound,
} from '../domain/records.ts';
import type { ValidationIssue } from '../domain/validate.ts';
import { runPooled } from '../util/pool.ts';
import {
  ACTIVITY_RANGE,
  ANSWER_RANGE,
  answerEntity,
  answersToMove,
  canonicalJson,
  legacyVersions,
  MAX_ENTITY_JSON,
  removeMovedSession,
  requestEntity,
  requestPartition,
  type StoredSession,
  sessionPartition,
  sessionRowKey,
} from './activity.ts';
import { ITEM_KINDS, type ItemKind, mergeLefDay, mergeRound, refRowKey } from './contract-items.ts';
import { type Entity, key, parseJson, type StoredEntity, type TableStore } from './tables.ts';

export interface ImportResult {
  written: number;
  unchanged: number;
}

/** A planned import that would write something too large: nothing was written. */
export class ImportRefusedError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.text.en}`).join('; '));
    this.name = 'ImportRefusedError';
  }
}

interface WriteGroup {
  table: 'records' | 'activity';
  partitionKey: string;
  entities: StoredEntity[];
  existing: Map<string, Entity>;
}

interface Move {
  from: string;
  session: string;
  answerRowKeys: string[];
  ref: StoredEntity;
}

export interface ImportPlan {
  parents: WriteGroup;
  /** Index rows and activity partitions: independent partitions, written side by side. */
  middle: WriteGroup[];
  rest: WriteGroup;
  moves: Move[];
}

const REF_PARTITIONS = 8;
const IMPORT_CONCURRENCY = 4;
/** JSON characters per transaction: a batch body stays well under the service's 4 MiB. */
const TRANSACTION_JSON = 1_000_000;

/** Index rows live beside the contract partition, spread over a few partitions so they load in parallel. */
export function refPartition(contractId: string, id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `${key(contractId)}|refs|${hash % REF_PARTITIONS}`;
}

export function refEntity(
  contractId: string,
  kind: 'session' | 'request',
  id: string,
  partition: string,
): StoredEntity {
  return {
    partitionKey: refPartition(contractId, id),
    rowKey: refRowKey(kind, id),
    kind: 'ref',
    json: JSON.stringify({ partition }),
  };
}

/** Reads what is stored and works out every write; refuses (writing nothing) what would not fit. */
export async function planImport(tables: TableStore, records: Records): Promise<ImportPlan> {
  const contractId = records.contract.id;
  const contractPk = key(contractId);
  const zone = contractSettings(records.contract).timeZone;
  const existingItems = new Map((await tables.list('records', contractPk)).map((e) => [e.rowKey, e]));
  const existingRefs = new Map(
    (await tables.listByPartitionPrefix('records', `${contractPk}|refs|`)).map((e) => [e.rowKey, e]),
  );
  const origin = new Map<StoredEntity, string>();
  const from = <T extends StoredEntity>(entity: T, path: string): T => {
    origin.set(entity, path);
    return entity;
  };

  // Contract-level records, merged with what is stored.
  const item = <K extends ItemKind>(
    kind: K,
    value: Parameters<(typeof ITEM_KINDS)[K]['rowKey']>[0],
    path: string,
  ) => {
    const rowKey = (ITEM_KINDS[kind].rowKey as (v: typeof value) => string)(value);
    const existing = existingItems.get(rowKey);
    let merged: unknown = value;
    if (existing && kind === 'surveyRound')
      merged = mergeRound(parseJson<SurveyRound>(existing), value as SurveyRound);
    if (existing && kind === 'lefDay') merged = mergeLefDay(parseJson<LefDay>(existing), value as LefDay);
    return from({ partitionKey: contractPk, rowKey, kind, json: JSON.stringify(merged) }, path);
  };
  const parents = [
    item('contract', records.contract, 'contract'),
    ...records.suppliers.map((s, i) => item('supplier', s, `suppliers[${i}]`)),
    ...records.people.map((p, i) => item('person', p, `people[${i}]`)),
  ];
  const rest = [
    ...records.lefDays.map((d, i) => item('lefDay', d, `lefDays[${i}]`)),
    ...(records.meetings ?? []).map((m, i) => item('meeting', m, `meetings[${i}]`)),
    ...(records.measurements ?? []).map((m, i) => item('measurement', m, `measurements[${i}]`)),
    ...(records.activities ?? []).map((a, i) => item('activity', a, `activities[${i}]`)),
    ...records.surveyRounds.map((r, i) => item('surveyRound', r, `surveyRounds[${i}]`)),
    ...records.reports.map((r, i) => item('report', r, `reports[${i}]`)),
    ...records.socialReturn.map((s, i) => item('socialReturn', s, `socialReturn[${i}]`)),
    ...records.findings.map((f, i) => item('finding', f, `findings[${i}]`)),
  ];

  // Requests and sessions per activity partition; each session's answers beside it.
  const partitions = new Map<string, { requests: ClientRequest[]; sessions: Session[] }>();
  const slot = (pk: string) => {
    const entry = partitions.get(pk) ?? { requests: [], sessions: [] };
    partitions.set(pk, entry);
    return entry;
  };
  for (const request of records.clientRequests)
    slot(requestPartition(contractId, request)).requests.push(request);
  for (const session of records.sessions)
    slot(sessionPartition(contractId, session, zone)).sessions.push(session);
  const sessionIndex = new Map(records.sessions.map((s, i) => [s.id, i]));
  const evaluationsBySession = new Map<string, Evaluation[]>();
  for (const evaluation of records.evaluations) {
    evaluationsBySession.set(evaluation.session, [
      ...(evaluationsBySession.get(evaluation.session) ?? []),
      evaluation,
    ]);
  }

  // A session moved to another partition (new start or supplier) is written in its new place with
  // its answers, then removed from the old one, and only then is its index row changed.
  const refs: StoredEntity[] = [];
  const moves: Move[] = [];
  const movedIn = new Map<string, StoredEntity[]>();
  for (const [pk, contents] of partitions) {
    for (const request of contents.requests) refs.push(refEntity(contractId, 'request', request.id, pk));
    for (const session of contents.sessions) {
      const ref = refEntity(contractId, 'session', session.id, pk);
      const previous = existingRefs.get(ref.rowKey);
      const before = previous ? (JSON.parse(previous.json) as { partition: string }).partition : undefined;
      if (before && before !== pk) {
        const { entities, oldRowKeys } = await answersToMove(tables, before, pk, session.id);
        movedIn.set(session.id, entities);
        moves.push({ from: before, session: session.id, answerRowKeys: oldRowKeys, ref });
      } else refs.push(ref);
    }
  }

  const activity: WriteGroup[] = [];
  for (const [pk, contents] of partitions) {
    const existing = new Map(
      (await Promise.all([ACTIVITY_RANGE, ANSWER_RANGE].map((range) => tables.list('activity', pk, range))))
        .flat()
        .map((e) => [e.rowKey, e]),
    );
    const entities: StoredEntity[] = contents.requests.map((r) =>
      from(requestEntity(pk, r), `clientRequests[${records.clientRequests.indexOf(r)}]`),
    );
    const answers: StoredEntity[] = [];
    for (const session of contents.sessions) {
      const path = `sessions[${sessionIndex.get(session.id)}]`;
      const stored = existing.get(sessionRowKey(session.id));
      const legacy = stored ? parseJson<StoredSession>(stored).evaluations : [];
      // Built here, not with sessionEntity: its size is checked with everything else below.
      const json = JSON.stringify({ session, evaluations: legacy } satisfies StoredSession);
      entities.push(
        from({ partitionKey: pk, rowKey: sessionRowKey(session.id), kind: 'session', json }, path),
      );
      const moved = movedIn.get(session.id) ?? [];
      answers.push(...moved);
      const version = (e: StoredEntity) => ({
        evaluation: parseJson<Evaluation>(e),
        seq: Number(e.seq ?? 0),
      });
      const known = [
        ...legacyVersions(stored ? parseJson<StoredSession>(stored) : undefined),
        ...[...existing.values()].filter((e) => e.rowKey.startsWith('answer|')).map(version),
        ...moved.map(version),
      ].filter((v) => v.evaluation.session === session.id);
      for (const added of newAnswers(pk, evaluationsBySession.get(session.id) ?? [], known)) {
        answers.push(from(added.entity, `evaluations[${records.evaluations.indexOf(added.evaluation)}]`));
      }
    }
    // Parents first within the partition too: a session is in the same or an earlier batch than its answers.
    activity.push({ table: 'activity', partitionKey: pk, entities: [...entities, ...answers], existing });
  }

  const tooLarge = [...origin].filter(([entity]) => entity.json.length > MAX_ENTITY_JSON);
  if (tooLarge.length > 0) {
    throw new ImportRefusedError(
      tooLarge.map(([entity, path]) => ({
        path,
        text: {
          nl: `samen met wat al is opgeslagen te groot om op te slaan (${entity.json.length} tekens als JSON, hoogstens ${MAX_ENTITY_JSON}); er is niets geïmporteerd`,
          en: `together with what is stored, too large to store (${entity.json.length} characters as JSON, at most ${MAX_ENTITY_JSON}); nothing was imported`,
        },
      })),
    );
  }

  const refGroups = new Map<string, StoredEntity[]>();
  for (const ref of refs) refGroups.set(ref.partitionKey, [...(refGroups.get(ref.partitionKey) ?? []), ref]);
  return {
    parents: { table: 'records', partitionKey: contractPk, entities: parents, existing: existingItems },
    middle: [
      ...[...refGroups].map(([pk, entities]) => ({
        table: 'records' as const,
        partitionKey: pk,
        entities,
        existing: existingRefs,
      })),
      ...activity,
    ],
    rest: { table: 'records', partitionKey: contractPk, entities: rest, existing: existingItems },
    moves,
  };
}

/** The file's answer versions that are not stored yet (by content), numbered after the stored ones. */
function newAnswers(
  pk: string,
  incoming: Evaluation[],
  stored: { evaluation: Evaluation; seq: number }[],
): { entity: StoredEntity; evaluation: Evaluation }[] {
  const known = new Set<string>();
  const seqs = new Map<string, number>();
  const who = (e: Evaluation) => `${e.role}\n${e.respondent}`;
  for (const { evaluation, seq } of stored) {
    known.add(canonicalJson(evaluation));
    seqs.set(who(evaluation), Math.max(seqs.get(who(evaluation)) ?? 0, seq));
  }
  const out: { entity: StoredEntity; evaluation: Evaluation }[] = [];
  const ordered = [...incoming].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
  for (const evaluation of ordered) {
    const content = canonicalJson(evaluation);
    if (known.has(content)) continue;
    known.add(content);
    const seq = (seqs.get(who(evaluation)) ?? 0) + 1;
    seqs.set(who(evaluation), seq);
    out.push({ entity: answerEntity(pk, evaluation, seq), evaluation });
  }
  return out;
}

/** Runs a plan: parents, then index rows and activity side by side, then the rest, then the moves. */
export async function runImport(tables: TableStore, plan: ImportPlan): Promise<ImportResult> {
  const result: ImportResult = { written: 0, unchanged: 0 };
  await writeChanged(tables, plan.parents, result);
  await runPooled(IMPORT_CONCURRENCY, plan.middle, (group) => writeChanged(tables, group, result));
  await writeChanged(tables, plan.rest, result);
  for (const move of plan.moves) {
    await removeMovedSession(tables, move.from, move.session, move.answerRowKeys);
    await writeChanged(
      tables,
      { table: 'records', partitionKey: move.ref.partitionKey, entities: [move.ref], existing: new Map() },
      result,
    );
  }
  return result;
}

/** Upserts the entities whose content differs from what is stored, in transactions per partition. */
async function writeChanged(tables: TableStore, group: WriteGroup, result: ImportResult): Promise<void> {
  const changed = group.entities.filter((e) => group.existing.get(e.rowKey)?.json !== e.json);
  result.unchanged += group.entities.length - changed.length;
  let batch: TransactionAction[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length > 0) await tables.transact(group.table, batch);
    batch = [];
    size = 0;
  };
  for (const entity of changed) {
    if (batch.length === 100 || size + entity.json.length > TRANSACTION_JSON) await flush();
    batch.push(['upsert', { ...entity, partitionKey: group.partitionKey }, 'Replace']);
    size += entity.json.length;
  }
  await flush();
  result.written += changed.length;
}
