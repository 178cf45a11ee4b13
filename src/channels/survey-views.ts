// What a channel renders for the periodic satisfaction survey: the questionnaire of one respondent
// (its question set travels with it, as the framework's data) and a round's results.
import type { AnswerLevel } from '../domain/frameworks/schema.ts';
import type { Answers } from '../questionnaires/answers.ts';
import type { QuestionSet, Text } from '../questionnaires/types.ts';

export interface SurveyMessage {
  kind: 'survey';
  assignmentId: string;
  side: 'client' | 'supplier';
  set: QuestionSet;
  supplierName: string;
  /** The period asked about (`2026-H2`), formatted by the renderer. */
  period: string;
  /** First and last open day (inclusive), in the contract's zone. */
  opensOn: string;
  closesOn: string;
  timeZone: string;
  state: 'open' | 'answered' | 'closed';
  answers?: Answers;
  /** The number of this reminder, when it is one. */
  reminder?: number;
}

export interface SurveyResultQuestion {
  id: string;
  label: Text;
  /** Each side's score (the lower median of its answers); absent when that side gave none. */
  client?: AnswerLevel;
  supplier?: AnswerLevel;
  /** The two sides differ two levels or more. */
  gap: boolean;
}

export interface SurveyResultsMessage {
  kind: 'survey-results';
  roundId: string;
  supplierName: string;
  period: string;
  closesOn: string;
  timeZone: string;
  /** Whether the round has closed (else it was judged early: every client-side respondent answered). */
  closed: boolean;
  questions: SurveyResultQuestion[];
  answered: { client: number; supplier: number };
  asked: { client: number; supplier: number };
  /** The minimum of the contract year, and whether every client-side score reaches it. */
  norm: AnswerLevel;
  meetsNorm: boolean;
  /** Only in the contract manager's copy (and nobody else's): every respondent's latest answers. */
  individual?: {
    name: string;
    side: 'client' | 'supplier';
    answers: Partial<Record<string, AnswerLevel>>;
    remarks: Record<string, string>;
  }[];
}
