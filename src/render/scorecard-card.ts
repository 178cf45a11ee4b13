// The scorecard and the alert as view data in the reader's language, formatted from numbers here
// (not in the flow), so that every channel and the command line agree: "89,5%" / "89.5%".
import type { ScorecardView } from '../channels/channel.ts';
import type { Lang } from '../i18n.ts';
import { formatDate, formatDateTime, formatPeriod } from '../texts/format.ts';
import { t } from '../texts/index.ts';
import { formatFigures } from './kpi-figures.ts';
import { legendFor } from './legend.ts';
import { TREND_SYMBOL } from './trend-chart-symbols.ts';

function recoveryPlan(lang: Lang, due: string | undefined, status: ScorecardView['recoveryPlan']): string {
  if (!due) return '';
  const plan = t(lang, 'scorecard.recoveryPlan', { date: formatDate(lang, due, 'UTC') });
  return ` — ${plan}${status ? ` (${t(lang, 'scorecard.planStatus', { status })})` : ''}`;
}

export function scorecardTitle(view: ScorecardView, lang: Lang): string {
  return t(lang, 'scorecard.title', { supplier: view.supplierName, period: formatPeriod(lang, view.period) });
}

export function scorecardData(view: ScorecardView, lang: Lang) {
  return {
    title: scorecardTitle(view, lang),
    subtitle: t(lang, 'scorecard.asOf', { asOf: formatDateTime(lang, view.asOf, view.timeZone) }),
    kpis: view.kpis.map((k) => {
      const f = formatFigures(lang, k.figures);
      return {
        id: k.id,
        name: k.name[lang],
        status: k.atRisk ? t(lang, 'scorecard.atRisk') : t(lang, 'scorecard.status', { status: k.status }),
        /** A shape as well as a colour, so that the status never relies on colour alone. */
        symbol: t(lang, 'scorecard.symbol', { status: k.atRisk ? 'atRisk' : k.status }),
        color:
          k.status === 'green'
            ? k.atRisk
              ? 'Warning'
              : 'Good'
            : k.status === 'red'
              ? 'Attention'
              : 'Default',
        figures: [`${f.value} (${f.norm})`, f.counted, f.note].filter((x) => x !== '').join(' · '),
        ...(k.reply ? { reply: t(lang, 'scorecard.reply', k.reply) } : {}),
      };
    }),
    legend: legendFor(lang, [
      ...view.kpis.map((k) => k.status),
      ...(view.trend?.kpis.flatMap((k) => k.statuses) ?? []),
    ]),
    ...(view.trend ? { trend: trendData(view.trend, lang) } : {}),
    consequence: view.consequence[lang] + recoveryPlan(lang, view.recoveryPlanDue, view.recoveryPlan),
    consequenceColor: view.recoveryPlanDue ? 'Attention' : 'Good',
  };
}

/** The trend chart's title, image (a data URI: Adaptive Cards 1.2+ take one) and its words for screen readers. */
export function trendData(trend: NonNullable<ScorecardView['trend']>, lang: Lang) {
  const rows = trend.kpis.map((k) => `${k.id} ${k.statuses.map((s) => TREND_SYMBOL[s] || '·').join(' ')}`);
  return {
    title: t(lang, 'scorecard.trendTitle', { count: trend.periods.length }),
    url: `data:image/png;base64,${trend.png}`,
    alt: t(lang, 'scorecard.trendAlt', {
      first: formatPeriod(lang, trend.periods[0] ?? ''),
      last: formatPeriod(lang, trend.periods[trend.periods.length - 1] ?? ''),
      rows: rows.join('; '),
    }),
  };
}
