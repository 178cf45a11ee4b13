// What a question set is, as one zod schema: data that every channel renders (Adaptive Card or
// Block Kit) and that a framework carries for its own surveys. The types are derived from it.
import { z } from 'zod';

const Text = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
const InputId = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a letter, then letters or digits');

/** An optional free-text remark beside a question ("Toelichting (optioneel)"). */
const Remark = z.strictObject({ id: InputId, label: Text });

export const Question = z.discriminatedUnion('kind', [
  /** Yes or no, with a required explanation ("Licht je antwoord toe"). */
  z.strictObject({
    id: InputId,
    kind: z.literal('yesno'),
    label: Text,
    explanation: z.strictObject({ id: InputId, label: Text }),
  }),
  /** A whole number in a range. */
  z.strictObject({
    id: InputId,
    kind: z.literal('integer'),
    label: Text,
    min: z.number().int(),
    max: z.number().int(),
  }),
  /**
   * One of a few options. An option may carry a description (the survey's answers each have the
   * plan's full text): Adaptive Cards show it in the expanded choice, Slack in a section above
   * short radio options.
   */
  z.strictObject({
    id: InputId,
    kind: z.literal('choice'),
    label: Text,
    help: Text.optional(),
    options: z
      .array(z.strictObject({ value: z.string().min(1).max(40), label: Text, description: Text.optional() }))
      .min(2)
      .max(10),
    remark: Remark.optional(),
    /** Several options at once (a person's roles): the answer lists them, comma-separated, in option order. */
    multiple: z.boolean().optional(),
  }),
  /**
   * Free text: required unless `optional`, or required only when another question has a given
   * answer (`requiredIf`: a reason when changes are asked).
   */
  z.strictObject({
    id: InputId,
    kind: z.literal('text'),
    label: Text,
    help: Text.optional(),
    optional: z.boolean().optional(),
    requiredIf: z.strictObject({ question: InputId, value: z.string().min(1) }).optional(),
    /** At most this many characters (default 2000); up to 200 it is one line (a name). */
    maxLength: z.number().int().min(1).max(2000).optional(),
  }),
  /** A calendar date (YYYY-MM-DD), required unless `optional`. */
  z.strictObject({
    id: InputId,
    kind: z.literal('date'),
    label: Text,
    help: Text.optional(),
    optional: z.boolean().optional(),
  }),
  /** A web address (http or https), optional unless `required`. */
  z.strictObject({
    id: InputId,
    kind: z.literal('link'),
    label: Text,
    help: Text.optional(),
    required: z.boolean().optional(),
  }),
  /** A reported figure (a count, a share, a mean: decimals allowed, 0 or more), optional unless `required`. */
  z.strictObject({
    id: InputId,
    kind: z.literal('number'),
    label: Text,
    help: Text.optional(),
    required: z.boolean().optional(),
  }),
  /** An amount in euros (at least 0, at most two decimals), required. */
  z.strictObject({ id: InputId, kind: z.literal('amount'), label: Text, help: Text.optional() }),
  /** An e-mail address: optional unless `required`. */
  z.strictObject({
    id: InputId,
    kind: z.literal('email'),
    label: Text,
    help: Text.optional(),
    required: z.boolean().optional(),
  }),
]);
export type Question = z.infer<typeof Question>;

export const QuestionSet = z
  .strictObject({ id: z.string().min(1), title: Text, intro: Text, questions: z.array(Question).min(1) })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.questions.forEach((question, index) => {
      const ids = [
        question.id,
        ...(question.kind === 'yesno' ? [question.explanation.id] : []),
        ...(question.kind === 'choice' && question.remark ? [question.remark.id] : []),
      ];
      for (const id of ids) {
        if (seen.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['questions', index, 'id'],
            message: `input id "${id}" twice`,
          });
        seen.add(id);
      }
    });
  });
export type QuestionSet = z.infer<typeof QuestionSet>;

/** A survey asks both sides; each side's questions are written out, not produced by swapping words. */
export const SurveySides = z.strictObject({ client: QuestionSet, supplier: QuestionSet });
export type SurveySides = z.infer<typeof SurveySides>;
