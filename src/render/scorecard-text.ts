// A scorecard as a readable table for the terminal, in Dutch or English.
import type { Framework, Rule } from '../domain/frameworks/schema.ts';
import {
  isAtRisk,
  type KpiResult,
  type KpiStatus,
  type RatioResult,
  type Scorecard,
  type SocialReturnResult,
  type SurveyResult,
} from '../domain/scoring.ts';
import type { Lang } from '../i18n.ts';

const TEXT = {
  nl: {
    title: 'Scorecard',
    asOf: 'stand per',
    columns: ['KPI', 'Naam', 'Status', 'Waarde', 'Norm', 'Geteld', 'Toelichting'],
    status: { green: 'groen', red: 'rood', pending: 'nog open', nodata: 'geen gegevens' },
    atRisk: 'groen, kwetsbaar',
    pendingRequests: (n: number) => `${n} wacht op registratie`,
    pendingSessions: (n: number) => `${n} sessie(s) nog in evaluatie`,
    pendingGeneric: (n: number) => `${n} nog te beoordelen`,
    supplierSide: 'opdrachtnemer',
    gap: (q: string) => `verschil van 2+ niveaus bij ${q}`,
    planDue: (d: string) => `plan van aanpak uiterlijk ${d}`,
    planIn: (d: string) => `plan ingediend ${d}`,
    consequence: 'Gevolg',
    recoveryPlan: (d: string) => `herstelplan uiterlijk ${d}`,
    questions: { collaboration: 'samenwerking', feedback: 'feedback' } as Record<string, string>,
  },
  en: {
    title: 'Scorecard',
    asOf: 'as of',
    columns: ['KPI', 'Name', 'Status', 'Value', 'Norm', 'Counted', 'Notes'],
    status: { green: 'green', red: 'red', pending: 'pending', nodata: 'no data' },
    atRisk: 'green, at risk',
    pendingRequests: (n: number) => `${n} awaiting registration`,
    pendingSessions: (n: number) => `${n} session(s) still in evaluation`,
    pendingGeneric: (n: number) => `${n} still to be judged`,
    supplierSide: 'supplier',
    gap: (q: string) => `gap of 2+ levels on ${q}`,
    planDue: (d: string) => `plan due ${d}`,
    planIn: (d: string) => `plan submitted ${d}`,
    consequence: 'Consequence',
    recoveryPlan: (d: string) => `recovery plan due ${d}`,
    questions: { collaboration: 'collaboration', feedback: 'feedback' } as Record<string, string>,
  },
} as const;

const LEVEL_EN: Record<string, string> = {
  slecht: 'poor',
  voldoende: 'sufficient',
  goed: 'good',
  'zeer goed': 'very good',
};

export interface TextOptions {
  framework: Framework;
  supplierName: string;
  lang: Lang;
}

export function statusLabel(status: KpiStatus, lang: Lang): string {
  return TEXT[lang].status[status];
}

export function renderScorecardText(scorecard: Scorecard, options: TextOptions): string {
  const t = TEXT[options.lang];
  const rows: string[][] = [[...t.columns]];
  for (const kpi of scorecard.kpis) {
    const meta = options.framework.kpis.find((k) => k.id === kpi.id);
    rows.push([kpi.id, meta?.name[options.lang] ?? kpi.id, ...cells(kpi, meta?.rule.kind, options.lang)]);
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
  const header = `${t.title} ${options.supplierName} (${scorecard.supplier}) — ${scorecard.period}, ${t.asOf} ${scorecard.asOf}`;
  let footer = `${t.consequence}: ${consequence?.text[options.lang] ?? scorecard.consequence}`;
  if (scorecard.red.length > 0) footer += ` (${scorecard.red.join(', ')})`;
  if (scorecard.recoveryPlanDue) footer += ` — ${t.recoveryPlan(scorecard.recoveryPlanDue)}`;
  return [header, '', ...lines, '', footer].join('\n');
}

function percent(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value);
}

function cells(kpi: KpiResult, kind: Rule['kind'] | undefined, lang: Lang): string[] {
  if ('passed' in kpi) return ratioCells(kpi, kind, lang);
  if ('rounds' in kpi) return surveyCells(kpi, lang);
  return socialReturnCells(kpi, lang);
}

function ratioCells(kpi: RatioResult, kind: Rule['kind'] | undefined, lang: Lang): string[] {
  const t = TEXT[lang];
  const status = isAtRisk(kpi) ? t.atRisk : t.status[kpi.status];
  const value = kpi.value === undefined ? '—' : percent(kpi.value, lang);
  const notes: string[] = [];
  if (kpi.pending > 0) {
    notes.push(
      kind === 'request-delivery'
        ? t.pendingRequests(kpi.pending)
        : kind === 'session-evaluation'
          ? t.pendingSessions(kpi.pending)
          : t.pendingGeneric(kpi.pending),
    );
  }
  return [status, value, `≥ ${percent(kpi.norm, lang)}`, `${kpi.passed}/${kpi.counted}`, notes.join('; ')];
}

function level(name: string, lang: Lang): string {
  return lang === 'en' ? (LEVEL_EN[name] ?? name) : name;
}

function surveyCells(kpi: SurveyResult, lang: Lang): string[] {
  const t = TEXT[lang];
  const questions = Object.entries(kpi.questions ?? {})
    .map(([q, l]) => `${t.questions[q] ?? q}: ${level(l, lang)}`)
    .join(', ');
  const notes: string[] = [];
  const supplier = Object.entries(kpi.supplierSide ?? {})
    .map(([q, l]) => `${t.questions[q] ?? q}: ${level(l, lang)}`)
    .join(', ');
  if (supplier) notes.push(`${t.supplierSide}: ${supplier}`);
  for (const gap of kpi.gaps ?? []) notes.push(t.gap(t.questions[gap] ?? gap));
  const judged = kpi.rounds.filter((r) => r.judged).length;
  return [
    t.status[kpi.status],
    questions || '—',
    kpi.norm ? `≥ ${level(kpi.norm, lang)}` : '—',
    `${judged}/${kpi.rounds.length}`,
    notes.join('; '),
  ];
}

function socialReturnCells(kpi: SocialReturnResult, lang: Lang): string[] {
  const t = TEXT[lang];
  const note = kpi.planSubmittedOn ? t.planIn(kpi.planSubmittedOn) : t.planDue(kpi.planDue);
  return [
    t.status[kpi.status],
    kpi.value === undefined ? '—' : percent(kpi.value, lang),
    `≥ ${percent(kpi.norm, lang)}`,
    '',
    note,
  ];
}
