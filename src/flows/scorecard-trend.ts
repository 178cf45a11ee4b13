// The trend under a scorecard: the supplier's lights over its last four periods (up to the one
// shown), each read like `/scorecard` reads one (its stored row when fresh), and the chart of them.
import type { TrendStatus, TrendView } from '../channels/channel.ts';
import { type Period, periodBefore } from '../domain/periods.ts';
import { isAtRisk, type KpiResult } from '../domain/scoring.ts';
import { trendChartPng } from '../render/trend-chart.ts';
import type { ContractView, Core } from './core.ts';
import { readScorecard, type ScoredCard } from './scorecard-read.ts';

export const TREND_PERIODS = 4;

/** A KPI's light: its status, with `atRisk` for a green one that one more setback turns red. */
export function lightOf(kpi: KpiResult | undefined): TrendStatus {
  if (!kpi) return 'none';
  if (kpi.status === 'green' && 'passed' in kpi && isAtRisk(kpi)) return 'atRisk';
  return kpi.status;
}

/**
 * The last TREND_PERIODS periods up to `period`, oldest first, from the contract's start (periods
 * before it have no lights: the chart starts there).
 */
export function trendPeriods(period: Period, view: ContractView): Period[] {
  const out = [period];
  while (out.length < TREND_PERIODS) {
    const earlier = periodBefore(out[0] ?? period);
    if (earlier.last < view.contract.startDate) break;
    out.unshift(earlier);
  }
  return out;
}

export async function scorecardTrend(
  core: Core,
  current: ScoredCard,
  period: Period,
  view: ContractView,
): Promise<TrendView & { png: string }> {
  const periods = trendPeriods(period, view);
  const supplier = current.scorecard.supplier;
  const cards = await Promise.all(
    periods.map((p) => (p.id === period.id ? current : readScorecard(core, supplier, p, view))),
  );
  const trend: TrendView = {
    periods: periods.map((p) => p.id),
    kpis: current.scorecard.kpis.map((kpi) => ({
      id: kpi.id,
      statuses: cards.map((card) => lightOf(card?.scorecard.kpis.find((k) => k.id === kpi.id))),
    })),
  };
  return { ...trend, png: (await trendChartPng(trend)).toString('base64') };
}
