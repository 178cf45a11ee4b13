// The periodic satisfaction survey of KPI 5 on the scheduler: each period, a round per supplier
// (`<supplier>-<period>`) opens as the contract's `survey` schedule says, with the client side of the
// schedule and the supplier's contacts as respondents on the day it opens. A round is an ordinary
// `surveyRounds` entry from then on (exported, imported, scored); a round the records already hold
// for that supplier and period (imported, or opened by hand) is not opened a second time.
import { inPeriod, parsePeriod } from '../domain/periods.ts';
import { type SurveyRound, sideOf } from '../domain/records.ts';
import {
  occurrenceId,
  occurrencesUpTo,
  quarterOf,
  type SurveyOccurrence,
} from '../domain/survey-schedule.ts';
import { addCalendarDays, addDays, dayStart, localDate } from '../domain/time.ts';
import { isRoundClosedOn } from '../domain/windows.ts';
import { UserError } from '../errors.ts';
import type { Occurrence, ScheduledJob } from '../scheduler/scheduler.ts';
import type { SurveyAssignment } from '../store/assignments.ts';
import { ResponseStore } from '../store/survey-responses.ts';
import type { ContractView, Core } from './core.ts';
import { assign, closeAssignments } from './questionnaire/engine.ts';
import { enqueueRecompute } from './scorecard.ts';
import { roundInstant } from './survey-kind.ts';
import { enqueueResultsIfJudged } from './survey-results.ts';

export const SURVEY_JOBS = { open: 'open-survey-round', close: 'close-survey-round' } as const;

/** The scheduler's job: every round of the schedule whose opening day has begun. */
export const surveyJob: ScheduledJob = {
  name: 'survey',
  async due(core: Core, now: number): Promise<Occurrence[]> {
    const view = await core.contractView();
    const schedule = view.contract.survey;
    if (!schedule) return [];
    const zone = view.settings.timeZone;
    const today = localDate(now, zone);
    const rounds = occurrencesUpTo(
      schedule,
      view.suppliers.map((s) => s.id),
      view.contract.startDate,
      today,
    );
    return (rounds ?? []).map((round) => ({
      id: round.id,
      item: {
        id: `${SURVEY_JOBS.open}|${round.id}`,
        kind: SURVEY_JOBS.open,
        payload: { ...round },
        dueAt: Math.max(dayStart(round.opensOn, zone), 0),
      },
    }));
  },
};

export type OpenRoundOutcome = 'opened' | 'exists' | 'passed' | 'no-schedule';

/** The outbox job of one occurrence: opens the round unless its window passed or the period has one. */
export async function openSurveyRound(core: Core, payload: SurveyOccurrence): Promise<OpenRoundOutcome> {
  const view = await core.contractView();
  const schedule = view.contract.survey;
  if (!schedule) return 'no-schedule';
  const today = localDate(core.clock.now(), view.settings.timeZone);
  // Missed entirely while the bot was down: a round nobody can answer any more is not opened.
  if (isRoundClosedOn(today, payload.closesOn)) return 'passed';
  const period = parsePeriod(payload.period);
  const rounds = await core.records.rounds(core.contract);
  // Another round for this supplier in the period (imported, or opened by hand): not a second one.
  if (
    rounds.some(
      (r) => r.id !== payload.id && r.supplier === payload.supplier && period && inPeriod(period, r.opensOn),
    )
  )
    return 'exists';
  const existing = rounds.find((r) => r.id === payload.id);
  const round: SurveyRound = existing ?? {
    id: payload.id,
    supplier: payload.supplier,
    opensOn: payload.opensOn,
    closesOn: payload.closesOn,
    respondents: respondentsOf(view, schedule.clientRespondents, payload.supplier),
    responses: [],
  };
  if (!existing) await core.records.createRound(core.contract, round);
  // Run again after a crash, the rest is idempotent too: assignments insert-if-absent, fixed item ids.
  await askRespondents(core, view, round, payload.period);
  return existing ? 'exists' : 'opened';
}

