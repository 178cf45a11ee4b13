// The scorecard of one supplier for one period, as of a moment, exactly as docs/scoring.md says.
// Pure: records in, figures out. Findings are read from the records; the red KPIs that have none yet
// are returned so that the caller can store them (the bot does; an offline scoring does not).

import { findFramework } from './frameworks/index.ts';
import type { ConsequenceId, Framework, Kpi, Rule } from './frameworks/schema.ts';
import { type Assessment, inPeriod, type Period, parsePeriod, periodContaining } from './periods.ts';
import {
  assessorsOf,
  type ContractSettings,
  contractSettings,
  type Evaluation,
  type Finding,
  type Records,
  type Session,
} from './records.ts';
import { type FigureResult, scoreFigure } from './scoring-figures.ts';
import { type SurveyResult, scoreSurvey } from './scoring-survey.ts';
import { addDays, earlierDay, formatInstant, type IsoDate, localDate, parseInstant } from './time.ts';
import { evaluationWindowCloses, isClosedAt } from './windows.ts';

export type { FigureResult } from './scoring-figures.ts';
export {
  LEVEL_NAMES,
  type LevelName,
  lowerMedian,
  type SurveyResult,
  type SurveyRoundResult,
} from './scoring-survey.ts';

/** `info`: a KPI shown, not judged (a trend, a description, a figure without a threshold). */
export type KpiStatus = 'green' | 'red' | 'pending' | 'nodata' | 'info';

export interface RatioResult {
  id: string;
  status: KpiStatus;
  passed: number;
  counted: number;
  value?: number;
  norm: number;
  pending: number;
}

export interface SocialReturnResult {
  id: string;
  status: KpiStatus;
  norm: number;
  value?: number;
  planDue: IsoDate;
  planSubmittedOn?: IsoDate;
}

export type KpiResult = RatioResult | SurveyResult | SocialReturnResult | FigureResult;

export interface Scorecard {
  contract: string;
  supplier: string;
  period: string;
  asOf: string;
  kpis: KpiResult[];
  red: string[];
  consequence: ConsequenceId;
  recoveryPlanDue?: IsoDate;
}

export interface ScoreResult {
  scorecard: Scorecard;
  /** Red KPIs with no stored finding yet: found at the as-of moment. */
  newFindings: Finding[];
}

/** What scoring needs from the records, indexed once so that many scorecards stay cheap. */
export interface ScoringContext {
  records: Records;
  framework: Framework;
  settings: ContractSettings;
  evaluationsBySession: Map<string, Evaluation[]>;
}

export function prepare(records: Records): ScoringContext {
  const framework = findFramework(records.contract.framework);
  if (!framework) throw new Error(`unknown framework ${records.contract.framework}`);
  const evaluationsBySession = new Map<string, Evaluation[]>();
  for (const evaluation of records.evaluations) {
    const list = evaluationsBySession.get(evaluation.session);
    if (list) list.push(evaluation);
    else evaluationsBySession.set(evaluation.session, [evaluation]);
  }
  return { records, framework, settings: contractSettings(records.contract), evaluationsBySession };
}

export interface ScoreOptions {
  supplier: string;
  /** Defaults to the period that contains `asOf`, by the contract's assessment. */
  period?: Period;
  asOf: number;
}

export function defaultPeriod(context: ScoringContext, asOf: number): Period {
  return periodContaining(
    localDate(asOf, context.settings.timeZone),
    context.records.contract.assessment as Assessment,
  );
}

