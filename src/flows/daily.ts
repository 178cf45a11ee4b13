// Once a day, in the contract's time zone, every supplier's scorecard of the current period and
// of the one before (whose report is due weeks after it ends) is recomputed, so that a KPI turning
// red by time alone (a report's due date passing, the social return plan's deadline, a LEF day
// gone by) is found and alerted that day, with no answer needed. The deadlines are dates, so a
// recomputation at each day's start meets every one of them. A window's close has its own item.

import { periodBefore, periodContaining } from '../domain/periods.ts';
import { localDate } from '../domain/time.ts';
import type { Occurrence, ScheduledJob } from '../scheduler/scheduler.ts';
import { ChartStore } from '../store/charts.ts';
import type { Core } from './core.ts';
import { askFigures } from './facts/figures.ts';
import { askReports } from './facts/reports.ts';
import { askSocialReturn } from './facts/social-return.ts';
import { scheduleMeetings } from './meetings.ts';
import { SCORECARD_JOBS } from './scorecard.ts';

export const DAILY_JOBS = { scorecards: 'daily-scorecards' } as const;

/** The scheduler's job: today's recomputation (a day missed while down is today's). */
export const dailyScorecardsJob: ScheduledJob = {
  name: 'daily-scorecards',
  async due(core: Core, now: number): Promise<Occurrence[]> {
    const view = await core.contractView();
    const zone = view.settings.timeZone;
    const today = localDate(now, zone);
    if (today < view.contract.startDate) return [];
    return [
      {
        id: today,
        item: {
          id: `${DAILY_JOBS.scorecards}|${today}`,
          kind: DAILY_JOBS.scorecards,
          payload: { day: today },
          // Due when the day's first tick claims it: after what was already waiting.
          dueAt: now,
        },
      },
    ];
  },
};

/** The outbox job: a recomputation per supplier for the current and the previous period. */
export async function recomputeDaily(core: Core, payload: { day: string }): Promise<void> {
  // Chart images Slack fetched long ago are not kept for ever.
  await new ChartStore(core.tables).removeOlderThan(core.clock.now());
  // Social return (KPI 7): the plan and the half-year's figures asked of whoever has not given them.
  await askSocialReturn(core, payload.day);
  // The progress report (KPI 6) of the half-year that ended, asked of its supplier's contacts.
  await askReports(core, payload.day);
  // Reported figures (Voorschoten's quarter per activity) of the period that ended, asked of the supplier's contacts.
  await askFigures(core, payload.day);
  // The meetings ahead (those of a records file too): their preparation and agenda queued, once.
  await scheduleMeetings(core, payload.day);
  const view = await core.contractView();
  const current = periodContaining(payload.day, view.contract.assessment);
  const previous = periodBefore(current);
  const periods = previous.last >= view.contract.startDate ? [previous, current] : [current];
  const now = core.clock.now();
  await core.outbox.enqueue(
    view.suppliers.flatMap((supplier) =>
      periods.map((period) => ({
        id: `${SCORECARD_JOBS.recompute}|${supplier.id}|${period.id}|day-${payload.day}`,
        kind: SCORECARD_JOBS.recompute,
        payload: { supplier: supplier.id, period: period.id },
        dueAt: now,
      })),
    ),
  );
}