/** Each respondent gets the questionnaire of their side, reminders before the close, and the close. */
export async function askRespondents(core: Core, view: ContractView, round: SurveyRound, period: string) {
  const zone = view.settings.timeZone;
  const opensAt = dayStart(round.opensOn, zone);
  const closesAt = dayStart(addDays(round.closesOn, 1), zone);
  // One read of the answers given in chat (a round run again after a crash may have some).
  const given = (await new ResponseStore(core.tables, core.contract).all()).get(round.id) ?? [];
  const assignments = [];
  for (const person of round.respondents) {
    const found = view.people.get(person);
    if (!found) continue;
    const answered = [...round.responses, ...given].some((r) => r.respondent === person);
    const assignment: SurveyAssignment = {
      kind: 'survey',
      contract: core.contract,
      round: round.id,
      role: sideOf(found),
      person,
      supplier: round.supplier,
      opensAt,
      closesAt,
      status: 'open',
      opensOn: round.opensOn,
      period,
    };
    assignments.push({ assignment, answered });
  }
  const reminders = view.settings.reminderDays.map((days) => addCalendarDays(opensAt, days, zone));
  await assign(core, assignments, reminders);
  await core.outbox.enqueue([
    {
      id: `${SURVEY_JOBS.close}|${round.id}`,
      kind: SURVEY_JOBS.close,
      payload: { round: round.id },
      dueAt: closesAt,
    },
  ]);
  await enqueueRecompute(core, round.supplier, roundInstant(round.opensOn, zone), view);
}

/** At the close: open questionnaires close (a late answer is refused), the scorecard and the results follow. */
export async function closeSurveyRound(core: Core, payload: { round: string }): Promise<void> {
  const assignments = await core.assignments.forRound(core.contract, payload.round);
  await closeAssignments(core, assignments);
  const first = assignments[0]?.assignment;
  if (!first) return;
  const view = await core.contractView();
  await enqueueRecompute(core, first.supplier, roundInstant(first.opensOn, view.settings.timeZone), view);
  await enqueueResultsIfJudged(core, payload.round);
}

/**
 * An extra round opened by the LEF team, within the plan's bounds: at most one round per supplier
 * per quarter. It asks the schedule's client side and the supplier's contacts, from today for the
 * schedule's number of open days. Returns the round.
 */
export async function openExtraRound(core: Core, person: string, supplierArg: string): Promise<SurveyRound> {
  const view = await core.contractView();
  const me = view.people.get(person);
  if (!me) throw new UserError('unknown-person');
  if (!me.roles.includes('lefTeam')) throw new UserError('not-allowed');
  const schedule = view.contract.survey;
  if (!schedule) throw new UserError('no-survey-schedule');
  const wanted = supplierArg.trim().toLowerCase();
  const supplier = view.suppliers.find(
    (s) => s.id.toLowerCase() === wanted || s.name.toLowerCase() === wanted,
  );
  if (!supplier) throw new UserError('unknown-supplier', {}, { nl: supplierArg, en: supplierArg });
  const today = localDate(core.clock.now(), view.settings.timeZone);
  const quarter = quarterOf(today);
  const rounds = await core.records.rounds(core.contract);
  if (rounds.some((r) => r.supplier === supplier.id && inPeriod(quarter, r.opensOn)))
    throw new UserError('survey-this-quarter', {}, { nl: supplier.name, en: supplier.name });
  const round: SurveyRound = {
    id: occurrenceId(supplier.id, quarter.id),
    supplier: supplier.id,
    opensOn: today,
    closesOn: addDays(today, schedule.openDays - 1),
    respondents: respondentsOf(view, schedule.clientRespondents, supplier.id),
    responses: [],
  };
  if (!(await core.records.createRound(core.contract, round)))
    throw new UserError('survey-this-quarter', {}, { nl: supplier.name, en: supplier.name });
  await askRespondents(core, view, round, quarter.id);
  return round;
}

/** The client side as the schedule says today, then the supplier's contacts; each person once. */
export function respondentsOf(view: ContractView, clientSide: readonly string[], supplier: string): string[] {
  const people = [...view.people.values()];
  const client = clientSide.filter((id) => {
    const person = view.people.get(id);
    return person !== undefined && sideOf(person) === 'client';
  });
  const contacts = people
    .filter((p) => p.supplier === supplier && p.roles.includes('supplierContact'))
    .map((p) => p.id)
    .sort();
  return [...new Set([...client, ...contacts])];
}