export function scoreSupplier(context: ScoringContext, options: ScoreOptions): ScoreResult {
  const { records, framework, settings } = context;
  const period = options.period ?? defaultPeriod(context, options.asOf);
  const scope: Scope = {
    context,
    supplier: options.supplier,
    period,
    asOf: options.asOf,
    asOfDate: localDate(options.asOf, settings.timeZone),
  };
  const kpis = framework.kpis.map((kpi) => scoreKpi(scope, kpi));
  const red = kpis.filter((kpi) => kpi.status === 'red').map((kpi) => kpi.id);
  const consequence = consequenceFor(framework, red.length);

  const newFindings: Finding[] = [];
  let earliestFound: number | undefined;
  for (const kpi of red) {
    const stored = records.findings.find(
      (f) => f.supplier === options.supplier && f.period === period.id && f.kpi === kpi,
    );
    const foundAt = stored ? parseInstant(stored.foundAt) : options.asOf;
    if (!stored) {
      newFindings.push({
        supplier: options.supplier,
        period: period.id,
        kpi,
        foundAt: formatInstant(options.asOf, settings.timeZone),
      });
    }
    earliestFound = earliestFound === undefined ? foundAt : Math.min(earliestFound, foundAt);
  }

  const scorecard: Scorecard = {
    contract: records.contract.id,
    supplier: options.supplier,
    period: period.id,
    asOf: formatInstant(options.asOf, settings.timeZone),
    kpis,
    red,
    consequence,
  };
  // A plan is due only where the framework asks for one (LEF does; a framework without one has none).
  if (earliestFound !== undefined && framework.recoveryPlan) {
    scorecard.recoveryPlanDue = addDays(
      localDate(earliestFound, settings.timeZone),
      framework.recoveryPlanDays,
    );
  }
  return { scorecard, newFindings };
}

export function consequenceFor(framework: Framework, redCount: number): ConsequenceId {
  const applicable = framework.consequences
    .filter((c) => c.minRed <= redCount)
    .sort((a, b) => b.minRed - a.minRed)[0];
  return applicable?.id ?? 'all-green';
}

interface Scope {
  context: ScoringContext;
  supplier: string;
  period: Period;
  asOf: number;
  asOfDate: IsoDate;
}

