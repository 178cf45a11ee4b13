// A scorecard as a readable table for the terminal, in Dutch or English.
import type { Framework, Rule } from '../domain/frameworks/schema.ts';
import { isAtRisk, type KpiResult, type KpiStatus, type Scorecard } from '../domain/scoring.ts';
import { DEFAULT_TIME_ZONE } from '../domain/time.ts';
import type { Lang } from '../i18n.ts';
import { formatDate, formatDateTime, formatPeriod } from '../texts/format.ts';
import { formatFigures, kpiFigures } from './kpi-figures.ts';

export const SCORECARD_TEXT = {
  nl: {
    title: 'Scorecard',
    asOf: 'stand per',
    columns: ['KPI', 'Naam', 'Status', 'Waarde', 'Norm', 'Geteld', 'Toelichting'],
    status: {
      green: 'groen',
      red: 'rood',
      pending: 'nog open',
      nodata: 'geen gegevens',
      info: 'ter informatie',
    },
    atRisk: 'groen, kwetsbaar',
    consequence: 'Gevolg',
    recoveryPlan: (d: string) => `herstelplan uiterlijk ${d}`,
  },
  en: {
    title: 'Scorecard',
    asOf: 'as of',
    columns: ['KPI', 'Name', 'Status', 'Value', 'Norm', 'Counted', 'Notes'],
    status: { green: 'green', red: 'red', pending: 'pending', nodata: 'no data', info: 'for information' },
    atRisk: 'green, at risk',
    consequence: 'Consequence',
    recoveryPlan: (d: string) => `recovery plan due ${d}`,
  },
} as const;

export interface TextOptions {
  framework: Framework;
  supplierName: string;
  lang: Lang;
  /** The contract's time zone, in which the as-of moment is shown. */
  timeZone?: string;
}

export function statusLabel(status: KpiStatus, lang: Lang): string {
  return SCORECARD_TEXT[lang].status[status];
}

export function renderScorecardText(scorecard: Scorecard, options: TextOptions): string {
  const t = SCORECARD_TEXT[options.lang];
  const rows: string[][] = [[...t.columns]];
  for (const kpi of scorecard.kpis) {
    const meta = options.framework.kpis.find((k) => k.id === kpi.id);
    rows.push([kpi.id, meta?.name[options.lang] ?? kpi.id, ...kpiCells(kpi, meta?.rule.kind, options.lang)]);
  }
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  const consequence = options.framework.consequences.find((c) => c.id === scorecard.consequence);
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const header = `${t.title} ${options.supplierName} (${scorecard.supplier}) — ${formatPeriod(options.lang, scorecard.period)}, ${t.asOf} ${formatDateTime(options.lang, scorecard.asOf, zone)}`;
  let footer = `${t.consequence}: ${consequence?.text[options.lang] ?? scorecard.consequence}`;
  if (scorecard.red.length > 0) footer += ` (${scorecard.red.join(', ')})`;
  if (scorecard.recoveryPlanDue)
    footer += ` — ${t.recoveryPlan(formatDate(options.lang, scorecard.recoveryPlanDue, 'UTC'))}`;
  return [header, '', ...lines, '', footer].join('\n');
}

/** A KPI's status and figures as the terminal table (and the report) show them. */
export function kpiCells(kpi: KpiResult, kind: Rule['kind'] | undefined, lang: Lang): string[] {
  const t = SCORECARD_TEXT[lang];
  const status = 'passed' in kpi && isAtRisk(kpi) ? t.atRisk : t.status[kpi.status];
  // The same figures, formatted the same way, as the chat's scorecard card.
  const figures = formatFigures(lang, kpiFigures(kpi, kind));
  return [status, figures.value, figures.norm, figures.counted, figures.note];
}
