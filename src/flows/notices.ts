// A notice to one person, through the outbox: told once (the item's id is the notice's own key),
// off the wait of whoever caused it, and retried like any delivery when their channel fails.
import type { Text } from '../questionnaires/types.ts';
import type { Core } from './core.ts';

export const NOTICE_JOBS = { notice: 'person-notice' } as const;

export interface NoticePayload {
  person: string;
  text: Text;
  tone?: 'good' | 'warning';
}

/** Queues a notice for each person; `key` names it, so the same notice is queued once per person. */
export async function tell(
  core: Core,
  people: string[],
  text: Text,
  key: string,
  tone?: NoticePayload['tone'],
): Promise<void> {
  const now = core.clock.now();
  await core.outbox.enqueue(
    [...new Set(people)].map((person) => ({
      id: `${NOTICE_JOBS.notice}|${key}|${person}`,
      kind: NOTICE_JOBS.notice,
      payload: { person, text, ...(tone ? { tone } : {}) } satisfies NoticePayload,
      dueAt: now,
    })),
  );
}

/** The outbox job: the notice sent in the person's channel (nobody reachable: nothing to retry). */
export async function sendNotice(core: Core, payload: NoticePayload, itemId: string): Promise<void> {
  await core.sendTo(
    payload.person,
    { kind: 'notice', text: payload.text, ...(payload.tone ? { tone: payload.tone } : {}) },
    itemId,
  );
}
