// What a supplier's progress report over a period holds, from the records, pure: the scorecard
// (scored as `prestatiemonitor scorecard` scores it, so its figures are the scorecard's to the
// digit), the lights over the last periods, the explanations given per session, both sides' survey
// answers, LEF-day attendance and contributions, social return, and the findings with their replies.
import type { TrendView } from '../channels/channel.ts';
import type { Framework } from '../domain/frameworks/schema.ts';
import { inPeriod, type Period, parsePeriod, periodBefore, periodWithin } from '../domain/periods.ts';
import type { Records } from '../domain/records.ts';
import { prepare, type Scorecard, scoreSupplier } from '../domain/scoring.ts';
import { localDate, parseInstant } from '../domain/time.ts';
import { lightOf, TREND_PERIODS } from '../flows/scorecard-trend.ts';

export interface ReportSession {
  id: string;
  start: string;
  /** Each answer given about the session: who (name and role), which KPI, yes or no, and why. */
  answers: { name: string; role: string; kpi: 'KPI2' | 'KPI3'; yes: boolean; explanation: string }[];
}

export interface ReportData {
  contract: string;
  supplier: { id: string; name: string };
  period: Period;
  framework: Framework;
  timeZone: string;
  scorecard: Scorecard;
  trend: TrendView;
  requests: Records['clientRequests'];
  sessions: ReportSession[];
  surveys: { round: Records['surveyRounds'][number]; names: Record<string, string> }[];
  lefDays: {
    date: string;
    people: { name: string; status: string; reason?: string; contribution?: string }[];
  }[];
  reports: Records['reports'];
  measurements: NonNullable<Records['measurements']>;
  /** The supplier's activities as the records name them (their names in the table of figures). */
  activities: NonNullable<Records['activities']>;
  socialReturn: Records['socialReturn'][number] | undefined;
  findings: (Records['findings'][number] & { replyBy?: string })[];
}

export function reportData(records: Records, supplier: string, period: Period, asOf: number): ReportData {
  const context = prepare(records);
  const zone = context.settings.timeZone;
  const name = (id: string) => records.people.find((p) => p.id === id)?.name ?? id;
  const score = (p: Period) => scoreSupplier(context, { supplier, period: p, asOf }).scorecard;
  const scorecard = score(period);
  // The last periods up to this one, from the contract's start, as the scorecard's trend has them.
  const periods = [period];
  while (periods.length < TREND_PERIODS) {
    const earlier = periodBefore(periods[0] as Period);
    if (earlier.last < records.contract.startDate) break;
    periods.unshift(earlier);
  }
  const cards = periods.map((p) => (p.id === period.id ? scorecard : score(p)));
  const trend: TrendView = {
    periods: periods.map((p) => p.id),
    kpis: scorecard.kpis.map((kpi) => ({
      id: kpi.id,
      statuses: cards.map((card) => lightOf(card.kpis.find((k) => k.id === kpi.id))),
    })),
  };
  const within = (day: string) => inPeriod(period, day);
  const dayOf = (iso: string) => localDate(parseInstant(iso), zone);
  const sessions = records.sessions
    .filter((s) => s.supplier === supplier && within(dayOf(s.start)))
    .sort((a, b) => parseInstant(a.start) - parseInstant(b.start))
    .map((s): ReportSession => {
      // The latest answer per respondent and role counts, as in the scoring.
      const latest = new Map<string, Records['evaluations'][number]>();
      for (const e of context.evaluationsBySession.get(s.id) ?? [])
        latest.set(`${e.role}|${e.respondent}`, e);
      const answers = [...latest.values()].flatMap((e) => {
        const who = { name: name(e.respondent), role: e.role };
        const out: ReportSession['answers'] = [];
        if ('lefApplied' in e)
          out.push({ ...who, kpi: 'KPI2', yes: e.lefApplied, explanation: e.lefExplanation ?? '' });
        if ('impact' in e)
          out.push({ ...who, kpi: 'KPI3', yes: e.impact, explanation: e.impactExplanation ?? '' });
        return out;
      });
      return { id: s.id, start: s.start, answers };
    });
  const own = new Set(records.people.filter((p) => p.supplier === supplier).map((p) => p.id));
  return {
    contract: records.contract.id,
    supplier: { id: supplier, name: records.suppliers.find((s) => s.id === supplier)?.name ?? supplier },
    period,
    framework: context.framework,
    timeZone: zone,
    scorecard,
    trend,
    requests: records.clientRequests
      .filter((r) => r.supplier === supplier && within(r.date))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    sessions,
    surveys: records.surveyRounds
      .filter((r) => r.supplier === supplier && within(r.opensOn))
      .map((round) => ({ round, names: Object.fromEntries(round.respondents.map((id) => [id, name(id)])) })),
    lefDays: records.lefDays
      .filter((d) => within(d.date))
      .map((d) => ({
        date: d.date,
        people: d.attendance
          .filter((a) => own.has(a.person))
          .map((a) => ({
            name: name(a.person),
            status: a.status,
            ...(a.reason ? { reason: a.reason } : {}),
            ...(a.contribution ? { contribution: a.contribution } : {}),
          })),
      })),
    reports: records.reports.filter((r) => r.supplier === supplier),
    // The figures and descriptions reported within the period (frameworks that score them).
    measurements: (records.measurements ?? []).filter((m) => {
      const reported = parsePeriod(m.period);
      return m.supplier === supplier && reported !== undefined && periodWithin(period, reported);
    }),
    activities: (records.activities ?? []).filter((a) => a.supplier === supplier),
    socialReturn: records.socialReturn.find((s) => s.supplier === supplier),
    findings: records.findings
      .filter((f) => f.supplier === supplier && f.period === period.id)
      .map((f) => (f.reply ? { ...f, replyBy: name(f.reply.by) } : f)),
  };
}
