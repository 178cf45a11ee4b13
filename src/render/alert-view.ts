// An alert as view data in the reader's language, for the card, Block Kit and the local page: what
// changed (red, green again), what section 3 of the test plan asks now (extra effort, or the
// critical phase with its meeting as soon as possible), each red KPI's value against its norm, and
// whom it is for. A critical alert mentions the contract managers: `mentions` says how each channel
// writes a mention (Teams `<at>…</at>` with an entity, Slack `<@U…>`); without one, their names.
import type { AlertView } from '../channels/channel.ts';
import type { Lang } from '../i18n.ts';
import { formatDate, formatList, formatPeriod } from '../texts/format.ts';
import { t } from '../texts/index.ts';
import { formatFigures } from './kpi-figures.ts';

export type AlertKind = 'critical' | 'extra' | 'down' | 'green' | 'resolved';

const RANK = { 'all-green': 0, 'extra-effort': 1, critical: 2 } as const;

export function alertKind(alert: AlertView): AlertKind {
  const up = RANK[alert.level] > RANK[alert.previousLevel];
  if (alert.newlyRed.length > 0 || up) return alert.level === 'critical' ? 'critical' : 'extra';
  if (alert.level === 'all-green') return 'green';
  return RANK[alert.level] < RANK[alert.previousLevel] ? 'down' : 'resolved';
}

export function alertTitle(alert: AlertView, lang: Lang): string {
  return t(lang, 'alert.title', { kind: alertKind(alert), supplier: alert.supplierName });
}

/** How a channel writes a mention of a person (undefined: it cannot; the name is written). */
export type MentionWriter = (person: string, name: string) => string | undefined;

/** Mentions are the channel's own markup; the names around them are escaped with `safe`. */
export function alertData(
  alert: AlertView,
  lang: Lang,
  mention: MentionWriter = () => undefined,
  safe: (text: string) => string = (text) => text,
) {
  const kind = alertKind(alert);
  const kpis = (list: { id: string; name: { nl: string; en: string } }[]) =>
    formatList(
      lang,
      list.map((k) => `${k.id} ${k.name[lang]}`),
    );
  const period = formatPeriod(lang, alert.period);
  const date = alert.recoveryPlanDue ? formatDate(lang, alert.recoveryPlanDue, 'UTC') : '';
  const lines: string[] = [];
  if (alert.resolved.length > 0)
    lines.push(t(lang, 'alert.resolved', { count: alert.resolved.length, kpis: kpis(alert.resolved) }));
  if (alert.newlyRed.length > 0)
    lines.push(
      t(lang, 'alert.newlyRed', { count: alert.newlyRed.length, kpis: kpis(alert.newlyRed), period }),
    );
  if (alert.level === 'critical')
    lines.push(t(lang, 'alert.critical', { count: alert.red.length, date, supplier: alert.supplierName }));
  else if (alert.level === 'extra-effort') {
    if (kind === 'resolved') lines.push(t(lang, 'alert.stillRed', { kpis: kpis(alert.red) }));
    else lines.push(t(lang, 'alert.extraEffort', { count: alert.red.length, date }));
  } else lines.push(t(lang, 'alert.allGreen', { period }));
  const mentions = (alert.mention ?? []).map((m) => mention(m.person, m.name) ?? safe(m.name));
  return {
    title: alertTitle(alert, lang),
    kind,
    /** Red alerts stand out; green ones do not. */
    color: kind === 'critical' || kind === 'extra' ? 'Attention' : 'Good',
    body: lines.join('\n\n'),
    ...(mentions.length > 0
      ? { mentionLine: t(lang, 'alert.for', { names: formatList(lang, mentions) }) }
      : {}),
    facts: [
      { title: t(lang, 'scorecard.period'), value: period },
      ...alert.red.map((k) => {
        const f = k.figures ? formatFigures(lang, k.figures) : undefined;
        return {
          title: `${k.id} ${k.name[lang]}`,
          value: f ? [`${f.value} (${f.norm})`, f.counted].filter((x) => x !== '').join(' · ') : '—',
        };
      }),
    ],
  };
}
