// A KPI's figures: taken from a scoring result as numbers, and formatted in the reader's language,
// so that the command line, the cards and Block Kit say "89,5%" in Dutch and "89.5%" in English alike.
import type { KpiFigures } from '../channels/channel.ts';
import type { Rule } from '../domain/frameworks/schema.ts';
import { type KpiResult, LEVEL_NAMES } from '../domain/scoring.ts';
import type { Lang } from '../i18n.ts';
import { formatDate, formatList, formatNumber, formatPercent } from '../texts/format.ts';
import { t } from '../texts/index.ts';

export function kpiFigures(kpi: KpiResult, kind: Rule['kind'] | undefined): KpiFigures {
  if ('passed' in kpi)
    return {
      kind: 'ratio',
      pendingOf:
        kind === 'request-delivery' ? 'requests' : kind === 'session-evaluation' ? 'sessions' : 'other',
      passed: kpi.passed,
      counted: kpi.counted,
      norm: kpi.norm,
      pending: kpi.pending,
      ...(kpi.value === undefined ? {} : { value: kpi.value }),
    };
  if ('rounds' in kpi)
    return {
      kind: 'survey',
      questions: { ...(kpi.questions ?? {}) },
      supplierSide: { ...(kpi.supplierSide ?? {}) },
      gaps: [...(kpi.gaps ?? [])],
      rounds: kpi.rounds.length,
      judged: kpi.rounds.filter((r) => r.judged).length,
      ...(kpi.norm ? { norm: kpi.norm } : {}),
    };
  if ('rule' in kpi) {
    const { id: _id, status: _status, ...figures } = kpi;
    return { kind: 'figure', ...figures };
  }
  return {
    kind: 'social-return',
    norm: kpi.norm,
    planDue: kpi.planDue,
    ...(kpi.value === undefined ? {} : { value: kpi.value }),
    ...(kpi.planSubmittedOn ? { planSubmittedOn: kpi.planSubmittedOn } : {}),
  };
}

/** The figures as the reader reads them: value, norm, what was counted, and a note. */
export interface FormattedFigures {
  value: string;
  norm: string;
  counted: string;
  note: string;
}

const LETTER_OF: Record<string, string> = Object.fromEntries(
  Object.entries(LEVEL_NAMES).map(([letter, name]) => [name, letter]),
);

/** A level name ("voldoende") in the reader's language ("sufficient"). */
export function levelText(lang: Lang, name: string): string {
  const letter = LETTER_OF[name];
  return letter ? t(lang, 'survey.level', { level: letter }) : name;
}

function levels(lang: Lang, byQuestion: Record<string, string>): string {
  return formatList(
    lang,
    Object.entries(byQuestion).map(([question, level]) =>
      t(lang, 'scorecard.questionLevel', {
        question: t(lang, 'scorecard.question', { question }),
        level: levelText(lang, level),
      }),
    ),
  );
}

export function formatFigures(lang: Lang, figures: KpiFigures): FormattedFigures {
  const percent = (value: number | undefined) => (value === undefined ? '—' : formatPercent(lang, value));
  switch (figures.kind) {
    case 'ratio': {
      const pendingKey =
        figures.pendingOf === 'requests'
          ? 'scorecard.pendingRequests'
          : figures.pendingOf === 'sessions'
            ? 'scorecard.pendingSessions'
            : 'scorecard.pendingGeneric';
      return {
        value: percent(figures.value),
        norm: t(lang, 'scorecard.norm', { norm: percent(figures.norm) }),
        counted: t(lang, 'scorecard.counted', {
          passed: figures.passed,
          counted: figures.counted,
          unit: figures.pendingOf,
        }).trim(),
        note: figures.pending > 0 ? t(lang, pendingKey, { count: figures.pending }) : '',
      };
    }
    case 'survey': {
      const notes: string[] = [];
      if (Object.keys(figures.supplierSide).length > 0)
        notes.push(t(lang, 'scorecard.supplierSide', { levels: levels(lang, figures.supplierSide) }));
      for (const question of figures.gaps)
        notes.push(t(lang, 'scorecard.gap', { question: t(lang, 'scorecard.question', { question }) }));
      return {
        value: levels(lang, figures.questions) || '—',
        norm: figures.norm ? t(lang, 'scorecard.norm', { norm: levelText(lang, figures.norm) }) : '—',
        counted: t(lang, 'scorecard.rounds', { judged: figures.judged, count: figures.rounds }),
        note: notes.join('; '),
      };
    }
    case 'figure':
      return figureTexts(lang, figures);
    case 'social-return':
      return {
        value: percent(figures.value),
        norm: t(lang, 'scorecard.norm', { norm: percent(figures.norm) }),
        counted: '',
        note: figures.planSubmittedOn
          ? t(lang, 'scorecard.planIn', { date: formatDate(lang, figures.planSubmittedOn, 'UTC') })
          : t(lang, 'scorecard.planDue', { date: formatDate(lang, figures.planDue, 'UTC') }),
      };
  }
}

/** A reported figure, a trend against its baseline, or a description, as the reader reads them. */
function figureTexts(lang: Lang, figures: Extract<KpiFigures, { kind: 'figure' }>): FormattedFigures {
  // A unit of letters follows after a space ("11 weken"), a sign does not ("2,3%").
  const unit = figures.unit?.[lang];
  const after = unit ? (/^\p{L}/u.test(unit) ? ` ${unit}` : unit) : '';
  const number = (value: number | undefined) =>
    value === undefined ? '—' : `${formatNumber(lang, round(value))}${after}`;
  const counted = figures.periods > 0 ? t(lang, 'scorecard.periodsReported', { count: figures.periods }) : '';
  if (figures.rule === 'descriptive') return { value: figures.text ?? '—', norm: '—', counted, note: '' };
  if (figures.rule === 'trend')
    return {
      value: number(figures.value),
      norm:
        figures.value === undefined
          ? '—'
          : figures.settingBaseline
            ? t(lang, 'scorecard.settingBaseline')
            : t(lang, 'scorecard.baseline', { baseline: number(figures.baseline) }),
      counted,
      note:
        figures.baseline === undefined || figures.value === undefined
          ? ''
          : t(lang, 'scorecard.trend', {
              change: number(figures.value - figures.baseline),
              direction:
                figures.value === figures.baseline
                  ? 'same'
                  : figures.value > figures.baseline === (figures.better === 'higher')
                    ? 'better'
                    : 'worse',
            }),
    };
  const bound =
    figures.min !== undefined && figures.max !== undefined
      ? t(lang, 'scorecard.between', { min: number(figures.min), max: number(figures.max) })
      : figures.min !== undefined
        ? t(lang, 'scorecard.norm', { norm: number(figures.min) })
        : figures.max !== undefined
          ? t(lang, 'scorecard.atMost', { max: number(figures.max) })
          : '—';
  return { value: number(figures.value), norm: bound, counted, note: '' };
}

const round = (value: number) => Math.round(value * 10) / 10;
