// The period summary as view data in the reader's language, for the Adaptive Card
// (cards/period-summary.json) and Slack's Block Kit: per supplier its lights (a shape per KPI, so
// never by colour alone) and the consequence, with the recovery plan's date where one is needed.
import type { PeriodSummaryView } from '../channels/channel.ts';
import type { Lang } from '../i18n.ts';
import { formatDate, formatPeriod } from '../texts/format.ts';
import { t } from '../texts/index.ts';
import { legendFor } from './legend.ts';
import { TREND_SYMBOL } from './trend-chart-symbols.ts';

export function periodSummaryData(view: PeriodSummaryView, lang: Lang) {
  const final = view.final ? 'yes' : 'no';
  return {
    title: t(lang, 'summary.title', { final, period: formatPeriod(lang, view.period) }),
    intro: t(lang, 'summary.intro', { final }),
    suppliers: view.suppliers.map((s) => ({
      name: s.name,
      lights: s.kpis.map((k) => `${k.id} ${TREND_SYMBOL[k.status] || '–'}`).join(' · '),
      consequence: [
        `${s.consequence[lang]} (${t(lang, 'summary.red', { count: s.red })})`,
        s.recoveryPlanDue
          ? t(lang, 'scorecard.recoveryPlan', { date: formatDate(lang, s.recoveryPlanDue, 'UTC') })
          : '',
      ]
        .filter(Boolean)
        .join(' — '),
      // As on the scorecard: red when a recovery plan is needed.
      color: s.red > 0 ? 'Attention' : 'Good',
    })),
    legend: legendFor(
      lang,
      view.suppliers.flatMap((s) => s.kpis.map((k) => k.status)),
    ),
  };
}
