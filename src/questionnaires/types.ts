// What a question set is: data that every channel renders (Adaptive Card or Block Kit) and that
// one schema validates, whatever the channel. The types come from the zod schema in schema.ts.
import type { Lang } from '../i18n.ts';
import type { QuestionSet } from './schema.ts';

export type { Question, QuestionSet, SurveySides } from './schema.ts';

export type Text = Record<Lang, string>;

/** The ids of every input of a set: questions, their explanations and remarks. */
export function inputIds(set: QuestionSet): string[] {
  return set.questions.flatMap((q) =>
    q.kind === 'yesno'
      ? [q.id, q.explanation.id]
      : q.kind === 'choice' && q.remark
        ? [q.id, q.remark.id]
        : [q.id],
  );
}
