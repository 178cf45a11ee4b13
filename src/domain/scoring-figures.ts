// The rules over figures a supplier reports (the records' `measurements`): a figure against an
// optional threshold, a trend against the baseline the first periods set, and a description. Pure.
// Only a figure with a threshold gives a verdict (green or red); the others are for information:
// indicators to learn from, not to settle accounts with.
import type { Rule } from './frameworks/schema.ts';
import { type Period, parsePeriod, periodWithin } from './periods.ts';
import type { Records } from './records.ts';
import { addDays } from './time.ts';

type Measurement = NonNullable<Records['measurements']>[number];
type FigureRule = Extract<Rule, { kind: 'figure' | 'trend' | 'descriptive' }>;

export interface FigureResult {
  id: string;
  /** `info`: shown, not judged. */
  status: 'green' | 'red' | 'pending' | 'nodata' | 'info';
  rule: FigureRule['kind'];
  /** The figure over the period (a trend's: the mean per reported period). */
  value?: number;
  min?: number;
  max?: number;
  /** A trend's baseline (the mean per period of its first periods), once they are all in. */
  baseline?: number;
  better?: 'higher' | 'lower';
  /** A trend within its baseline periods: the starting point is being set ("nulmeting"). */
  settingBaseline?: boolean;
  /** A description's text (the latest in the period). */
  text?: string;
  /** How many periods reported within this one. */
  periods: number;
  /** What the figure counts in (`%`, `weken`), from the framework. */
  unit?: { nl: string; en: string };
}

/** Each reported period's figure: its activities' figures summed (averaged for `mean`), in time order. */
function perPeriod(
  list: Measurement[],
  aggregate: 'sum' | 'latest' | 'mean',
): { period: Period; value: number }[] {
  const byPeriod = new Map<string, number[]>();
  for (const m of list)
    if (m.value !== undefined) byPeriod.set(m.period, [...(byPeriod.get(m.period) ?? []), m.value]);
  return [...byPeriod.entries()]
    .flatMap(([id, values]) => {
      const period = parsePeriod(id);
      return period ? [{ period, value: combine(values, aggregate === 'mean' ? 'mean' : 'sum') }] : [];
    })
    .sort((a, b) => (a.period.first < b.period.first ? -1 : 1));
}

/**
 * With `per`: each reported period's figure as a share of the client's figure for the same activity
 * (the latest reported at or before that period), the activities summed on both sides, times
 * `scale`. A period without any such figure has no share (its figure cannot be read as one).
 */
function sharePerPeriod(
  list: Measurement[],
  base: Measurement[],
  per: { scale?: number },
): { period: Period; value: number }[] {
  const byPeriod = new Map<string, Measurement[]>();
  for (const m of list)
    if (m.value !== undefined) byPeriod.set(m.period, [...(byPeriod.get(m.period) ?? []), m]);
  const bases = base
    .flatMap((m) => {
      const period = parsePeriod(m.period);
      return period && m.value !== undefined && m.value > 0 ? [{ m, first: period.first }] : [];
    })
    .sort((a, b) => order(a.first, b.first));
  const out: { period: Period; value: number }[] = [];
  for (const [id, ms] of byPeriod) {
    const period = parsePeriod(id);
    if (!period) continue;
    let part = 0;
    let whole = 0;
    for (const m of ms) {
      const of = bases
        .filter((b) => b.first <= period.last && (b.m.activity ?? '') === (m.activity ?? ''))
        .at(-1);
      if (!of) continue;
      part += m.value as number;
      whole += of.m.value as number;
    }
    if (whole > 0) out.push({ period, value: (part / whole) * (per.scale ?? 100) });
  }
  return out.sort((a, b) => order(a.period.first, b.period.first));
}

function combine(values: number[], aggregate: 'sum' | 'latest' | 'mean'): number {
  if (aggregate === 'latest') return values.at(-1) ?? 0;
  const sum = values.reduce((a, b) => a + b, 0);
  return aggregate === 'sum' ? sum : sum / values.length;
}

/** Days after a period within which its figures are expected (default): till then a KPI with none is pending. */
export const REPORT_WITHIN_DAYS = 30;

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export function scoreFigure(
  records: Records,
  scope: { supplier: string; period: Period; startDate: string; asOfDate: string },
  id: string,
  rule: FigureRule,
): FigureResult {
  const mine = (records.measurements ?? []).filter(
    (m) => m.supplier === scope.supplier && m.measure === rule.measure,
  );
  const inScope = mine.filter((m) => {
    const period = parsePeriod(m.period);
    return period !== undefined && periodWithin(scope.period, period);
  });
  // Nothing reported yet: pending while the figures may still come, no data after.
  const none = (): FigureResult => ({
    id,
    status:
      scope.asOfDate <= addDays(scope.period.last, rule.reportWithinDays ?? REPORT_WITHIN_DAYS)
        ? 'pending'
        : 'nodata',
    rule: rule.kind,
    periods: 0,
  });
  if (rule.kind === 'descriptive') {
    // The latest reported period's descriptions, each activity's, in the order of their activity.
    const texts = inScope
      .filter((m) => m.text !== undefined)
      .sort((a, b) => order(a.period, b.period) || order(a.activity ?? '', b.activity ?? ''));
    const last = texts.at(-1)?.period;
    if (last === undefined) return none();
    const text = texts
      .filter((m) => m.period === last)
      .map((m) => m.text)
      .join(' · ');
    return { id, status: 'info', rule: rule.kind, text, periods: new Set(texts.map((m) => m.period)).size };
  }
  // Reach within the population: each period's figure over the client's (its target group).
  const per = rule.per;
  const base = per
    ? (records.measurements ?? []).filter((m) => m.supplier === scope.supplier && m.measure === per.measure)
    : [];
  const series = (list: Measurement[]) =>
    per ? sharePerPeriod(list, base, per) : perPeriod(list, rule.aggregate);
  const current = series(inScope);
  if (current.length === 0) return none();
  if (rule.kind === 'figure') {
    // Shares are averaged over the periods, never summed.
    const value =
      rule.aggregate === 'latest'
        ? (current.at(-1)?.value as number)
        : combine(
            current.map((c) => c.value),
            per ? 'mean' : rule.aggregate,
          );
    const bounded = rule.min !== undefined || rule.max !== undefined;
    const meets =
      (rule.min === undefined || value >= rule.min) && (rule.max === undefined || value <= rule.max);
    return {
      id,
      status: bounded ? (meets ? 'green' : 'red') : 'info',
      rule: rule.kind,
      value,
      ...(rule.unit ? { unit: rule.unit } : {}),
      ...(rule.min !== undefined ? { min: rule.min } : {}),
      ...(rule.max !== undefined ? { max: rule.max } : {}),
      periods: current.length,
    };
  }
  // A trend: the first periods from the contract's start that reported set the baseline.
  const all = series(mine.filter((m) => (parsePeriod(m.period)?.last ?? '') >= scope.startDate));
  const first = all.slice(0, rule.baselinePeriods);
  const settingBaseline =
    first.length < rule.baselinePeriods ||
    current.some((c) => first.some((b) => b.period.id === c.period.id));
  return {
    id,
    status: 'info',
    rule: rule.kind,
    value: mean(current.map((c) => c.value)),
    ...(rule.unit ? { unit: rule.unit } : {}),
    better: rule.better,
    ...(settingBaseline ? { settingBaseline } : { baseline: mean(first.map((b) => b.value)) }),
    periods: current.length,
  };
}
