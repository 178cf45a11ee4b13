// One schema per question set, whatever the channel: raw inputs (strings from a card or modal,
// or typed JSON) become one neutral shape, or per-question messages in both languages.
import { z } from 'zod';
import { LIMITS } from '../domain/records.ts';
import type { Lang } from '../i18n.ts';
import type { Question, QuestionSet, Text } from './types.ts';

export type Answers = Record<string, string | number | boolean>;

export type AnswerResult = { ok: true; answers: Answers } | { ok: false; fields: Record<string, Text> };

const MSG = {
  chooseYesNo: { nl: 'Kies ja of nee.', en: 'Choose yes or no.' },
  explain: { nl: 'Licht je antwoord toe (verplicht).', en: 'Explain your answer (required).' },
  choose: { nl: 'Kies een van de antwoorden.', en: 'Choose one of the answers.' },
  required: { nl: 'Vul dit in (verplicht).', en: 'Fill this in (required).' },
  tooLong: {
    nl: `Te lang: hoogstens ${LIMITS.text} tekens. Er is niets opgeslagen; kort je tekst in.`,
    en: `Too long: at most ${LIMITS.text.toLocaleString('en')} characters. Nothing was saved; please shorten your text.`,
  },
  date: { nl: 'Kies een datum.', en: 'Choose a date.' },
  chooseSome: { nl: 'Kies er minstens één.', en: 'Choose at least one.' },
  amount: {
    nl: 'Vul een bedrag in euro’s in, 0 of meer, met hoogstens twee decimalen (zoals 1250,50).',
    en: 'Enter an amount in euros, 0 or more, with at most two decimals (such as 1250.50).',
  },
  number: {
    nl: 'Vul een getal in, 0 of meer, zoals 1500 of 2,5 — of laat het leeg als je het (nog) niet weet.',
    en: 'Enter a number, 0 or more, without thousands separators, such as 1500 or 2.5 — or leave it empty if you do not know it (yet).',
  },
  numberRequired: {
    nl: 'Vul een getal in, 0 of meer, zoals 1500 of 2,5 (verplicht).',
    en: 'Enter a number, 0 or more, without thousands separators, such as 1500 or 2.5 (required).',
  },
  email: {
    nl: 'Vul een e-mailadres in, zoals naam@voorbeeld.nl.',
    en: 'Enter an e-mail address, such as name@example.com.',
  },
  linkRequired: {
    nl: 'Vul een webadres in dat met https:// of http:// begint (verplicht).',
    en: 'Enter a web address starting with https:// or http:// (required).',
  },
  link: {
    nl: 'Vul een webadres in dat met https:// of http:// begint, of laat het leeg.',
    en: 'Enter a web address starting with https:// or http://, or leave it empty.',
  },
  tooLongShort: (max: number): Text => ({
    nl: `Te lang: hoogstens ${max} tekens.`,
    en: `Too long: at most ${max} characters.`,
  }),
  integer: (min: number, max: number): Text => ({
    nl: `Vul een heel getal van ${min} tot en met ${max} in.`,
    en: `Enter a whole number from ${min} to ${max}.`,
  }),
} as const;

/** A text answer's limit: the records' own (LIMITS.text), so that every answer can be imported and stored. */
export const MAX_TEXT = LIMITS.text;

type MessageKey =
  | 'chooseYesNo'
  | 'explain'
  | 'choose'
  | 'chooseSome'
  | 'required'
  | 'tooLong'
  | 'tooLongShort'
  | 'integer'
  | 'date'
  | 'link'
  | 'linkRequired'
  | 'amount'
  | 'number'
  | 'numberRequired'
  | 'email';

/** A message travels as its key, so that it can be shown in either language. */
function fail(key: MessageKey) {
  return { error: key };
}

const yesNo = z.preprocess(
  (v) =>
    v === true || v === 'yes' || v === 'ja' ? true : v === false || v === 'no' || v === 'nee' ? false : v,
  z.boolean(fail('chooseYesNo')),
);

const requiredText = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z.string(fail('explain')).min(1, fail('explain')).max(MAX_TEXT, fail('tooLong')),
);

const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
  z.string(fail('tooLong')).max(MAX_TEXT, fail('tooLong')).optional(),
);

