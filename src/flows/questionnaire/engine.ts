import type { BotMessage } from '../../channels/channel.ts';
import { isClosedAt } from '../../domain/windows.ts';
import { UserError } from '../../errors.ts';
import type { Lang } from '../../i18n.ts';
import { type AnyAssignment, assignmentId, parseAssignmentId, type Stored } from '../../store/assignments.ts';
import { StoreError } from '../../store/errors.ts';
import { t } from '../../texts/index.ts';
import { runPooled } from '../../util/pool.ts';
import type { Core } from '../core.ts';
import { kindOf } from './kinds.ts';

/** Outbox item kinds of the engine (the names predate surveys, so that queued items still run). */
export const QUESTIONNAIRE_JOBS = {
  prompt: 'prompt',
  remind: 'remind',
  /** Shows the questionnaire's sent messages in its current state (after an answer): off the ack path. */
  refresh: 'refresh-messages',
} as const;

export async function loadAssignment(core: Core, id: string): Promise<Stored<AnyAssignment> | undefined> {
  const ref = parseAssignmentId(id);
  return ref ? core.assignments.find(core.contract, ref) : undefined;
}

/**
 * Creates the assignments (insert-if-absent) and, for those not answered yet, the prompt now and a
 * reminder at each moment before the close.
 */
export async function assign(
  core: Core,
  assignments: { assignment: AnyAssignment; answered: boolean }[],
  reminders: number[],
): Promise<void> {
  // A few at once: a round of a thousand respondents is written in a fraction of the time.
  await runPooled(16, assignments, async ({ assignment, answered }) => {
    await core.assignments.create(answered ? { ...assignment, status: 'answered' } : assignment);
  });
  const items = [];
  for (const { assignment, answered } of assignments) {
    if (answered) continue;
    const id = assignmentId(assignment);
    items.push({
      id: `${QUESTIONNAIRE_JOBS.prompt}|${id}`,
      kind: QUESTIONNAIRE_JOBS.prompt,
      payload: { assignment: id },
      dueAt: core.clock.now(),
    });
    reminders.forEach((dueAt, index) => {
      if (dueAt < assignment.closesAt && dueAt > assignment.opensAt) {
        items.push({
          id: `${QUESTIONNAIRE_JOBS.remind}|${id}|${index + 1}`,
          kind: QUESTIONNAIRE_JOBS.remind,
          payload: { assignment: id, number: index + 1 },
          dueAt,
        });
      }
    });
  }
  await core.outbox.enqueue(items);
}

/** Sends the questionnaire (or a reminder); a person no channel reaches is reported in the alert channel. */
export async function deliverPrompt(
  core: Core,
  payload: { assignment: string; number?: number },
  itemId: string,
): Promise<void> {
  const stored = await loadAssignment(core, payload.assignment);
  if (stored?.assignment.status !== 'open') return; // answered or closed meanwhile: nothing to send
  if (isClosedAt(core.clock.now(), stored.assignment.closesAt)) return;
  const kind = kindOf(stored.assignment);
  // An answer whose follow-up has not marked the assignment yet (or an imported one) counts too.
  if (await kind.hasAnswer(core, stored.assignment)) return;
  const message = await kind.message(core, stored.assignment, { reminder: payload.number });
  const sent = await core.sendTo(stored.assignment.person, message, itemId);
  if (!sent) {
    await reportUnreachable(core, stored.assignment, itemId);
    return;
  }
  await rememberMessage(core, stored, sent);
}

/**
 * A person no channel reaches is reported in the alert channel (and to whom the subject names, such
 * as a session's relationship manager), so that someone can ask them another way.
 */
async function reportUnreachable(core: Core, assignment: AnyAssignment, itemId: string): Promise<void> {
  const view = await core.contractView();
  const name = view.people.get(assignment.person)?.name ?? assignment.person;
  const what = kindOf(assignment).describe(assignment);
  // Every channel failed; where Slack is one of them, the person is described in Slack's words.
  const channel = core.channels.some((c) => c.id === 'slack') ? 'slack' : 'other';
  const text = (lang: Lang) =>
    t(lang, 'questionnaire.unreachable', {
      channel,
      name,
      what: what[lang],
      slackReason: t(lang, 'slack.unreachable'),
    });
  const notice: BotMessage = { kind: 'notice', tone: 'warning', text: { nl: text('nl'), en: text('en') } };
  await core.postAlert(notice, `unreachable|${itemId}`);
  const owner = await kindOf(assignment).owner?.(core, assignment);
  if (owner && owner !== assignment.person) await core.sendTo(owner, notice, `unreachable|rm|${itemId}`);
}

