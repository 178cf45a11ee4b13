// The one HTTP server, over real HTTP: health, and sessions from LEF's planning system.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';

const KEY = 'planning-key-0123456789';
let bot: Bot;
// Before the planned session below: its evaluation window is open whatever today's date is.
const clock = new ManualClock(Date.parse('2026-11-20T10:00:00+01:00'));

beforeAll(async () => {
  bot = await startBot({
    config: loadConfig({ PORT: '0', API_KEY: KEY }),
    clock,
    inMemory: true,
    workerIntervalMs: 60_000,
    log: () => {},
  });
});
afterAll(async () => {
  await bot?.close();
});

async function call(
  path: string,
  init: { method?: string; body?: unknown; key?: string; lang?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.lang) headers['accept-language'] = init.lang;
  const response = await fetch(new URL(path, bot.url), {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body:
      typeof init.body === 'string'
        ? init.body
        : init.body === undefined
          ? undefined
          : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const session = {
  id: 'planning-001',
  supplier: 'pco',
  start: '2026-12-01T09:00:00+01:00',
  end: '2026-12-01T12:00:00+01:00',
  facilitators: ['pieter'],
  relationshipManager: 'eva',
  internalClient: 'yara',
};

describe('POST /api/sessions', () => {
  it('asks which contract when the bot serves several, and takes nothing meanwhile', async () => {
    for (const path of ['/api/sessions', '/api/sessions?contract=lef-2026&contract=voorschoten-2026'])
      expect(await call(path, { body: session, key: KEY })).toMatchObject({
        status: 400,
        body: {
          errors: [
            'Deze bot werkt voor meer dan één contract: noem het contract met ?contract= (lef-2026, voorschoten-2026).',
          ],
        },
      });
    expect(await call('/api/sessions?contract=nergens-2026', { body: session, key: KEY })).toMatchObject({
      status: 404,
      body: { error: expect.stringContaining('Contract "nergens-2026" ken ik niet') },
    });
    const exported = await bot.store.records.exportRecords('lef-2026');
    expect(exported.sessions.some((s) => s.id === session.id)).toBe(false);
  });

  it('answers 401 without the key or with a wrong one, and stores nothing', async () => {
    expect(await call('/api/sessions?contract=lef-2026', { body: session })).toMatchObject({
      status: 401,
      body: { error: 'API-sleutel ontbreekt of klopt niet.' },
    });
    expect(
      (
        await call('/api/sessions?contract=lef-2026', {
          body: session,
          key: 'wrong-key-0123456789x',
          lang: 'en',
        })
      ).body,
    ).toEqual({ error: 'Missing or wrong API key.' });
    const exported = await bot.store.records.exportRecords('lef-2026');
    expect(exported.sessions.some((s) => s.id === session.id)).toBe(false);
  });

  it('answers 400 naming every wrong field, and stores nothing', async () => {
    const bad = { ...session, end: 'morgen', facilitators: ['lieke', 'fenna'], extra: 1 };
    const answer = await call('/api/sessions?contract=lef-2026', { body: bad, key: KEY, lang: 'en' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      'end: expected an ISO date-time with an offset (2026-04-20T12:00:00+02:00)',
      'extra: unknown field',
    ]);
    const refs = await call('/api/sessions?contract=lef-2026', {
      body: { ...session, facilitators: ['fenna'], internalClient: 'eva' },
      key: KEY,
    });
    expect(refs).toMatchObject({ status: 400 });
    expect(refs.body.errors).toEqual([
      'facilitators[0]: "fenna" hoort niet bij leverancier "pco"',
      'internalClient: "eva" heeft niet de rol internalClient',
    ]);
    expect(await call('/api/sessions?contract=lef-2026', { body: '{"id": ', key: KEY })).toMatchObject({
      status: 400,
      body: { errors: ['De body is geen geldige JSON.'] },
    });
    const exported = await bot.store.records.exportRecords('lef-2026');
    expect(exported.sessions.some((s) => s.id === session.id)).toBe(false);
  });

  it('creates a session once, schedules its evaluation, and changes nothing when it is sent again', async () => {
    expect(await call('/api/sessions?contract=lef-2026', { body: session, key: KEY })).toMatchObject({
      status: 201,
      body: { id: 'planning-001', outcome: 'created' },
    });
    expect(await call('/api/sessions?contract=lef-2026', { body: session, key: KEY })).toMatchObject({
      status: 200,
      body: { outcome: 'unchanged' },
    });
    const exported = await bot.store.records.exportRecords('lef-2026');
    expect(exported.sessions.filter((s) => s.id === session.id)).toEqual([session]);
    const pending = await bot.core.outbox.pending();
    expect(
      pending.filter(
        (i) => i.kind === 'open-evaluation' && (i.payload as { session: string }).session === session.id,
      ),
    ).toHaveLength(1);
    // Moved an hour later: updated in place, its evaluation now opens at the new end.
    const later = { ...session, start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T13:00:00+01:00' };
    expect(await call('/api/sessions?contract=lef-2026', { body: later, key: KEY })).toMatchObject({
      status: 200,
      body: { outcome: 'updated' },
    });
    const after = await bot.store.records.exportRecords('lef-2026');
    expect(after.sessions.filter((s) => s.id === session.id)).toEqual([later]);
    // The item for the old end opens nothing, even when it comes due: no questionnaire before the session ends.
    const { openEvaluation } = await import('../../src/flows/evaluations.ts');
    const old = (await bot.core.outbox.pending()).find(
      (i) => i.kind === 'open-evaluation' && (i.payload as { end: string }).end === session.end,
    );
    if (!old) throw new Error('setup');
    await openEvaluation(bot.core, old.payload as { session: string; partition: string; end: string });
    expect(await bot.core.assignments.forSession('lef-2026', session.id)).toEqual([]);
  });
});

describe('GET /healthz', () => {
  it('answers 200 while the store answers and 503 once it does not', async () => {
    expect(await call('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    await bot.store.azurite?.stop();
    expect(await call('/healthz')).toEqual({ status: 503, body: { status: 'store unavailable' } });
  });
});
