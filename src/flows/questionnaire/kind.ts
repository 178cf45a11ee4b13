// What the questionnaire engine needs to know of a subject (a session's evaluation, a survey
// round; later a LEF day, a recovery plan, a report): how its questionnaire looks in each state,
// how an answer is validated and kept, and what follows a change. Everything else — assignments,
// prompts, reminders, the close, authorisation, double submits — is the engine's.
import type { BotMessage } from '../../channels/channel.ts';
import type { UserErrorCode } from '../../errors.ts';
import type { Answers } from '../../questionnaires/answers.ts';
import type { Text } from '../../questionnaires/types.ts';
import type { AnyAssignment } from '../../store/assignments.ts';
import type { ContractView, Core } from '../core.ts';

export type QuestionnaireState = 'open' | 'answered' | 'closed';

export interface MessageOptions {
  state?: QuestionnaireState;
  reminder?: number;
  answers?: Answers;
  /** What the caller has read already, so that it is not read again. */
  view?: ContractView;
  /** What the kind's own `store` read (e.g. the session), handed back so that it is not read again. */
  context?: unknown;
}

export interface StoreResult {
  /** False when the same answers were the latest already (a double submit). */
  changed: boolean;
  /** The answers to show in the summary. */
  answers: Answers;
  context?: unknown;
}

export interface SubjectKind<A extends AnyAssignment> {
  /** The questionnaire as a message in a state (default: the assignment's own). */
  message(core: Core, assignment: A, options?: MessageOptions): Promise<BotMessage>;
  /** Validates (UserError 'invalid' with per-field texts) and keeps a version of the answers. */
  store(core: Core, assignment: A, raw: unknown, now: number, view: ContractView): Promise<StoreResult>;
  /** After a changed answer: the scorecard, results. Off the person's wait where it can be. */
  afterChange(core: Core, assignment: A, view: ContractView): Promise<void>;
  /** What the person is told when the window is closed or not open yet. */
  errors: { closed: UserErrorCode; notOpen: UserErrorCode };
  /** What was asked, for a notice ("de evaluatie van sessie ses1"): when nobody can reach the respondent. */
  describe(assignment: A): Text;
  /** Who else hears of an unreachable respondent (a session's relationship manager). */
  owner?(core: Core, assignment: A): Promise<string | undefined>;
}
