// The legend under a scorecard or period summary, for the statuses it shows: LEF's lights (with ○
// when something is for information only), or, where nothing has a verdict (Voorschoten's trends
// and descriptions), only ○, pending and no data: no green or red to explain.
import type { Lang } from '../i18n.ts';
import { t } from '../texts/index.ts';

const VERDICTS = new Set(['green', 'red', 'atRisk']);

export function legendFor(lang: Lang, statuses: readonly string[]): string {
  const info = statuses.includes('info');
  if (info && !statuses.some((s) => VERDICTS.has(s))) return t(lang, 'scorecard.legendNoVerdicts');
  return info
    ? `${t(lang, 'scorecard.legend')} · ${t(lang, 'scorecard.legendInfo')}`
    : t(lang, 'scorecard.legend');
}
