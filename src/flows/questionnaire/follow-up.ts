// What follows an answer, as an outbox job off the person's wait: the answer kept again (the same
// key, so nothing new unless the acknowledgement's write was lost), the assignment marked
// answered, the subject's follow-up (the scorecard, a registration, results), and every message
// sent showing the questionnaire's new state.
import { createHash } from 'node:crypto';
import type { BotMessage } from '../../channels/channel.ts';
import type { AnyAssignment, Stored } from '../../store/assignments.ts';
import type { Core } from '../core.ts';
import { loadAssignment, refreshMessages, updateAssignment } from './engine.ts';
import type { Answered } from './kind.ts';
import { kindOf } from './kinds.ts';

/** The outbox job of an answer, or of a change to what a questionnaire shows. */
export interface RefreshPayload {
  assignment: string;
  /** The answer as it arrived: kept again (to the same key), then followed up. */
  answered?: Answered;
  /** Items queued before answers came along (a follow-up without them). */
  changed?: boolean;
}

/**
 * The outbox job after an answer: the answer kept (again: the same key, so nothing new unless the
 * acknowledgement's write was lost), the assignment marked answered, the subject's follow-up, and
 * every message sent shows the questionnaire's new state, unless it shows it already (two submits
 * a moment apart update a card once).
 */
export async function refreshQuestionnaireMessages(core: Core, payload: RefreshPayload): Promise<void> {
  let stored = await loadAssignment(core, payload.assignment);
  if (!stored) return;
  const kind = kindOf(stored.assignment);
  const view = await core.contractView();
  if (payload.answered) {
    await kind.keep(core, stored.assignment, payload.answered, view);
    stored = await markAnswered(core, stored, payload.answered.receivedAt);
  }
  if (payload.answered || payload.changed) {
    await kind.afterChange(core, stored.assignment, view, payload.answered);
    // The follow-up may have changed the assignment itself (a review closes on its decision).
    stored = (await loadAssignment(core, payload.assignment)) ?? stored;
  }
  if (!stored.assignment.messages?.length) return;
  const message = await kind.message(core, stored.assignment, { view });
  const shown = digestOf(message);
  if (stored.assignment.shown === shown) return;
  await refreshMessages(core, stored.assignment, message);
  await updateAssignment(core, stored, (a) => ({ ...a, shown }));
}

async function markAnswered(
  core: Core,
  stored: Stored<AnyAssignment>,
  answeredAt: number,
): Promise<Stored<AnyAssignment>> {
  if (stored.assignment.status !== 'open') return stored;
  return updateAssignment(core, stored, (a) =>
    a.status === 'open' ? { ...a, status: 'answered', answeredAt } : a,
  );
}

function digestOf(message: BotMessage): string {
  return createHash('sha256').update(JSON.stringify(message)).digest('hex').slice(0, 16);
}
