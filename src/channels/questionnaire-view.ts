// What a channel renders for a questionnaire that needs no layout of its own (a recovery plan and
// its review, social return, a report's delivery): the question set as data, the facts
// it is about, a note above the questions and the state line, each written by the subject's kind.
import type { Answers } from '../questionnaires/answers.ts';
import type { QuestionSet, Text } from '../questionnaires/types.ts';

export interface QuestionnaireMessage {
  kind: 'questionnaire';
  assignmentId: string;
  set: QuestionSet;
  /** What it is about ("Leverancier", "Periode", "Uiterlijk"). */
  facts: { title: Text; value: Text }[];
  /** Said above the questions: the reason changes were asked, a decision taken. */
  note?: { text: Text; tone: 'attention' | 'good' | 'default' };
  /** The state in words ("Open tot en met 13 juli 2026", "Ingediend op …"). */
  status: Text;
  state: 'open' | 'answered' | 'closed';
  answers?: Answers;
  /** A reminder's first line, when it is one. */
  reminder?: Text;
  /** What the questions are about at more length (a meeting's figures, its reflection questions). */
  sections?: { title: Text; lines: Text[] }[];
  /** A document to open beside the questions (a report's draft), per language. */
  link?: { title: Text; url: Text };
}
