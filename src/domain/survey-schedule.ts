// The periodic satisfaction survey of KPI 5 as the records describe it (`contract.survey`): which
// rounds a schedule asks for, per supplier and period, and whether a schedule stays within the
// test plan's bounds (at least each half-year, at most each quarter). Pure: no clock, no store.
import { z } from 'zod';
import { type Assessment, type Period, parsePeriod, periodContaining } from './periods.ts';
import { addDays, type IsoDate } from './time.ts';

/** The cadences the plan allows; anything rarer or more frequent is refused with that reason. */
export const SURVEY_CADENCES = ['half-year', 'quarter'] as const satisfies readonly Assessment[];
export type SurveyCadence = (typeof SURVEY_CADENCES)[number];

/** Cadences people write that fall outside the plan, and on which side of it they fall. */
const RARER = ['year', 'yearly', 'annual', 'annually', 'jaar', 'jaarlijks', 'two-years', '2-years'];
const MORE_FREQUENT = ['month', 'monthly', 'maand', 'maandelijks', 'week', 'weekly', 'day', 'daily'];

/** The shortest period of each cadence in days (a quarter: Q1 of a common year; a half-year: H1). */
const SHORTEST_DAYS: Record<SurveyCadence, number> = { quarter: 90, 'half-year': 181 };

export const SurveySchedule = z.strictObject({
  /** Checked against the plan's bounds by `scheduleProblems`, so that the reason can be named. */
  cadence: z.string().min(1).max(40),
  opensDaysBeforePeriodEnd: z.number().int().min(1).max(SHORTEST_DAYS['half-year']),
  openDays: z.number().int().min(1).max(90),
  clientRespondents: z.array(z.string().min(1).max(200)).min(1).max(1000),
});
export type SurveySchedule = z.infer<typeof SurveySchedule>;

export type ScheduleProblem =
  | { key: 'surveyTooRare'; value: string }
  | { key: 'surveyTooFrequent'; value: string }
  | { key: 'surveyUnknownCadence'; value: string }
  | { key: 'surveyOpensBeforePeriod'; days: number; shortest: number };

/** What makes a schedule unusable, each with its path under `contract.survey`. */
export function scheduleProblems(schedule: SurveySchedule): { path: string[]; problem: ScheduleProblem }[] {
  const cadence = schedule.cadence.trim().toLowerCase();
  if (!isCadence(cadence)) {
    const key = RARER.includes(cadence)
      ? 'surveyTooRare'
      : MORE_FREQUENT.includes(cadence)
        ? 'surveyTooFrequent'
        : 'surveyUnknownCadence';
    return [{ path: ['cadence'], problem: { key, value: schedule.cadence } }];
  }
  const shortest = SHORTEST_DAYS[cadence];
  if (schedule.opensDaysBeforePeriodEnd > shortest) {
    // It would open in the period before the one it asks about.
    return [
      {
        path: ['opensDaysBeforePeriodEnd'],
        problem: { key: 'surveyOpensBeforePeriod', days: schedule.opensDaysBeforePeriodEnd, shortest },
      },
    ];
  }
  return [];
}

function isCadence(value: string): value is SurveyCadence {
  return (SURVEY_CADENCES as readonly string[]).includes(value);
}

/** One scheduled round: a supplier's survey for one period. Its id is the round's id in the records. */
export interface SurveyOccurrence {
  id: string;
  supplier: string;
  period: string;
  /** The first day it is open, in the contract's zone. */
  opensOn: IsoDate;
  /** The last day it is open (inclusive): the round is open for `openDays` days. */
  closesOn: IsoDate;
}

export function occurrenceId(supplier: string, period: string): string {
  return `${supplier}-${period}`;
}

/** The round a schedule asks for in one period. */
export function occurrenceIn(schedule: SurveySchedule, supplier: string, period: Period): SurveyOccurrence {
  const opensOn = addDays(addDays(period.last, 1), -schedule.opensDaysBeforePeriodEnd);
  return {
    id: occurrenceId(supplier, period.id),
    supplier,
    period: period.id,
    opensOn,
    closesOn: addDays(opensOn, schedule.openDays - 1),
  };
}

/**
 * Every round a valid schedule asks for that opens on or before `upTo`, from the period in which the
 * contract started, oldest first. Undefined for a schedule outside the plan's bounds.
 */
export function occurrencesUpTo(
  schedule: SurveySchedule,
  suppliers: readonly string[],
  contractStart: IsoDate,
  upTo: IsoDate,
): SurveyOccurrence[] | undefined {
  if (scheduleProblems(schedule).length > 0) return undefined;
  const cadence = schedule.cadence.trim().toLowerCase() as SurveyCadence;
  const result: SurveyOccurrence[] = [];
  for (
    let period: Period | undefined = periodContaining(contractStart, cadence);
    period;
    period = nextPeriod(period)
  ) {
    const first = occurrenceIn(schedule, suppliers[0] ?? '', period);
    if (first.opensOn > upTo) break;
    // A round that would open before the contract started asks about nothing.
    if (first.opensOn < contractStart) continue;
    for (const supplier of suppliers) result.push(occurrenceIn(schedule, supplier, period));
  }
  return result;
}

function nextPeriod(period: Period): Period | undefined {
  const count = period.kind === 'H' ? 2 : 4;
  const [year, index] = period.index === count ? [period.year + 1, 1] : [period.year, period.index + 1];
  return parsePeriod(`${year}-${period.kind}${index}`);
}

/** The quarter a day lies in: an extra round by command is allowed once per quarter per supplier. */
export function quarterOf(day: IsoDate): Period {
  return periodContaining(day, 'quarter');
}
