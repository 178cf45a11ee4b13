// An evaluation message as view data in the person's language: the Adaptive Card's and Block Kit's
// input. Each input carries its own error message; the number input starts empty (an untouched card
// must not register 0); a questionnaire reopened with "Wijzigen" says the earlier answers still count.
import type { BotMessage } from '../channels/channel.ts';
import { DEFAULT_TIME_ZONE } from '../domain/time.ts';
import type { Lang } from '../i18n.ts';
import { type Answers, MAX_TEXT } from '../questionnaires/answers.ts';
import { evaluationSet } from '../questionnaires/evaluation.ts';
import type { Question } from '../questionnaires/types.ts';
import { formatDateTime, formatList, formatNumber, formatTimeRange } from '../texts/format.ts';
import { t } from '../texts/index.ts';

export type EvaluationMessage = Extract<BotMessage, { kind: 'evaluation' }>;

export interface ViewOptions {
  /** Server-side messages per input id, shown under the input. */
  errors?: Record<string, string>;
  /** Values to show in the inputs (what the person typed), instead of the stored answers. */
  values?: Record<string, unknown>;
  formError?: string;
}

/** The message an input shows when the card's own check fails: what is asked, in its own words. */
export function requiredMessage(question: Question, lang: Lang): string {
  switch (question.kind) {
    case 'yesno':
      return t(lang, 'card.required.yesno');
    case 'integer':
      return t(lang, 'card.required.number', {
        min: formatNumber(lang, question.min),
        max: formatNumber(lang, question.max),
      });
    case 'text':
      return t(lang, 'card.required.text', { label: question.label[lang] });
    default:
      return t(lang, 'card.required.choice');
  }
}

/** Whether an open questionnaire was reopened to change answers that were given (and still count). */
export function isEditing(message: EvaluationMessage): boolean {
  return message.state === 'open' && Object.keys(message.answers ?? {}).length > 0;
}

export function evaluationView(message: EvaluationMessage, lang: Lang, options: ViewOptions = {}) {
  const set = evaluationSet(message.role, { registration: message.registration });
  const values: Record<string, unknown> = { ...toInputValues(message.answers), ...(options.values ?? {}) };
  const errors = options.errors ?? {};
  const value = (id: string) => (values[id] === undefined ? '' : String(values[id]));
  const zone = message.session.timeZone ?? DEFAULT_TIME_ZONE;
  const questions = set.questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    label: q.label[lang],
    value: value(q.id),
    hasValue: value(q.id) !== '',
    error: errors[q.id] ?? '',
    requiredMessage: requiredMessage(q, lang),
    explanationId: q.kind === 'yesno' ? q.explanation.id : '',
    explanationLabel: q.kind === 'yesno' ? q.explanation.label[lang] : '',
    explanationValue: q.kind === 'yesno' ? value(q.explanation.id) : '',
    explanationError: q.kind === 'yesno' ? (errors[q.explanation.id] ?? '') : '',
    explanationRequired: t(lang, 'card.explain'),
    // The card's clients stop typing at maxLength; the placeholder says so, so nothing is cut unseen.
    maxLength: MAX_TEXT,
    lengthHint: t(lang, 'card.lengthHint', { max: formatNumber(lang, MAX_TEXT) }),
    min: q.kind === 'integer' ? q.min : 0,
    max: q.kind === 'integer' ? q.max : 0,
    options:
      q.kind === 'yesno'
        ? [
            { title: t(lang, 'common.yes'), value: 'yes' },
            { title: t(lang, 'common.no'), value: 'no' },
          ]
        : q.kind === 'choice'
          ? q.options.map((o) => ({ title: o.label[lang], value: o.value }))
          : [],
  }));
  const summary = set.questions.flatMap((q) => {
    const raw = values[q.id];
    const shown =
      raw === undefined || raw === ''
        ? t(lang, 'card.notAnswered')
        : q.kind === 'yesno'
          ? t(lang, raw === 'yes' ? 'common.yes' : 'common.no')
          : q.kind === 'choice'
            ? (q.options.find((o) => o.value === raw)?.label[lang] ?? String(raw))
            : q.kind === 'integer' && Number.isFinite(Number(raw))
              ? formatNumber(lang, Number(raw))
              : String(raw);
    const rows = [{ title: q.label[lang], value: shown }];
    if (q.kind === 'yesno' && value(q.explanation.id) !== '')
      rows.push({ title: q.explanation.label[lang], value: value(q.explanation.id) });
    return rows;
  });
  const s = message.session;
  const closes = formatDateTime(lang, message.closesAt, zone);
  const editing = isEditing(message);
  return {
    title: t(lang, 'card.roleTitle', { role: message.role }),
    reminder: message.reminder ? t(lang, 'card.reminder', { n: message.reminder }) : '',
    facts: [
      { title: t(lang, 'card.session'), value: s.id },
      { title: t(lang, 'card.supplier'), value: s.supplierName },
      { title: t(lang, 'card.when'), value: formatTimeRange(lang, s.start, s.end, zone) },
      {
        title: t(lang, 'card.facilitators', { count: s.facilitators.length }),
        value: formatList(lang, s.facilitators),
      },
    ],
    intro: set.intro[lang],
    editing,
    editingNote: editing ? t(lang, 'card.editing') : '',
    formError: options.formError ?? '',
    state: message.state,
    questions,
    summary,
    status:
      message.state === 'open'
        ? t(lang, 'card.openUntil', { when: closes })
        : message.state === 'answered'
          ? t(lang, 'card.answeredUntil', { when: closes })
          : t(lang, 'card.closed'),
    submitTitle: t(lang, 'card.submit'),
    editTitle: t(lang, 'card.edit'),
    cancelTitle: t(lang, 'card.cancel'),
    canEdit: message.state === 'answered',
    assignmentId: message.assignmentId,
  };
}

/** Stored answers (booleans, numbers) as the strings card inputs hold. */
function toInputValues(answers: Answers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(answers ?? {}))
    out[k] = typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
  return out;
}
