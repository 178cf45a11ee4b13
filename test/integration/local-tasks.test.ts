// The tasks card's "Openen" and the evaluation card's "Annuleren" on the local page: both answer
// with the questionnaire as it stands, and the conversation keeps what the card now shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, MINUTE } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { assignmentId } from '../../src/store/assignments.ts';

const START = Date.parse('2026-11-16T15:00:00+01:00');
const FENNA = assignmentId({ session: 'demo-2026-11-16', role: 'facilitator', person: 'fenna' });

let bot: Bot;
const clock = new ManualClock(START);

beforeAll(async () => {
  bot = await startBot({
    config: loadConfig({ PORT: '0' }),
    clock,
    inMemory: true,
    startWorker: false,
    log: () => {},
  });
  clock.advance(2 * MINUTE); // the demo session has ended: Fenna's questionnaire goes to the local page
  await bot.worker.runOnce();
});
afterAll(async () => bot?.close());

async function call(
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL(path, bot.url), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const text = (card: unknown) => JSON.stringify(card) ?? '';

describe('the local page, Openen and Annuleren', () => {
  it('answers Openen on the tasks card with the questionnaire, and shows it in the conversation', async () => {
    expect((await call('/local/api/command', { person: 'fenna', text: 'taken' })).status).toBe(200);
    const messages = (await call('/local/api/conversation?person=fenna')).body.messages as {
      id: string;
      card?: unknown;
    }[];
    const list = messages.find((m) => text(m.card).includes('"verb":"open"'));
    if (!list) throw new Error('no tasks card in the conversation');
    const opened = await call('/local/api/action', {
      person: 'fenna',
      verb: 'open',
      messageId: list.id,
      assignmentId: FENNA,
    });
    expect(opened.body).toMatchObject({ ok: true });
    expect(opened.status).toBe(200);
    expect(text(opened.body.card)).toContain('Evaluatie LEF-sessie — facilitator');
    expect(text(opened.body.card)).toContain('"id":"lefExplanation"');
    const after = (await call('/local/api/conversation?person=fenna')).body.messages as { id: string }[];
    expect(text(after.find((m) => m.id === list.id))).toContain('lefExplanation');

    const cancelled = await call('/local/api/action', {
      person: 'fenna',
      verb: 'cancel',
      messageId: list.id,
      assignmentId: FENNA,
    });
    expect(cancelled.status).toBe(200);
    expect(text(cancelled.body.card)).toContain('Evaluatie LEF-sessie — facilitator');
  });
});
