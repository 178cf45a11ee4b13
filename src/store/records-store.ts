// The records file ⇄ the store. Import validates the whole file before it writes anything, merges
// it with what is stored (answers are never dropped), writes only what changed, and writes parents
// before children so that the store is valid after every step; re-importing the same file changes
// nothing. Export reads everything of a contract back into one records document.
import type { TransactionAction } from '@azure/data-tables';
import type { Period } from '../domain/periods.ts';
import {
  type ClientRequest,
  type Contract,
  contractSettings,
  type Evaluation,
  type Finding,
  type LefDay,
  type Records,
  type Session,
  type SurveyRound,
} from '../domain/records.ts';
import { runPooled } from '../util/pool.ts';
import {
  ACTIVITY_RANGE,
  activityPartition,
  loadActivity,
  readActivity,
  requestEntity,
  requestPartition,
  requestRowKey,
  type StoredSession,
  sessionEntity,
  sessionPartition,
  sessionRowKey,
  updateSession,
} from './activity.ts';
import {
  ITEM_KINDS,
  type ItemKind,
  mergeLefDay,
  mergeRound,
  ROW_PREFIX,
  refRowKey,
  unionByContent,
} from './contract-items.ts';
import { StoreError } from './errors.ts';
import { type Entity, key, parseJson, type StoredEntity, type TableStore } from './tables.ts';

export interface ImportResult {
  written: number;
  unchanged: number;
}

export class RecordsStore {
  constructor(readonly tables: TableStore) {}

  /** Ids of the contracts in the store. */
  async contractIds(): Promise<string[]> {
    const rows = await this.tables.query('records', "RowKey eq 'contract'");
    return rows.map((row) => parseJson<Contract>(row).id).sort();
  }

  async contract(contractId: string): Promise<Contract | undefined> {
    const row = await this.tables.get('records', key(contractId), 'contract');
    return row ? parseJson<Contract>(row) : undefined;
  }

  /** Writes a validated records document into the store (see the module comment). */
  async importRecords(records: Records): Promise<ImportResult> {
    const contractPk = key(records.contract.id);
    const zone = contractSettings(records.contract).timeZone;
    const result: ImportResult = { written: 0, unchanged: 0 };
    const existingItems = new Map((await this.tables.list('records', contractPk)).map((e) => [e.rowKey, e]));
    const existingRefs = new Map(
      (await this.tables.listByPartitionPrefix('records', `${contractPk}|refs|`)).map((e) => [e.rowKey, e]),
    );

    // Contract-level records, merged with what is stored.
    const item = <K extends ItemKind>(kind: K, value: Parameters<(typeof ITEM_KINDS)[K]['rowKey']>[0]) => {
      const rowKey = (ITEM_KINDS[kind].rowKey as (v: typeof value) => string)(value);
      const existing = existingItems.get(rowKey);
      let merged: unknown = value;
      if (existing && kind === 'surveyRound')
        merged = mergeRound(parseJson<SurveyRound>(existing), value as SurveyRound);
      if (existing && kind === 'lefDay') merged = mergeLefDay(parseJson<LefDay>(existing), value as LefDay);
      return { partitionKey: contractPk, rowKey, kind, json: JSON.stringify(merged) };
    };
    const parents = [
      item('contract', records.contract),
      ...records.suppliers.map((s) => item('supplier', s)),
      ...records.people.map((p) => item('person', p)),
    ];
    const rest = [
      ...records.lefDays.map((d) => item('lefDay', d)),
      ...records.surveyRounds.map((r) => item('surveyRound', r)),
      ...records.reports.map((r) => item('report', r)),
      ...records.socialReturn.map((s) => item('socialReturn', s)),
      ...records.findings.map((f) => item('finding', f)),
    ];

    // Requests and sessions per activity partition; a session's evaluations travel inside it.
    const evaluationsBySession = groupBy(records.evaluations, (e) => e.session);
    const partitions = new Map<string, { requests: ClientRequest[]; sessions: Session[] }>();
    const slot = (pk: string) => {
      const entry = partitions.get(pk) ?? { requests: [], sessions: [] };
      partitions.set(pk, entry);
      return entry;
    };
    for (const request of records.clientRequests)
      slot(requestPartition(records.contract.id, request)).requests.push(request);
    for (const session of records.sessions)
      slot(sessionPartition(records.contract.id, session, zone)).sessions.push(session);

    // Index rows: where each session and request lives. A session moved to another partition
    // (new start or supplier) is written in its new place, then removed from the old one.
    const refs: StoredEntity[] = [];
    const moves: { from: string; session: string }[] = [];
    for (const [pk, contents] of partitions) {
      for (const request of contents.requests)
        refs.push(refEntity(records.contract.id, 'request', request.id, pk));
      for (const session of contents.sessions) {
        const ref = refEntity(records.contract.id, 'session', session.id, pk);
        const previous = existingRefs.get(ref.rowKey);
        const from = previous ? (JSON.parse(previous.json) as { partition: string }).partition : undefined;
        if (from && from !== pk) moves.push({ from, session: session.id });
        refs.push(ref);
      }
    }
    const moved = new Map<string, Evaluation[]>();
    for (const move of moves) {
      const old = await this.tables.get('activity', move.from, sessionRowKey(move.session));
      if (old) moved.set(move.session, parseJson<StoredSession>(old).evaluations);
    }

    // Parents first; then the index rows and the activity partitions (independent partitions, written
    // side by side); then what refers to them. The store is valid after every transaction.
    await this.writeChanged('records', contractPk, parents, existingItems, result);
    const refPartitions = groupBy(refs, (r) => r.partitionKey);
    const work: (() => Promise<void>)[] = [
      ...[...refPartitions].map(
        ([pk, rows]) =>
          () =>
            this.writeChanged('records', pk, rows, existingRefs, result),
      ),
      ...[...partitions].map(
        ([pk, contents]) =>
          () =>
            this.writeActivity(pk, contents, evaluationsBySession, moved, result),
      ),
    ];
    await runPooled(IMPORT_CONCURRENCY, work, (run) => run());
    await this.writeChanged('records', contractPk, rest, existingItems, result);
    for (const move of moves) await this.tables.delete('activity', move.from, sessionRowKey(move.session));
    return result;
  }

