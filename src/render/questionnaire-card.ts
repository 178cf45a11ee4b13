// A generic questionnaire (channels/questionnaire-view.ts) as view data in the reader's language:
// per question the input it needs (a choice, a text, a date, a link), for the Adaptive Card
// (cards/questionnaire.json) and, through the same view, Slack's Block Kit.
import type { QuestionnaireMessage } from '../channels/questionnaire-view.ts';
import type { Lang } from '../i18n.ts';
import { MAX_TEXT } from '../questionnaires/answers.ts';
import type { Question } from '../questionnaires/types.ts';
import { formatAmount, formatDate, formatNumber } from '../texts/format.ts';
import { t } from '../texts/index.ts';
import type { SurveyRenderOptions } from './survey-card.ts';

export type QuestionnaireInput = ReturnType<typeof questionnaireView>['questions'][number];

/** Not required by the card: optional questions, and those another answer makes required (the server checks those). */
function optional(question: Question): boolean {
  return (
    ((question.kind === 'link' || question.kind === 'email' || question.kind === 'number') &&
      !question.required) ||
    (question.kind === 'date' && Boolean(question.optional)) ||
    (question.kind === 'text' && Boolean(question.optional || question.requiredIf))
  );
}

/** Labelled "(optioneel)": only what may always be left empty (a conditional one says when, in its help). */
function labelledOptional(question: Question): boolean {
  return optional(question) && !(question.kind === 'text' && question.requiredIf);
}

function shown(question: Question, value: string, lang: Lang): string {
  if (value === '') return t(lang, 'survey.card.notAnswered');
  if (question.kind === 'choice')
    return value
      .split(',')
      .map((v) => question.options.find((o) => o.value === v)?.label[lang] ?? v)
      .join(', ');
  if (question.kind === 'date') return formatDate(lang, value, 'UTC');
  if (question.kind === 'amount') return formatAmount(lang, Number(value));
  if (question.kind === 'number')
    return formatNumber(lang, Number(value.replace(',', '.')), { maxFractionDigits: 4 });
  return value;
}

export function questionnaireView(
  message: QuestionnaireMessage,
  lang: Lang,
  options: SurveyRenderOptions = {},
) {
  const values: Record<string, unknown> = { ...(message.answers ?? {}), ...(options.values ?? {}) };
  const errors = options.errors ?? {};
  const numbers = new Set(message.set.questions.filter((q) => q.kind === 'number').map((q) => q.id));
  // A stored figure shows with a decimal comma (2,125), which reads back as itself (a dot is thousands).
  const value = (id: string) => {
    const given = values[id];
    if (given === undefined || given === null) return '';
    return numbers.has(id) && typeof given === 'number' ? String(given).replace('.', ',') : String(given);
  };
  const questions = message.set.questions.flatMap((q) =>
    q.kind === 'yesno'
      ? []
      : [
          {
            id: q.id,
            // A figure is typed like an amount (a text input: a card's number input takes no "2,5").
            type: q.kind === 'choice' && q.multiple ? 'choices' : q.kind === 'number' ? 'amount' : q.kind,
            label: labelledOptional(q)
              ? `${q.label[lang]} ${t(lang, 'questionnaire.optional')}`
              : q.label[lang],
            help: ('help' in q && q.help?.[lang]) || '',
            value: value(q.id),
            error: errors[q.id] ?? '',
            required: !optional(q),
            requiredMessage: t(
              lang,
              q.kind === 'choice'
                ? q.multiple
                  ? 'questionnaire.chooseSome'
                  : 'survey.card.choose'
                : q.kind === 'integer'
                  ? 'questionnaire.integer'
                  : 'questionnaire.required',
              q.kind === 'integer' ? { min: q.min, max: q.max } : {},
            ),
            options:
              q.kind === 'choice'
                ? q.options.map((o) => ({
                    value: o.value,
                    short: o.label[lang],
                    title: o.description ? `${o.label[lang]} — ${o.description[lang]}` : o.label[lang],
                  }))
                : [],
            maxLength: q.kind === 'text' ? (q.maxLength ?? MAX_TEXT) : MAX_TEXT,
            multiline: !(q.kind === 'text' && (q.maxLength ?? MAX_TEXT) <= 200),
            amountHint: t(
              lang,
              q.kind === 'number' ? 'questionnaire.numberHint' : 'questionnaire.amountHint',
            ),
            number: q.kind === 'integer' && value(q.id) !== '' ? Number(value(q.id)) : 0,
            min: q.kind === 'integer' ? q.min : 0,
            max: q.kind === 'integer' ? q.max : 0,
            lengthHint: t(lang, 'survey.card.remarkHint', {
              max: formatNumber(lang, q.kind === 'text' ? (q.maxLength ?? MAX_TEXT) : MAX_TEXT),
            }),
          },
        ],
  );
  const summary = message.set.questions.flatMap((q) =>
    q.kind === 'yesno' || (optional(q) && value(q.id) === '')
      ? []
      : [{ title: q.label[lang], value: shown(q, value(q.id), lang) }],
  );
  return {
    title: message.set.title[lang],
    reminder: message.reminder?.[lang] ?? '',
    facts: message.facts.map((f) => ({ title: f.title[lang], value: f.value[lang] })),
    intro: message.set.intro[lang],
    note: message.note?.text[lang] ?? '',
    sections: (message.sections ?? []).map((section) => ({
      title: section.title[lang],
      lines: section.lines.map((line) => ({ text: line[lang] })),
    })),
    linkTitle: message.link?.title[lang] ?? '',
    linkUrl: message.link?.url[lang] ?? '',
    noteColor:
      message.note?.tone === 'attention' ? 'Attention' : message.note?.tone === 'good' ? 'Good' : 'Default',
    formError: options.formError ?? '',
    state: message.state,
    questions,
    summary,
    status: message.status[lang],
    submitTitle: t(lang, 'survey.card.submit'),
    editTitle: t(lang, 'survey.card.edit'),
    canEdit: message.state === 'answered',
    assignmentId: message.assignmentId,
  };
}
