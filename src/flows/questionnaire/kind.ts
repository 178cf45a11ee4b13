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
  /** What the kind's own `keep` read (e.g. the session), handed back so that it is not read again. */
  context?: unknown;
}

/** An answer as it arrived: what the follow-up of a submit is given. */
export interface Answered {
  answers: Answers;
  /** The moment it was received (ms), which is also its version's key. */
  receivedAt: number;
}

export interface SubjectKind<A extends AnyAssignment> {
  /** The questionnaire as a message in a state (default: the assignment's own). */
  message(core: Core, assignment: A, options?: MessageOptions): Promise<BotMessage>;
  /**
   * Checks on the acknowledgement's path that need a read: a subject that a decision closes before
   * its window does (a recovery plan accepted) refuses an answer after it (UserError). Optional.
   */
  admit?(core: Core, assignment: A, view: ContractView): Promise<void>;
  /** Validates the answers (UserError 'invalid' with per-field texts); reads nothing. */
  parse(assignment: A, raw: unknown, view: ContractView): Answers;
  /**
   * Checks valid answers against what is stored, on the acknowledgement's path (a person's details
   * against every record that names them): UserError 'invalid' with per-field texts. Optional.
   */
  check?(core: Core, assignment: A, answers: Answers, view: ContractView): Promise<void>;
  /**
   * Keeps a version of valid answers, on the acknowledgement's path: one write, insert-if-absent and
   * keyed by `receivedAt`, so that the follow-up can run it again to the same effect.
   */
  keep(core: Core, assignment: A, answered: Answered, view: ContractView): Promise<void>;
  /** What the reply to an answer needs read (a session), read beside the write: `context` of `message`. */
  replyContext?(core: Core, assignment: A): Promise<unknown>;
  /** Whether the person has answered already (an imported answer counts): no reminder then. */
  hasAnswer(core: Core, assignment: A): Promise<boolean>;
  /** After an answer, off the person's wait: the scorecard, a registration, results. */
  afterChange(core: Core, assignment: A, view: ContractView, answered?: Answered): Promise<void>;
  /** What the person is told when the window is closed or not open yet. */
  errors: { closed: UserErrorCode; notOpen: UserErrorCode };
  /** What was asked, for a notice ("de evaluatie van sessie ses1"): when nobody can reach the respondent. */
  describe(assignment: A): Text;
  /** Who else hears of an unreachable respondent (a session's relationship manager). */
  owner?(core: Core, assignment: A): Promise<string | undefined>;
}
