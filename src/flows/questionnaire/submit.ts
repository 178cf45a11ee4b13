// An answer to a questionnaire, on the person's wait: who may answer and when, from the facts
// that never change (no read when warm), the answers validated, then one round trip of writes.
import type { BotMessage } from '../../channels/channel.ts';
import { isClosedAt } from '../../domain/windows.ts';
import { UserError } from '../../errors.ts';
import { type AnyAssignment, parseAssignmentId } from '../../store/assignments.ts';
import type { ContractView, Core } from '../core.ts';
import { QUESTIONNAIRE_JOBS } from './engine.ts';
import type { RefreshPayload } from './follow-up.ts';
import type { Answered } from './kind.ts';
import { kindOf } from './kinds.ts';

export interface SubmitResult {
  /** The questionnaire as answered, with these answers: the reply on the person's screen. */
  message: BotMessage;
}

/**
 * A person's answers to an assignment: authorised (only the addressee), inside the window,
 * validated, then kept; returns the questionnaire as answered, for the reply. Throws UserError for
 * everything the person can fix or should know.
 */
export async function submitAnswers(
  core: Core,
  person: string,
  id: string,
  raw: unknown,
): Promise<SubmitResult> {
  const accepted = await accept(core, person, id, raw);
  const { assignment, kind, answered, view } = accepted;
  // What the reply needs (the session) is read beside the writes: one round trip in all.
  const [context] = await Promise.all([kind.replyContext?.(core, assignment), keep(core, accepted)]);
  const message = await kind.message(
    core,
    { ...assignment, status: 'answered' },
    { state: 'answered', answers: answered.answers, view, context },
  );
  return { message };
}

/** The same, where the reply is no questionnaire (Slack closes the modal): the writes only. */
export async function keepAnswers(core: Core, person: string, id: string, raw: unknown): Promise<void> {
  await keep(core, await accept(core, person, id, raw));
}

interface Accepted {
  id: string;
  assignment: AnyAssignment;
  kind: ReturnType<typeof kindOf>;
  answered: Answered;
  view: ContractView;
}

/** Who may answer, when, and whether the answers are valid: from what is known, no read when warm. */
async function accept(core: Core, person: string, id: string, raw: unknown): Promise<Accepted> {
  const ref = parseAssignmentId(id);
  // The facts that never change (addressee, window), remembered: no read when they are known.
  const assignment = ref ? await core.assignments.facts(core.contract, ref) : undefined;
  if (!assignment) throw new UserError('unknown-assignment');
  if (assignment.person !== person) throw new UserError('not-yours');
  const kind = kindOf(assignment);
  const now = core.clock.now();
  if (now < assignment.opensAt) throw new UserError(kind.errors.notOpen);
  // Only the close marks an assignment closed, at `closesAt`: the window says it without a read.
  if (isClosedAt(now, assignment.closesAt) || assignment.status === 'closed')
    throw new UserError(kind.errors.closed);
  const view = await core.contractView();
  await kind.admit?.(core, assignment, view);
  const answers = kind.parse(assignment, raw, view);
  await kind.check?.(core, assignment, answers, view);
  return { id, assignment, kind, view, answered: { answers, receivedAt: now } };
}

/**
 * One round trip of writes, side by side: the answer's version and the item that follows it up
 * (marking the assignment, the scorecard, the messages sent), each insert-if-absent, and the item
 * able to write the version again. A repeat of the same answers is dropped when read.
 */
async function keep(core: Core, { id, assignment, kind, answered, view }: Accepted): Promise<void> {
  const followUp = {
    id: `${QUESTIONNAIRE_JOBS.refresh}|${id}|${answered.receivedAt}`,
    kind: QUESTIONNAIRE_JOBS.refresh,
    payload: { assignment: id, answered } satisfies RefreshPayload,
    dueAt: answered.receivedAt,
  };
  const [version, item] = await Promise.allSettled([
    kind.keep(core, assignment, answered, view),
    core.outbox.enqueue([followUp]),
  ]);
  // The follow-up holds the answers and writes the version itself: once it is stored, the answer is.
  if (item.status === 'fulfilled') return;
  // The version stored but not its follow-up: once more, so that the answer is not left without it.
  if (version.status === 'fulfilled') {
    await core.outbox.enqueue([followUp]);
    return;
  }
  throw version.reason;
}
