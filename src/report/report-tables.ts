// The report's contents as tables of words in the reader's language, one per section, so that the
// PDF and the XLSX show the same figures in the same words: the scorecard rows are the terminal
// scorecard's (`kpiCells`), to the digit.
import type { TrendStatus } from '../channels/channel.ts';
import { isAtRisk, reportDueDate } from '../domain/scoring.ts';
import type { Lang } from '../i18n.ts';
import { kpiCells } from '../render/scorecard-text.ts';
import {
  formatAmount,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatPeriod,
} from '../texts/format.ts';
import { t } from '../texts/index.ts';
import type { ReportData } from './report-data.ts';

export interface Section {
  /** The KPI a section is about (its XLSX sheet), or none (the findings). */
  kpi?: string;
  title: string;
  columns: string[];
  rows: string[][];
  /**
   * Which rows need attention (a request or session that fails its KPI): the PDF lists only those,
   * with a count of the rest; the XLSX lists every row and marks these. Absent: every row is shown.
   */
  attention?: boolean[];
  /** Lines of text under the table (social return's plan). */
  lines?: string[];
}

export interface ReportTables {
  title: string;
  subtitle: string;
  scorecard: { columns: string[]; rows: string[][]; lights: TrendStatus[] };
  consequence: string;
  trendTitle: string;
  trendLegend: string;
  sections: Section[];
}

