// What a question set is: data that every channel renders (Adaptive Card or Block Kit) and that
// one schema validates, whatever the channel.
import type { Lang } from '../i18n.ts';

export type Text = Record<Lang, string>;

export type Question =
  /** Yes or no, with a required explanation ("Licht je antwoord toe"). */
  | { id: string; kind: 'yesno'; label: Text; explanation: { id: string; label: Text } }
  /** A whole number in a range. */
  | { id: string; kind: 'integer'; label: Text; min: number; max: number }
  /** One of a few options, each with its own text. */
  | { id: string; kind: 'choice'; label: Text; help?: Text; options: { value: string; label: Text }[] }
  /** Free text, required. */
  | { id: string; kind: 'text'; label: Text };

export interface QuestionSet {
  id: string;
  title: Text;
  intro: Text;
  questions: Question[];
}

/** The ids of every input of a set: questions and their explanations. */
export function inputIds(set: QuestionSet): string[] {
  return set.questions.flatMap((q) => (q.kind === 'yesno' ? [q.id, q.explanation.id] : [q.id]));
}