function schemaFor(question: Question): [string, z.ZodType][] {
  switch (question.kind) {
    case 'yesno':
      return [
        [question.id, yesNo],
        [question.explanation.id, requiredText],
      ];
    case 'choice': {
      const values = question.options.map((o) => o.value) as [string, ...string[]];
      const choice: [string, z.ZodType][] = [
        [question.id, question.multiple ? several(values) : z.enum(values, fail('choose'))],
      ];
      // An optional remark: blank is no remark; too long is refused like any text.
      if (question.remark) choice.push([question.remark.id, optionalText]);
      return choice;
    }
    case 'integer': {
      const message = fail('integer');
      return [
        [
          question.id,
          z.preprocess(
            (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
            z.number(message).int(message).min(question.min, message).max(question.max, message),
          ),
        ],
      ];
    }
    case 'text': {
      const max = question.maxLength ?? MAX_TEXT;
      const tooLong = max < MAX_TEXT ? fail('tooLongShort') : fail('tooLong');
      if (question.optional || question.requiredIf)
        return [
          [
            question.id,
            z.preprocess(
              (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
              z.string(tooLong).max(max, tooLong).optional(),
            ),
          ],
        ];
      return [
        [
          question.id,
          z.preprocess(
            (v) => (typeof v === 'string' ? v.trim() : v),
            z.string(fail('required')).min(1, fail('required')).max(max, tooLong),
          ),
        ],
      ];
    }
    case 'date': {
      const date = z.iso.date(fail('date'));
      return [[question.id, z.preprocess(blankAsAbsent, question.optional ? date.optional() : date)]];
    }
    case 'link': {
      const key = question.required ? 'linkRequired' : 'link';
      const url = z.url({ protocol: /^https?$/, error: fail(key).error }).max(2000, fail(key));
      return [[question.id, z.preprocess(blankAsAbsent, question.required ? url : url.optional())]];
    }
    case 'email': {
      const email = z.email(fail('email')).max(LIMITS.email, fail('email'));
      return [[question.id, z.preprocess(blankAsAbsent, question.required ? email : email.optional())]];
    }
    case 'amount':
      return [[question.id, amount]];
    case 'number':
      // Blank (a card sends '' for an empty field) is no figure: refused only where one is required.
      return [
        [
          question.id,
          z.preprocess(
            blankAsAbsent,
            question.required ? figure('numberRequired') : figure('number').optional(),
          ),
        ],
      ];
  }
}

const blankAsAbsent = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v);

/** Several options: `a,b` from a card, a list from a modal; kept as `a,b` in the options' order. */
function several(values: [string, ...string[]]) {
  return z.preprocess(
    (v) => {
      const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : v;
      if (!Array.isArray(list)) return v;
      const chosen = new Set(list.map((x) => String(x).trim()).filter(Boolean));
      if ([...chosen].some((x) => !values.includes(x))) return 'unknown';
      return values.filter((x) => chosen.has(x)).join(',');
    },
    z
      .string(fail('chooseSome'))
      .min(1, fail('chooseSome'))
      .refine((v) => v !== 'unknown', fail('choose')),
  );
}

/** Euros: `1250.5`, `1250,50` or `1.250,50` typed; a number from a card. At most 1e12, two decimals. */
const amount = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const typed = v.trim().replace(/\s|€/g, '');
    if (typed === '') return undefined;
    const dutch = /^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(typed) || /^\d+,\d{1,2}$/.test(typed);
    const normal = dutch ? typed.replace(/\./g, '').replace(',', '.') : typed;
    return /^\d+(\.\d{1,2})?$/.test(normal) ? Number(normal) : Number.NaN;
  },
  z
    .number(fail('amount'))
    .min(0, fail('amount'))
    .max(1e12, fail('amount'))
    .refine((n) => Number.isFinite(n) && Math.abs(Math.round(n * 100) - n * 100) < 1e-6, fail('amount')),
);

/**
 * A figure: `12`, `2,5`, `2.5` or `1.250` typed (a dot before groups of three digits is Dutch for
 * thousands, as `1.250.000`; `0.500` is a half); a number from a card. 0 or more, at most 1e12, at
 * most four decimals. A card shows a stored figure back with a decimal comma (`2,125`), so that it
 * reads back the same.
 */
function figure(key: 'number' | 'numberRequired') {
  return z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const typed = v.trim().replace(/\s/g, '');
      if (typed === '') return undefined;
      // Read the Dutch way: a dot before groups of three digits separates thousands, a comma decimals.
      const thousands = /^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(typed);
      const normal = thousands ? typed.replace(/\./g, '').replace(',', '.') : typed.replace(',', '.');
      return /^\d+(\.\d{1,4})?$/.test(normal) ? Number(normal) : Number.NaN;
    },
    z
      .number(fail(key))
      .min(0, fail(key))
      .max(1e12, fail(key))
      .refine((n) => Number.isFinite(n), fail(key)),
  );
}

/** A text that another answer makes required (a reason when changes are asked) is checked here. */
function conditions(set: QuestionSet) {
  return (answers: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const question of set.questions) {
      if (question.kind !== 'text' || !question.requiredIf) continue;
      const { question: other, value } = question.requiredIf;
      if (answers[other] === value && (answers[question.id] ?? '') === '')
        ctx.addIssue({ code: 'custom', path: [question.id], message: 'required' });
    }
  };
}

const schemas = new WeakMap<QuestionSet, z.ZodType<Answers>>();

export function answerSchema(set: QuestionSet): z.ZodType<Answers> {
  let schema = schemas.get(set);
  if (!schema) {
    schema = z
      .object(Object.fromEntries(set.questions.flatMap(schemaFor)))
      .superRefine(conditions(set)) as unknown as z.ZodType<Answers>;
    schemas.set(set, schema);
  }
  return schema;
}

export function parseAnswers(set: QuestionSet, raw: unknown): AnswerResult {
  const input = raw && typeof raw === 'object' ? raw : {};
  const parsed = answerSchema(set).safeParse(input);
  if (parsed.success) return { ok: true, answers: parsed.data };
  const fields: Record<string, Text> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    fields[field] ??= messageText(set, field, issue.message as MessageKey);
  }
  return { ok: false, fields };
}

function messageText(set: QuestionSet, field: string, key: MessageKey): Text {
  if (key === 'tooLongShort') {
    const question = set.questions.find((q) => q.id === field);
    const max = question?.kind === 'text' ? (question.maxLength ?? MAX_TEXT) : MAX_TEXT;
    return MSG.tooLongShort(max);
  }
  if (key === 'integer') {
    const question = set.questions.find((q) => q.id === field);
    return question?.kind === 'integer' ? MSG.integer(question.min, question.max) : MSG.required;
  }
  return MSG[key] ?? MSG.required;
}

export function fieldMessages(fields: Record<string, Text>, lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([id, text]) => [id, text[lang]]));
}
