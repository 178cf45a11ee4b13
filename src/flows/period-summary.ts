// The period summary: when a period ends, one card for all suppliers in the alert channel (each
// supplier's KPI lights and its consequence), and again once its last figures are final (nothing
// pending: the report judged, the survey scored). A scheduler job says which is due, each claimed
// once in the store; a period already final when it ends gets the final card only. The card waits
// for an alert channel like an alert.
import type { PeriodSummaryView } from '../channels/channel.ts';
import { findFramework } from '../domain/frameworks/index.ts';
import { type Period, parsePeriod, periodBefore, periodContaining } from '../domain/periods.ts';
import { localDate } from '../domain/time.ts';
import type { Occurrence, ScheduledJob } from '../scheduler/scheduler.ts';
import { ALERT_JOBS } from './alerts.ts';
import { type ContractView, type Core, supplierName } from './core.ts';
import { readScorecard } from './scorecard-read.ts';
import { lightOf } from './scorecard-trend.ts';

export const SUMMARY_JOBS = { summary: 'period-summary' } as const;

/** Every supplier's scorecard of the period, as the summary shows it. */
export async function periodSummary(
  core: Core,
  period: Period,
  view: ContractView,
): Promise<PeriodSummaryView> {
  const framework = findFramework(view.contract.framework);
  const cards = await Promise.all(view.suppliers.map((s) => readScorecard(core, s.id, period, view)));
  return {
    period: period.id,
    final: cards.every((c) => c.scorecard.kpis.every((k) => k.status !== 'pending')),
    suppliers: cards.map(({ scorecard }) => ({
      supplier: scorecard.supplier,
      name: supplierName(view, scorecard.supplier),
      kpis: scorecard.kpis.map((kpi) => ({ id: kpi.id, status: lightOf(kpi) })),
      consequence: framework?.consequences.find((c) => c.id === scorecard.consequence)?.text ?? {
        nl: scorecard.consequence,
        en: scorecard.consequence,
      },
      red: scorecard.red.length,
      ...(scorecard.recoveryPlanDue ? { recoveryPlanDue: scorecard.recoveryPlanDue } : {}),
    })),
  };
}

/** The scheduler's job: the period that ended most recently, ended or final. */
export const periodSummaryJob: ScheduledJob = {
  name: 'period-summaries',
  async due(core: Core, now: number): Promise<Occurrence[]> {
    const view = await core.contractView();
    const today = localDate(now, view.settings.timeZone);
    const current = periodContaining(today, view.contract.assessment);
    const ended = periodBefore(current);
    if (ended.last < view.contract.startDate || view.suppliers.length === 0) return [];
    const summary = await periodSummary(core, ended, view);
    const stage = summary.final ? 'final' : 'ended';
    return [
      {
        id: `${ended.id}|${stage}`,
        item: {
          id: `${SUMMARY_JOBS.summary}|${ended.id}|${stage}`,
          kind: SUMMARY_JOBS.summary,
          payload: { period: ended.id, stage },
          dueAt: now,
        },
      },
    ];
  },
};

/** The outbox job: the summary as it stands now, posted in the alert channel (waiting for one). */
export async function postPeriodSummary(
  core: Core,
  payload: { period: string; stage: 'ended' | 'final' },
  itemId: string,
): Promise<void> {
  const period = parsePeriod(payload.period);
  if (!period) return;
  const view = await core.contractView();
  const summary = await periodSummary(core, period, view);
  // Final by now: the final standing's own occurrence posts it (within the hour), once.
  if (payload.stage === 'ended' && summary.final) return;
  const now = core.clock.now();
  await core.outbox.enqueue([
    {
      id: `${ALERT_JOBS.notice}|${itemId}`,
      kind: ALERT_JOBS.notice,
      payload: { notice: { kind: 'period-summary', summary }, queuedAt: now },
      dueAt: now,
    },
  ]);
}