export function reportTables(data: ReportData, lang: Lang): ReportTables {
  const col = (...names: string[]) => names.map((c) => t(lang, 'report.col', { col: c }));
  const word = (w: string, values: Record<string, string> = {}) =>
    t(lang, 'report.word', { word: w, ...values });
  const day = (d: string | undefined) => (d ? formatDate(lang, d, 'UTC') : '–');
  const zone = data.timeZone;
  const card = data.scorecard;
  const consequence = data.framework.consequences.find((c) => c.id === card.consequence);
  const name = (id: string) => data.framework.kpis.find((k) => k.id === id)?.name[lang] ?? id;
  const kindOf = (id: string) => data.framework.kpis.find((k) => k.id === id)?.rule.kind;
  let consequenceText = t(lang, 'report.consequence', { text: consequence?.text[lang] ?? card.consequence });
  if (card.red.length > 0) consequenceText += ` (${card.red.join(', ')})`;
  if (card.recoveryPlanDue)
    consequenceText += ` — ${lang === 'nl' ? 'herstelplan uiterlijk' : 'recovery plan due'} ${day(card.recoveryPlanDue)}`;
  const reportRule = data.framework.kpis.flatMap((k) =>
    k.rule.kind === 'progress-report' ? [k.rule] : [],
  )[0];
  // The supplier's explanation per KPI, as delivered in chat with this period's report.
  const explained = Object.entries(data.reports.find((r) => r.covers === data.period.id)?.explanations ?? {});
  const sections: Section[] = [
    ...(explained.length > 0
      ? [
          {
            title: t(lang, 'report.explanations'),
            columns: col('kpi', 'explanation'),
            rows: explained.map(([kpi, text]) => [`${kpi} ${name(kpi)}`, text]),
          },
        ]
      : []),
    {
      kpi: 'KPI1',
      title: t(lang, 'report.requests'),
      columns: col('id', 'date', 'asked', 'proposed', 'returned', 'motivation'),
      attention: data.requests.map(
        (r) =>
          !r.registration ||
          r.registration.returned ||
          r.registration.suitableProposed < (r.requestedFacilitators ?? 2) ||
          r.registration.motivation.trim() === '',
      ),
      rows: data.requests.map((r) => [
        r.id,
        day(r.date),
        String(r.requestedFacilitators ?? 2),
        r.registration ? String(r.registration.suitableProposed) : '–',
        r.registration ? word(r.registration.returned ? 'yes' : 'no') : '–',
        r.registration?.motivation ?? word('notJudged'),
      ]),
    },
    ...(['KPI2', 'KPI3'] as const).map((kpi) => ({
      kpi,
      title: t(lang, 'report.sessions', { kpi }),
      columns: col('session', 'date', 'who', 'answer', 'explanation'),
      attention: data.sessions.flatMap((s) =>
        s.answers.filter((a) => a.kpi === kpi).map((a) => !a.yes || a.explanation.trim() === ''),
      ),
      rows: data.sessions.flatMap((s) =>
        s.answers
          .filter((a) => a.kpi === kpi)
          .map((a) => [
            s.id,
            formatDateTime(lang, s.start, zone),
            `${a.name} (${word(a.role)})`,
            word(a.yes ? 'yes' : 'no'),
            a.explanation || '–',
          ]),
      ),
    })),
    {
      kpi: 'KPI4',
      title: t(lang, 'report.lefDays'),
      columns: col('date', 'person', 'status', 'reason', 'contribution'),
      rows: data.lefDays.flatMap((d) =>
        d.people.map((p) => [day(d.date), p.name, word(p.status), p.reason ?? '', p.contribution ?? '']),
      ),
    },
    {
      kpi: 'KPI5',
      title: t(lang, 'report.surveys'),
      columns: col('id', 'date', 'side', 'who', 'answers'),
      rows: data.surveys.flatMap(({ round, names }) =>
        round.responses.map((r) => [
          round.id,
          day(round.opensOn),
          word(r.side),
          names[r.respondent] ?? r.respondent,
          Object.entries(r.answers)
            .map(([question, level]) => `${question}: ${level}`)
            .join(', '),
        ]),
      ),
    },
    {
      kpi: 'KPI6',
      title: t(lang, 'report.reports'),
      columns: col('covers', 'due', 'delivered', 'accepted', 'reason'),
      rows: data.reports.map((r) => [
        formatPeriod(lang, r.covers),
        day(r.dueOn ?? (reportRule ? reportDueDate(r.covers, reportRule.dueDaysAfterHalfYear) : undefined)),
        day(r.deliveredOn),
        r.accepted === undefined ? word('notJudged') : word(r.accepted ? 'yes' : 'no'),
        r.reason ?? '–',
      ]),
    },
    {
      kpi: 'KPI7',
      title: t(lang, 'report.socialReturn'),
      columns: col('upTo', 'revenue', 'sroi', 'share'),
      rows: (data.socialReturn?.figures ?? []).map((f) => [
        day(f.upTo),
        formatAmount(lang, f.revenue),
        formatAmount(lang, f.sroiValue),
        f.revenue > 0 ? formatPercent(lang, f.sroiValue / f.revenue) : '–',
      ]),
      lines: [
        data.socialReturn?.planSubmittedOn
          ? word('plan', { date: day(data.socialReturn.planSubmittedOn) })
          : word('noPlan'),
      ],
    },
    {
      title: t(lang, 'report.measurements'),
      columns: col('kpi', 'covers', 'activity', 'value', 'source'),
      rows: data.measurements.map((m) => {
        const kpi = data.framework.kpis.find((k) => 'measure' in k.rule && k.rule.measure === m.measure);
        // A figure the client supplies for a share (a target group) is named with the KPI it serves.
        const of = data.framework.kpis.find((k) => 'per' in k.rule && k.rule.per?.measure === m.measure);
        return [
          kpi ? `${kpi.id} ${kpi.name[lang]}` : of ? `${of.id} ${of.name[lang]} (${m.measure})` : m.measure,
          formatPeriod(lang, m.period),
          (m.activity && data.activities.find((a) => a.id === m.activity)?.name) ?? m.activity ?? '–',
          m.value !== undefined ? formatNumber(lang, m.value) : (m.text ?? '–'),
          m.source ?? '–',
        ];
      }),
    },
    {
      title: t(lang, 'report.findings'),
      columns: col('kpi', 'found', 'resolved', 'reply'),
      rows: data.findings.map((f) => [
        `${f.kpi} ${name(f.kpi)}`,
        formatDateTime(lang, f.foundAt, zone),
        f.resolvedAt ? formatDateTime(lang, f.resolvedAt, zone) : '–',
        f.reply ? `${f.replyBy}: ${f.reply.text}` : '–',
      ]),
    },
  ];
  // Only the sections of the framework's own KPIs (LEF's seven are sections of their own), the
  // reported figures where it has any, and the findings.
  const kept = sections.filter((s) =>
    s.kpi ? kindOf(s.kpi) !== undefined : s.title !== t(lang, 'report.measurements') || s.rows.length > 0,
  );
  return {
    title: t(lang, 'report.title', { supplier: data.supplier.name }),
    subtitle: t(lang, 'report.subtitle', {
      period: formatPeriod(lang, data.period.id),
      asOf: formatDateTime(lang, card.asOf, zone),
      contract: data.contract,
    }),
    scorecard: {
      columns: col('kpi', 'name', 'status', 'value', 'norm', 'counted', 'note'),
      rows: card.kpis.map((kpi) => [kpi.id, name(kpi.id), ...kpiCells(kpi, kindOf(kpi.id), lang)]),
      lights: card.kpis.map((kpi) =>
        kpi.status === 'green' && 'passed' in kpi && isAtRisk(kpi) ? 'atRisk' : kpi.status,
      ),
    },
    consequence: consequenceText,
    trendTitle: t(lang, 'report.trend'),
    trendLegend: data.trend.kpis.some((k) => k.statuses.includes('info'))
      ? `${t(lang, 'report.trendLegend')} · ${t(lang, 'scorecard.legendInfo')}`
      : t(lang, 'report.trendLegend'),
    sections: kept,
  };
}
