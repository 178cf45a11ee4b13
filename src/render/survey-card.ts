// The survey questionnaire and a round's results as Adaptive Card data (cards/survey.json,
// cards/survey-results.json), in the reader's language. The same view feeds Slack's Block Kit.
import type { SurveyMessage, SurveyResultsMessage } from '../channels/survey-views.ts';
import type { Lang } from '../i18n.ts';
import { MAX_TEXT } from '../questionnaires/answers.ts';
import { formatDate, formatNumber, formatPeriod } from '../texts/format.ts';
import { t } from '../texts/index.ts';

export interface SurveyRenderOptions {
  /** Raw inputs to show again (after a refused submit). */
  values?: Record<string, unknown>;
  /** Messages per input id, in the reader's language. */
  errors?: Record<string, string>;
  formError?: string;
}

export function surveyView(message: SurveyMessage, lang: Lang, options: SurveyRenderOptions = {}) {
  const zone = message.timeZone;
  const values: Record<string, unknown> = { ...(message.answers ?? {}), ...(options.values ?? {}) };
  const errors = options.errors ?? {};
  const value = (id: string) => (values[id] === undefined || values[id] === null ? '' : String(values[id]));
  const closes = formatDate(lang, message.closesOn, zone);
  const questions = message.set.questions.flatMap((q) =>
    q.kind !== 'choice'
      ? []
      : [
          {
            id: q.id,
            label: q.label[lang],
            help: q.help?.[lang] ?? '',
            value: value(q.id),
            error: errors[q.id] ?? '',
            requiredMessage: t(lang, 'survey.card.choose'),
            options: q.options.map((o) => ({
              value: o.value,
              short: o.label[lang],
              description: o.description?.[lang] ?? '',
              // Expanded choices show the whole answer, as the plan describes it.
              title: o.description ? `${o.label[lang]} — ${o.description[lang]}` : o.label[lang],
            })),
            remarkId: q.remark?.id ?? '',
            remarkLabel: q.remark?.label[lang] ?? '',
            remarkValue: q.remark ? value(q.remark.id) : '',
            remarkError: q.remark ? (errors[q.remark.id] ?? '') : '',
            maxLength: MAX_TEXT,
            lengthHint: t(lang, 'survey.card.remarkHint', { max: formatNumber(lang, MAX_TEXT) }),
          },
        ],
  );
  const summary = message.set.questions.flatMap((q) => {
    if (q.kind !== 'choice') return [];
    const chosen = q.options.find((o) => o.value === value(q.id));
    const rows = [
      { title: q.label[lang], value: chosen ? chosen.label[lang] : t(lang, 'survey.card.notAnswered') },
    ];
    if (q.remark && value(q.remark.id) !== '')
      rows.push({ title: q.remark.label[lang], value: value(q.remark.id) });
    return rows;
  });
  const status =
    message.state === 'open'
      ? t(lang, 'survey.card.status.open', { date: closes })
      : message.state === 'answered'
        ? t(lang, 'survey.card.status.answered', { date: closes })
        : t(lang, 'survey.card.status.closed');
  return {
    title: message.set.title[lang],
    reminder: message.reminder ? t(lang, 'survey.card.reminder', { date: closes }) : '',
    facts: [
      { title: t(lang, 'survey.card.supplier'), value: message.supplierName },
      { title: t(lang, 'survey.card.period'), value: formatPeriod(lang, message.period) },
      {
        title: t(lang, 'survey.card.open'),
        value: t(lang, 'survey.card.range', { from: formatDate(lang, message.opensOn, zone), to: closes }),
      },
    ],
    intro: message.set.intro[lang],
    formError: options.formError ?? '',
    state: message.state,
    questions,
    summary,
    status,
    submitTitle: t(lang, 'survey.card.submit'),
    editTitle: t(lang, 'survey.card.edit'),
    canEdit: message.state === 'answered',
    assignmentId: message.assignmentId,
  };
}

export function surveyResultsView(message: SurveyResultsMessage, lang: Lang) {
  const level = (l: string | undefined) => t(lang, 'survey.level', { level: l ?? 'none' });
  const zone = message.timeZone;
  return {
    title: t(lang, 'survey.results.title', {
      supplier: message.supplierName,
      period: formatPeriod(lang, message.period),
    }),
    when: message.closed
      ? t(lang, 'survey.results.closed', { date: formatDate(lang, message.closesOn, zone) })
      : t(lang, 'survey.results.early', { date: formatDate(lang, message.closesOn, zone) }),
    headers: {
      question: t(lang, 'survey.results.question'),
      client: t(lang, 'survey.side', { side: 'client' }),
      supplier: t(lang, 'survey.side', { side: 'supplier' }),
    },
    questions: message.questions.map((q) => ({
      label: q.label[lang],
      client: level(q.client),
      supplier: level(q.supplier),
      gap: q.gap ? t(lang, 'survey.results.gap') : '',
    })),
    answered: t(lang, 'survey.results.answered', {
      client: message.answered.client,
      clientAsked: message.asked.client,
      supplier: message.answered.supplier,
      supplierAsked: message.asked.supplier,
    }),
    verdict: t(lang, message.meetsNorm ? 'survey.results.meets' : 'survey.results.short', {
      norm: level(message.norm),
    }),
    good: message.meetsNorm,
    how: t(lang, 'survey.results.how'),
    individualTitle: message.individual ? t(lang, 'survey.results.individual') : '',
    individual: (message.individual ?? []).map((person) => ({
      title: t(lang, 'survey.results.person', {
        name: person.name,
        side: t(lang, 'survey.side', { side: person.side }),
      }),
      value: message.questions
        .map((q) => {
          const remark = person.remarks[q.id];
          return `${q.label[lang]}: ${level(person.answers[q.id])}${remark ? ` (${remark})` : ''}`;
        })
        .join('; '),
    })),
  };
}
