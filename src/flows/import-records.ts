// A records file into the store, whoever imports it (the demo seed at a first start, the `import`
// command): merged all or nothing (see store/import-plan.ts), then the evaluation of every session
// whose window is still open scheduled, and the scorecards the file touches recomputed.
import type { Clock } from '../clock.ts';
import { periodContaining } from '../domain/periods.ts';
import { contractSettings, type Records } from '../domain/records.ts';
import { dayStart, formatInstant, localDate, parseInstant } from '../domain/time.ts';
import { sessionPartition } from '../store/activity.ts';
import type { ImportResult, RecordsStore } from '../store/records-store.ts';
import type { TableStore } from '../store/tables.ts';
import { Core } from './core.ts';
import { openEvaluationItem } from './evaluations.ts';
import { enqueueRecompute } from './scorecard.ts';

export interface ImportOutcome extends ImportResult {
  /** Sessions whose evaluation was put in the outbox (already scheduled ones are not counted). */
  scheduled: number;
  /** Scorecards (supplier and period) put in the outbox for recomputing. */
  recomputed: number;
}

export async function importRecordsFile(
  store: { tables: TableStore; records: RecordsStore },
  records: Records,
  clock: Clock,
): Promise<ImportOutcome> {
  // The import's outbox work needs no channel: it is done by the bot's worker.
  const core = new Core({
    contract: records.contract.id,
    clock,
    tables: store.tables,
    records: store.records,
    channels: [],
  });
  // Stored scorecards are marked stale before the import (a crash after it, and the same file
  // again writing nothing, must not leave them as they were) and again after it (see below).
  await core.scorecards.invalidateAll();
  const result = await store.records.importRecords(records);
  const scheduled = await scheduleEvaluations(core, records);
  // The same file again changes nothing, so there is nothing to recompute either.
  const touched = result.written > 0 ? touchedScorecards(records) : [];
  if (result.written > 0) await core.scorecards.invalidateAll();
  const view = touched.length > 0 ? await core.contractView() : undefined;
  for (const { supplier, at } of touched) await enqueueRecompute(core, supplier, at, view);
  return { ...result, scheduled, recomputed: touched.length };
}

/** Opens the evaluation of every session whose window is still open (idempotent: fixed item ids). */
export async function scheduleEvaluations(core: Core, records: Records): Promise<number> {
  const settings = contractSettings(records.contract);
  const items = records.sessions.flatMap((session) => {
    const item = openEvaluationItem(
      session,
      sessionPartition(records.contract.id, session, settings.timeZone),
      settings,
      core.clock.now(),
    );
    return item ? [item] : [];
  });
  return core.outbox.enqueue(items);
}

/**
 * One instant per supplier and period that the file holds records for: sessions, client requests,
 * reports, social return, findings and survey rounds of the supplier; LEF days count for everyone.
 */
function touchedScorecards(records: Records): { supplier: string; at: string }[] {
  const { timeZone } = contractSettings(records.contract);
  const out = new Map<string, { supplier: string; at: string }>();
  const add = (supplier: string, day: string) => {
    const period = periodContaining(day, records.contract.assessment).id;
    const at = formatInstant(dayStart(day, timeZone), timeZone);
    out.set(`${supplier}\n${period}`, out.get(`${supplier}\n${period}`) ?? { supplier, at });
  };
  const dayOf = (iso: string) => localDate(parseInstant(iso), timeZone);
  const suppliers = records.suppliers.map((s) => s.id);
  for (const session of records.sessions) add(session.supplier, dayOf(session.start));
  for (const request of records.clientRequests) add(request.supplier, request.date);
  for (const round of records.surveyRounds) add(round.supplier, round.closesOn);
  for (const day of records.lefDays) for (const supplier of suppliers) add(supplier, day.date);
  for (const report of records.reports) if (report.deliveredOn) add(report.supplier, report.deliveredOn);
  for (const entry of records.socialReturn)
    for (const figure of entry.figures) add(entry.supplier, figure.upTo);
  return [...out.values()];
}