/**
 * A person who becomes reachable (installs the app, writes to the bot) gets the questionnaires that
 * are still open for them and never reached them, through the outbox (once: the item id is fixed).
 */
export async function deliverPendingPrompts(core: Core, person: string): Promise<number> {
  const now = core.clock.now();
  const pending = (await core.assignments.openFor(core.contract, person)).filter(
    (stored) =>
      (stored.assignment.messages ?? []).length === 0 && !isClosedAt(now, stored.assignment.closesAt),
  );
  return core.outbox.enqueue(
    pending.map((stored) => {
      const id = assignmentId(stored.assignment);
      return {
        id: `${QUESTIONNAIRE_JOBS.prompt}|late|${id}`,
        kind: QUESTIONNAIRE_JOBS.prompt,
        payload: { assignment: id },
        dueAt: now,
      };
    }),
  );
}

/** Keeps where a questionnaire was sent, so that it can be updated after an answer or at the close. */
async function rememberMessage(
  core: Core,
  stored: Stored<AnyAssignment>,
  sent: { channel: string; ref: string },
): Promise<void> {
  await updateAssignment(core, stored, (a) =>
    (a.messages ?? []).some((m) => m.channel === sent.channel && m.ref === sent.ref)
      ? a
      : { ...a, messages: [...(a.messages ?? []), sent] },
  );
}

/** Writes `change` of the assignment, read again and retried when someone changed it in between. */
export async function updateAssignment(
  core: Core,
  stored: Stored<AnyAssignment>,
  change: (a: AnyAssignment) => AnyAssignment,
): Promise<Stored<AnyAssignment>> {
  let current: Stored<AnyAssignment> | undefined = stored;
  for (let attempt = 0; attempt < 4 && current; attempt++) {
    const next = change(current.assignment);
    if (next === current.assignment) return current;
    try {
      await core.assignments.replace(current, next);
      return { ...current, assignment: next };
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'conflict') throw error;
      current = await loadAssignment(core, assignmentId(current.assignment));
    }
  }
  throw new StoreError(
    'conflict',
    `assignment ${assignmentId(stored.assignment)}: changed by others every time`,
  );
}

/** Shows every message of an assignment in its new state (answered, closed). */
export async function refreshMessages(
  core: Core,
  assignment: AnyAssignment,
  message: BotMessage,
): Promise<void> {
  for (const sent of assignment.messages ?? []) {
    const channel = core.channels.find((c) => c.id === sent.channel);
    await channel?.update({ person: assignment.person }, sent.ref, message);
  }
}

/** Closes the open assignments of a subject; their questionnaires show it. Returns how many closed. */
export async function closeAssignments(core: Core, assignments: Stored<AnyAssignment>[]): Promise<number> {
  let closed = 0;
  for (const stored of assignments) {
    if (stored.assignment.status !== 'open') continue;
    const next: AnyAssignment = { ...stored.assignment, status: 'closed' };
    await core.assignments.replace(stored, next);
    closed += 1;
    await refreshMessages(core, next, await kindOf(next).message(core, next, { state: 'closed' }));
  }
  return closed;
}

/** The questionnaire again, filled in with the person's answers, while the window is open. */
export async function editAnswers(core: Core, person: string, id: string): Promise<BotMessage> {
  const stored = await loadAssignment(core, id);
  if (!stored) throw new UserError('unknown-assignment');
  if (stored.assignment.person !== person) throw new UserError('not-yours');
  const kind = kindOf(stored.assignment);
  if (isClosedAt(core.clock.now(), stored.assignment.closesAt) || stored.assignment.status === 'closed') {
    throw new UserError(kind.errors.closed);
  }
  return kind.message(core, stored.assignment, { state: 'open' });
}

/** The questionnaire as it stands now (open, answered or closed), for its addressee only. */
export async function currentQuestionnaire(core: Core, person: string, id: string): Promise<BotMessage> {
  const stored = await loadAssignment(core, id);
  if (!stored) throw new UserError('unknown-assignment');
  if (stored.assignment.person !== person) throw new UserError('not-yours');
  const closed = isClosedAt(core.clock.now(), stored.assignment.closesAt);
  return kindOf(stored.assignment).message(core, stored.assignment, closed ? { state: 'closed' } : {});
}