function scoreKpi(scope: Scope, kpi: Kpi): KpiResult {
  const rule: Rule = kpi.rule;
  switch (rule.kind) {
    case 'request-delivery':
      return scoreRequests(scope, kpi.id, rule.norm);
    case 'session-evaluation':
      return scoreSessions(scope, kpi.id, rule);
    case 'lef-day-attendance':
      return scoreLefDays(scope, kpi.id, rule.norm);
    case 'satisfaction-survey':
      return scoreSurvey(
        scope.context.records,
        { ...scope, zone: scope.context.settings.timeZone },
        kpi.id,
        rule,
      );
    case 'progress-report':
      return scoreReports(scope, kpi.id, rule);
    case 'social-return':
      return scoreSocialReturn(scope, kpi.id, rule.minimumShare);
    case 'figure':
    case 'trend':
    case 'descriptive':
      return scoreFigure(
        scope.context.records,
        {
          supplier: scope.supplier,
          period: scope.period,
          startDate: scope.context.records.contract.startDate,
          asOfDate: scope.asOfDate,
        },
        kpi.id,
        rule,
      );
  }
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** Green when the share of passes meets the norm; with nothing counted, pending or nodata. */
function ratio(id: string, norm: number, passed: number, counted: number, pending: number): RatioResult {
  if (counted === 0)
    return { id, status: pending > 0 ? 'pending' : 'nodata', passed, counted, norm, pending };
  const value = passed / counted;
  // Compare in integers where possible so that 19/20 against 95% is exactly green.
  const status: KpiStatus = passed >= norm * counted - 1e-9 ? 'green' : 'red';
  return { id, status, passed, counted, value: Math.round(value * 10_000) / 10_000, norm, pending };
}

/** A green ratio KPI that one more failure would turn red. (Under a 100% norm any failure is red: no warning.) */
export function isAtRisk(result: RatioResult): boolean {
  return (
    result.status === 'green' && result.norm < 1 && result.passed < result.norm * (result.counted + 1) - 1e-9
  );
}

// KPI 1 — fitting facilitators per registered client request.
function scoreRequests(scope: Scope, id: string, norm: number): RatioResult {
  let passed = 0;
  let counted = 0;
  let pending = 0;
  for (const request of scope.context.records.clientRequests) {
    if (
      request.supplier !== scope.supplier ||
      !inPeriod(scope.period, request.date) ||
      request.date > scope.asOfDate
    ) {
      continue;
    }
    const registration = request.registration;
    if (!registration || parseInstant(registration.at) > scope.asOf) {
      pending += 1;
      continue;
    }
    counted += 1;
    const needed = request.requestedFacilitators ?? 2;
    if (
      !registration.returned &&
      registration.suitableProposed >= needed &&
      !isBlank(registration.motivation)
    ) {
      passed += 1;
    }
  }
  return ratio(id, norm, passed, counted, pending);
}

type SessionVerdict = 'pass' | 'fail' | 'pending';

// KPI 2 and 3 — a session passes when its assessors answered yes, each with an explanation.
function scoreSessions(
  scope: Scope,
  id: string,
  rule: Extract<Rule, { kind: 'session-evaluation' }>,
): RatioResult {
  const { records, settings, evaluationsBySession } = scope.context;
  let passed = 0;
  let counted = 0;
  let pending = 0;
  for (const session of records.sessions) {
    if (session.supplier !== scope.supplier) continue;
    const start = parseInstant(session.start);
    if (start > scope.asOf || !inPeriod(scope.period, localDate(start, settings.timeZone))) continue;
    const verdict = judgeSession(scope, session, evaluationsBySession.get(session.id) ?? [], rule);
    if (verdict === 'pending') pending += 1;
    else {
      counted += 1;
      if (verdict === 'pass') passed += 1;
    }
  }
  return ratio(id, rule.norm, passed, counted, pending);
}

/**
 * When a session's window closes, cheaply: calendar days in the zone differ from 24-hour days only
 * around a DST change (by an hour at most), so the exact zone arithmetic runs only for moments
 * within a few hours of the naive close.
 */
function windowCloseTest(session: Session, settings: ContractSettings) {
  const naive = parseInstant(session.end) + settings.evaluationWindowDays * DAY_MS;
  let exact: number | undefined;
  const closes = () => {
    exact ??= evaluationWindowCloses(session, settings);
    return exact;
  };
  // The window is closed at this moment (and an answer given at it is late): the bot's own rule.
  return (t: number) =>
    t >= naive + MARGIN_MS ? true : t < naive - MARGIN_MS ? false : isClosedAt(t, closes());
}
const DAY_MS = 86_400_000;
const MARGIN_MS = 3 * 3_600_000;

function judgeSession(
  scope: Scope,
  session: Session,
  evaluations: Evaluation[],
  rule: Extract<Rule, { kind: 'session-evaluation' }>,
): SessionVerdict {
  const end = parseInstant(session.end);
  if (end > scope.asOf) return 'pending';
  const closedAt = windowCloseTest(session, scope.context.settings);
  const windowClosed = closedAt(scope.asOf);

  // The latest counting answer of each assessor in each assessing role.
  const latest = new Map<string, { at: number; yes: boolean; explained: boolean }>();
  let assessorCount = 0;
  for (const role of rule.assessors) assessorCount += assessorsOf(session, role).length;
  for (const evaluation of evaluations) {
    if (!rule.assessors.includes(evaluation.role)) continue;
    const at = parseInstant(evaluation.submittedAt);
    if (at > scope.asOf || closedAt(at)) continue; // answers after the window closed do not count
    const answer = answerOf(evaluation, rule.answer);
    if (!answer) continue;
    const key = `${evaluation.role}|${evaluation.respondent}`;
    const previous = latest.get(key);
    if (!previous || at >= previous.at) latest.set(key, { at, ...answer });
  }

  if (!windowClosed && latest.size < assessorCount) return 'pending';
  if (latest.size === 0) return 'fail'; // closed without a single answer: nothing was established
  for (const answer of latest.values()) {
    if (!answer.yes || !answer.explained) return 'fail';
  }
  return 'pass';
}

function answerOf(evaluation: Evaluation, field: 'lefApplied' | 'impact') {
  if (field === 'lefApplied' && 'lefApplied' in evaluation) {
    return { yes: evaluation.lefApplied, explained: !isBlank(evaluation.lefExplanation) };
  }
  if (field === 'impact' && 'impact' in evaluation) {
    return { yes: evaluation.impact, explained: !isBlank(evaluation.impactExplanation) };
  }
  return undefined;
}

// KPI 4 — every facilitator onboarded before a LEF day is there, or excused beforehand with a reason.
function scoreLefDays(scope: Scope, id: string, norm: number): RatioResult {
  const { records, settings } = scope.context;
  const facilitators = records.people.filter(
    (person) => person.supplier === scope.supplier && person.roles.includes('facilitator'),
  );
  let passed = 0;
  let counted = 0;
  let pending = 0;
  for (const day of records.lefDays) {
    if (!inPeriod(scope.period, day.date) || day.date > scope.asOfDate) continue;
    const expected = facilitators.filter(
      (person) => person.onboardedOn !== undefined && person.onboardedOn < day.date,
    );
    if (day.date === scope.asOfDate) {
      // The day is under way: attendance is still being registered.
      pending += expected.length;
      continue;
    }
    for (const person of expected) {
      counted += 1;
      const entry = day.attendance.find((a) => a.person === person.id);
      if (!entry) continue;
      if (entry.status === 'present') passed += 1;
      else if (
        entry.status === 'excused' &&
        !isBlank(entry.reason) &&
        entry.registeredAt !== undefined &&
        parseInstant(entry.registeredAt) <= scope.asOf &&
        localDate(parseInstant(entry.registeredAt), settings.timeZone) < day.date
      ) {
        passed += 1;
      }
    }
  }
  return ratio(id, norm, passed, counted, pending);
}

/** The half-years a supplier owes a progress report for, from the one the contract started in. */
export function reportDueDate(covers: string, dueDaysAfterHalfYear: number): IsoDate {
  const period = parsePeriod(covers);
  if (!period) throw new Error(`not a half-year: ${covers}`);
  return addDays(period.last, dueDaysAfterHalfYear);
}

// KPI 6 — every progress report due within the period delivered on time and accepted.
function scoreReports(
  scope: Scope,
  id: string,
  rule: Extract<Rule, { kind: 'progress-report' }>,
): RatioResult {
  const { records } = scope.context;
  const reports = records.reports.filter((r) => r.supplier === scope.supplier);
  // The obligations follow from the contract: one per half-year from the one it started in.
  const obligations = new Set<string>();
  const start = periodContaining(records.contract.startDate, 'half-year');
  for (let year = start.year; year <= scope.period.year + 1; year++) {
    for (const half of [1, 2]) {
      const covers = `${year}-H${half}`;
      if (year === start.year && half < start.index) continue;
      obligations.add(covers);
    }
  }
  let passed = 0;
  let counted = 0;
  let pending = 0;
  for (const covers of obligations) {
    const report = reports.find((r) => r.covers === covers);
    const due = report?.dueOn ?? reportDueDate(covers, rule.dueDaysAfterHalfYear);
    if (!inPeriod(scope.period, due)) continue;
    const delivered =
      report?.deliveredOn !== undefined && report.deliveredOn <= scope.asOfDate
        ? report.deliveredOn
        : undefined;
    if (delivered === undefined) {
      if (scope.asOfDate > due)
        counted += 1; // due date passed, nothing delivered: fails
      else pending += 1;
      continue;
    }
    if (delivered > due || report?.accepted === false) {
      counted += 1;
      continue;
    }
    if (report?.accepted === true) {
      counted += 1;
      passed += 1;
    } else pending += 1; // delivered on time, not judged yet
  }
  return ratio(id, rule.norm, passed, counted, pending);
}

// KPI 7 — a plan within the deadline, then at least the minimum share of revenue as social return.
function scoreSocialReturn(scope: Scope, id: string, minimumShare: number): SocialReturnResult {
  const { records, settings } = scope.context;
  const entry = records.socialReturn.find((s) => s.supplier === scope.supplier);
  const planDue = settings.socialReturnPlanDue;
  // What counts is what was known at the end of the period, or at the as-of moment if that is earlier.
  const reference = earlierDay(scope.asOfDate, scope.period.last);
  const base: SocialReturnResult = { id, status: 'pending', norm: minimumShare, planDue };
  const submitted = entry?.planSubmittedOn;
  if (submitted === undefined || submitted > reference) {
    return { ...base, status: reference > planDue ? 'red' : 'pending' };
  }
  base.planSubmittedOn = submitted;
  const latest = (entry?.figures ?? [])
    .filter((f) => f.upTo <= reference)
    .sort((a, b) => (a.upTo < b.upTo ? -1 : 1))
    .at(-1);
  if (!latest || latest.revenue === 0) return base;
  const value = latest.sroiValue / latest.revenue;
  return {
    ...base,
    status: value >= minimumShare - 1e-12 ? 'green' : 'red',
    value: Math.round(value * 10_000) / 10_000,
  };
}
