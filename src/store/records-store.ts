import type { TransactionAction } from '@azure/data-tables';
// The records file ⇄ the store. Import validates the whole file before it writes anything, plans
// every write (refusing what would not fit), merges it with what is stored (answers are never
// dropped) and writes parents before children (see import-plan.ts). Export reads everything of a
// contract back into one records document.
import type { Period } from '../domain/periods.ts';
import type {
  Activity,
  ClientRequest,
  Contract,
  Finding,
  LefDay,
  Measurement,
  Meeting,
  Records,
  Session,
  SurveyRound,
} from '../domain/records.ts';
import {
  activityPartition,
  answersToMove,
  loadActivity,
  requestPartition as partitionOfRequest,
  readActivity,
  removeMovedSession,
  requestEntity,
  requestRowKey,
  type SessionRecord,
  type StoredSession,
  sessionEntity,
  sessionPartition,
  sessionRowKey,
  updateSession,
} from './activity.ts';
import { ITEM_KINDS, type ItemKind, ROW_PREFIX, refRowKey } from './contract-items.ts';
import { StoreError } from './errors.ts';
import { type ImportResult, planImport, refEntity, refPartition, runImport } from './import-plan.ts';
import { RecoveryPlanStore } from './recovery-plans.ts';
import { ResponseStore, withChatResponses } from './survey-responses.ts';
import { type Entity, key, parseJson, type TableStore } from './tables.ts';

export { ImportRefusedError, type ImportResult, refPartition } from './import-plan.ts';

/**
 * How often the contract-level records (contract, suppliers, people) were written through these
 * tables in this process: a cached view of them is stale once the number moves (see Core.contractView).
 */
const generations = new WeakMap<TableStore, number>();
export function contractGeneration(tables: TableStore): number {
  return generations.get(tables) ?? 0;
}