  private async writeActivity(
    pk: string,
    contents: { requests: ClientRequest[]; sessions: Session[] },
    evaluationsBySession: Map<string, Evaluation[]>,
    moved: Map<string, Evaluation[]>,
    result: ImportResult,
  ): Promise<void> {
    const existing = new Map(
      (await this.tables.list('activity', pk, ACTIVITY_RANGE)).map((e) => [e.rowKey, e]),
    );
    const entities: StoredEntity[] = contents.requests.map((r) => requestEntity(pk, r));
    for (const session of contents.sessions) {
      const stored = existing.get(sessionRowKey(session.id));
      const before = [
        ...(stored ? parseJson<StoredSession>(stored).evaluations : []),
        ...(moved.get(session.id) ?? []),
      ];
      const evaluations = unionByContent(
        before,
        evaluationsBySession.get(session.id) ?? [],
        (e) => e.submittedAt,
      );
      entities.push(sessionEntity(pk, { session, evaluations }));
    }
    await this.writeChanged('activity', pk, entities, existing, result);
  }

  /** Upserts the entities whose content differs from what is stored, in transactions per partition. */
  private async writeChanged(
    table: 'records' | 'activity',
    partitionKey: string,
    entities: StoredEntity[],
    existing: Map<string, Entity>,
    result: ImportResult,
  ): Promise<void> {
    const changed = entities.filter((e) => existing.get(e.rowKey)?.json !== e.json);
    result.unchanged += entities.length - changed.length;
    const actions: TransactionAction[] = changed.map((e) => ['upsert', { ...e, partitionKey }, 'Replace']);
    await this.tables.transact(table, actions);
    result.written += changed.length;
  }

  /** The whole contract as a records document, collections in key order. */
  async exportRecords(contractId: string): Promise<Records> {
    const contractPk = key(contractId);
    const items = await this.tables.list('records', contractPk);
    const activity = readActivity(await this.tables.listByPartitionPrefix('activity', `${contractPk}|`));
    return assemble(items, activity.requests, activity.sessions);
  }

  /**
   * What scoring one supplier in one period needs: every contract-level record, and the requests and
   * sessions of that supplier in the half-year that holds the period.
   */
  async loadForScoring(contractId: string, period: Period, supplier?: string): Promise<Records> {
    const halfYear = period.kind === 'H' ? period.id : `${period.year}-H${period.index <= 2 ? 1 : 2}`;
    const partition = (id: string) => loadActivity(this.tables, activityPartition(contractId, id, halfYear));
    if (supplier !== undefined) {
      // One supplier: its partition and the contract's records side by side.
      const [items, activity] = await Promise.all([
        this.tables.list('records', key(contractId)),
        partition(supplier),
      ]);
      const known = items.some((e) => e.rowKey === key('supplier', supplier));
      return assemble(items, known ? activity.requests : [], known ? activity.sessions : []);
    }
    const items = await this.tables.list('records', key(contractId));
    const suppliers = items
      .filter((e) => e.rowKey.startsWith('supplier|'))
      .map((e) => parseJson<{ id: string }>(e).id);
    const activity = await Promise.all(suppliers.map(partition));
    return assemble(
      items,
      activity.flatMap((a) => a.requests),
      activity.flatMap((a) => a.sessions),
    );
  }

  /**
   * Creates or changes one session (from the API or a chat registration), keeping its answers.
   * A session that moves to another partition (new supplier or half-year) is written in its new
   * place, indexed, and only then removed from the old one.
   */
  async saveSession(
    contractId: string,
    session: Session,
    zone: string,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    const pk = sessionPartition(contractId, session, zone);
    const refKey = refRowKey('session', session.id);
    const refPk = refPartition(contractId, session.id);
    const ref = await this.tables.get('records', refPk, refKey);
    const from = ref ? (JSON.parse(ref.json) as { partition: string }).partition : undefined;
    let outcome: 'created' | 'updated' | 'unchanged' = 'created';
    const existing = await this.tables.get('activity', pk, sessionRowKey(session.id));
    if (existing) {
      const before = parseJson<StoredSession>(existing).session;
      outcome = JSON.stringify(before) === JSON.stringify(session) ? 'unchanged' : 'updated';
      if (outcome === 'updated')
        await updateSession(this.tables, pk, session.id, (current) => ({ ...current, session }));
    } else {
      const old =
        from && from !== pk ? await this.tables.get('activity', from, sessionRowKey(session.id)) : undefined;
      const evaluations = old ? parseJson<StoredSession>(old).evaluations : [];
      if (old) outcome = 'updated';
      await this.tables.create('activity', sessionEntity(pk, { session, evaluations }));
    }
    if (from !== pk) {
      await this.tables.transact('records', [
        ['upsert', refEntity(contractId, 'session', session.id, pk), 'Replace'],
      ]);
      if (from) await this.tables.delete('activity', from, sessionRowKey(session.id));
    }
    return outcome;
  }

  /** The activity partition a client request lives in, from its index row. */
  async requestPartition(contractId: string, id: string): Promise<string | undefined> {
    const ref = await this.tables.get('records', refPartition(contractId, id), refRowKey('request', id));
    return ref ? (JSON.parse(ref.json) as { partition: string }).partition : undefined;
  }

  /** A client request by its id, found through its index row. */
  async findRequest(contractId: string, id: string): Promise<ClientRequest | undefined> {
    const partition = await this.requestPartition(contractId, id);
    if (!partition) return undefined;
    const row = await this.tables.get('activity', partition, requestRowKey(id));
    return row ? parseJson<ClientRequest>(row) : undefined;
  }

  /** Stores findings that are not stored yet; the first one stored for a KPI stays (its date must not move). */
  async addFindings(contractId: string, findings: Finding[]): Promise<Finding[]> {
    const added: Finding[] = [];
    for (const finding of findings) {
      try {
        await this.tables.create('records', {
          partitionKey: key(contractId),
          rowKey: ITEM_KINDS.finding.rowKey(finding),
          kind: 'finding',
          json: JSON.stringify(finding),
        });
        added.push(finding);
      } catch (error) {
        if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
      }
    }
    return added;
  }
}

/** Index rows live beside the contract partition, spread over a few partitions so they load in parallel. */
export function refPartition(contractId: string, id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `${key(contractId)}|refs|${hash % REF_PARTITIONS}`;
}
const REF_PARTITIONS = 8;
const IMPORT_CONCURRENCY = 4;

function refEntity(
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

function assemble(items: Entity[], requests: ClientRequest[], sessions: StoredSession[]): Records {
  const of = <T>(kind: ItemKind): T[] =>
    items
      .filter((e) => e.rowKey === ROW_PREFIX[kind] || e.rowKey.startsWith(`${ROW_PREFIX[kind]}|`))
      .map((e) => parseJson<T>(e));
  const contract = of<Contract>('contract')[0];
  if (!contract) throw new StoreError('not-found', 'no contract in the store');
  const byId = <T extends { id: string }>(list: T[]) =>
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sortedSessions = [...sessions].sort((a, b) => (a.session.id < b.session.id ? -1 : 1));
  return {
    contract,
    suppliers: of<Records['suppliers'][number]>('supplier'),
    people: of<Records['people'][number]>('person'),
    clientRequests: byId(requests),
    sessions: sortedSessions.map((s) => s.session),
    evaluations: sortedSessions.flatMap((s) => s.evaluations),
    lefDays: of<LefDay>('lefDay'),
    surveyRounds: of<SurveyRound>('surveyRound'),
    reports: of<Records['reports'][number]>('report'),
    socialReturn: of<Records['socialReturn'][number]>('socialReturn'),
    findings: of<Finding>('finding'),
  };
}

function groupBy<T>(items: readonly T[], by: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(by(item));
    if (list) list.push(item);
    else map.set(by(item), [item]);
  }
  return map;
}