/** After a write of a contract-level record outside an import (a person changed in chat). */
export function contractChanged(tables: TableStore): void {
  generations.set(tables, contractGeneration(tables) + 1);
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

  /**
   * Writes a validated records document into the store (see the module comment). Throws
   * ImportRefusedError, having written nothing, when something would be too large to store.
   */
  async importRecords(records: Records): Promise<ImportResult> {
    try {
      const result = await runImport(this.tables, await planImport(this.tables, records));
      // Recovery plans keep a version per entity, as in chat: added, never replaced.
      if (records.recoveryPlans?.length)
        await new RecoveryPlanStore(this.tables, records.contract.id).importPlans(records.recoveryPlans);
      return result;
    } finally {
      generations.set(this.tables, contractGeneration(this.tables) + 1);
    }
  }

  /** The whole contract as a records document, collections in key order. */
  async exportRecords(contractId: string): Promise<Records> {
    const contractPk = key(contractId);
    const [items, chat, rows, plans] = await Promise.all([
      this.tables.list('records', contractPk),
      new ResponseStore(this.tables, contractId).all(),
      this.tables.listByPartitionPrefix('activity', `${contractPk}|`),
      new RecoveryPlanStore(this.tables, contractId).exportPlans(),
    ]);
    const activity = readActivity(rows);
    const records = assemble(items, activity.requests, activity.sessions, chat);
    return plans.length > 0 ? { ...records, recoveryPlans: plans } : records;
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
      const [items, activity, chat] = await Promise.all([
        this.tables.list('records', key(contractId)),
        partition(supplier),
        new ResponseStore(this.tables, contractId).all(),
      ]);
      const known = items.some((e) => e.rowKey === key('supplier', supplier));
      return assemble(items, known ? activity.requests : [], known ? activity.sessions : [], chat);
    }
    const [items, chat] = await Promise.all([
      this.tables.list('records', key(contractId)),
      new ResponseStore(this.tables, contractId).all(),
    ]);
    const suppliers = items
      .filter((e) => e.rowKey.startsWith('supplier|'))
      .map((e) => parseJson<{ id: string }>(e).id);
    const activity = await Promise.all(suppliers.map(partition));
    return assemble(
      items,
      activity.flatMap((a) => a.requests),
      activity.flatMap((a) => a.sessions),
      chat,
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
    // Moved (new supplier or half-year): its answers are copied to the new place first, and the
    // old copy is removed only once the new one stands, so that a retry after a failure completes it.
    const moving = from && from !== pk ? await answersToMove(this.tables, from, pk, session.id) : undefined;
    for (const entity of moving?.entities ?? []) await this.tables.upsert('activity', entity);
    const existing = await this.tables.get('activity', pk, sessionRowKey(session.id));
    if (existing) {
      const before = parseJson<StoredSession>(existing).session;
      outcome = JSON.stringify(before) === JSON.stringify(session) && !moving ? 'unchanged' : 'updated';
      if (JSON.stringify(before) !== JSON.stringify(session))
        await updateSession(this.tables, pk, session.id, (current) => ({ ...current, session }));
    } else {
      if (moving && (await this.tables.get('activity', from as string, sessionRowKey(session.id))))
        outcome = 'updated';
      await this.tables.create('activity', sessionEntity(pk, { session, evaluations: [] }));
    }
    if (moving) await removeMovedSession(this.tables, from as string, session.id, moving.oldRowKeys);
    if (from !== pk) {
      await this.tables.transact('records', [
        ['upsert', refEntity(contractId, 'session', session.id, pk), 'Replace'],
      ]);
    }
    return outcome;
  }

  /**
   * Creates a client request asked in chat (its id is new): the request, then its index row, so
   * that a retry after a crash in between completes it. False when it existed already.
   */
  async createRequest(contractId: string, request: ClientRequest): Promise<boolean> {
    const pk = partitionOfRequest(contractId, request);
    let created = true;
    try {
      await this.tables.create('activity', requestEntity(pk, request));
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
      created = false;
    }
    await this.tables.upsert('records', refEntity(contractId, 'request', request.id, pk));
    return created;
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

  /** Creates a survey round unless one with its id exists; returns whether it was new. */
  async createRound(contractId: string, round: SurveyRound): Promise<boolean> {
    try {
      await this.tables.create('records', {
        partitionKey: key(contractId),
        rowKey: ITEM_KINDS.surveyRound.rowKey(round),
        kind: 'surveyRound',
        json: JSON.stringify(round),
      });
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'exists') return false;
      throw error;
    }
  }

  /** Every survey round of the contract (one range read of its partition). */
  async rounds(contractId: string): Promise<SurveyRound[]> {
    const rows = await this.tables.list('records', key(contractId), { from: 'round|', to: 'round}' });
    return rows.map((row) => parseJson<SurveyRound>(row));
  }

  /** The findings of one supplier (and period), with what a conditional write needs. */
  async findingsOf(
    contractId: string,
    supplier: string,
    period?: string,
  ): Promise<{ finding: Finding; etag: string }[]> {
    const prefix = `${period === undefined ? key('finding', supplier) : key('finding', supplier, period)}|`;
    const rows = await this.tables.list('records', key(contractId), {
      from: prefix,
      to: `${prefix.slice(0, -1)}}`,
    });
    return rows.map((row) => ({ finding: parseJson<Finding>(row), etag: row.etag }));
  }

  /**
   * Writes findings in one transaction: a new one only if absent, a changed one only if unchanged
   * since it was read (`etag`). StoreError `exists` or `conflict` when another writer was first.
   */
  async writeFindings(contractId: string, writes: { finding: Finding; etag?: string }[]): Promise<void> {
    if (writes.length === 0) return;
    await this.tables.transact(
      'records',
      writes.map(({ finding, etag }): TransactionAction => {
        const entity = {
          partitionKey: key(contractId),
          rowKey: ITEM_KINDS.finding.rowKey(finding),
          kind: 'finding',
          json: JSON.stringify(finding),
        };
        return etag ? ['update', entity, 'Replace', { etag }] : ['create', entity];
      }),
    );
  }
}

function assemble(
  items: Entity[],
  requests: ClientRequest[],
  sessions: SessionRecord[],
  chat: ReadonlyMap<string, SurveyRound['responses']>,
): Records {
  const of = <T>(kind: ItemKind): T[] =>
    items
      .filter((e) => e.rowKey === ROW_PREFIX[kind] || e.rowKey.startsWith(`${ROW_PREFIX[kind]}|`))
      .map((e) => parseJson<T>(e));
  const contract = of<Contract>('contract')[0];
  if (!contract) throw new StoreError('not-found', 'no contract in the store');
  const byId = <T extends { id: string }>(list: T[]) =>
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sortedSessions = [...sessions].sort((a, b) => (a.session.id < b.session.id ? -1 : 1));
  const meetings = byId(of<Meeting>('meeting'));
  const measurements = of<Measurement>('measurement');
  const activities = of<Activity>('activity');
  return {
    contract,
    suppliers: of<Records['suppliers'][number]>('supplier'),
    people: of<Records['people'][number]>('person'),
    clientRequests: byId(requests),
    sessions: sortedSessions.map((s) => s.session),
    evaluations: sortedSessions.flatMap((s) => s.evaluations),
    lefDays: of<LefDay>('lefDay'),
    surveyRounds: withChatResponses(of<SurveyRound>('surveyRound'), chat),
    reports: of<Records['reports'][number]>('report'),
    socialReturn: of<Records['socialReturn'][number]>('socialReturn'),
    findings: of<Finding>('finding'),
    // Only when there are any: a file from before meetings exports as it was imported.
    ...(meetings.length > 0 ? { meetings } : {}),
    ...(measurements.length > 0 ? { measurements } : {}),
    ...(activities.length > 0 ? { activities } : {}),
  };
}
