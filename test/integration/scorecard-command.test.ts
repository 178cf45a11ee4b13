// `/scorecard` over real HTTP through the local channel: periods that are not a period or fall outside
// the contract are named as such (never a 500), and a supplier's contact learns nothing about other
// suppliers, whatever they type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';

// The demo contract starts 2026-01-01, half-yearly; its suppliers are Facilitators BV (Sanne is its
// contact) and Procesbegeleiding & Co.
const NOW = Date.parse('2026-11-16T15:00:00+01:00');
let bot: Bot;
const logs: string[] = [];

beforeAll(async () => {
  bot = await startBot({
    config: loadConfig({ PORT: '0' }),
    clock: new ManualClock(NOW),
    inMemory: true,
    startWorker: false,
    log: (line) => logs.push(line),
  });
});
afterAll(async () => {
  await bot?.close();
});

/** Types a command as `person`: the status and the text of every reply card. */
async function say(person: string, text: string, lang = 'nl') {
  const response = await fetch(new URL(`local/api/command?lang=${lang}`, bot.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ person, text }),
  });
  const body = (await response.json()) as { replies?: unknown[] };
  return { status: response.status, replies: (body.replies ?? []).map((r) => JSON.stringify(r)) };
}

describe('/scorecard with a period', () => {
  it('names a period outside the contract as such, in Dutch and English, never a 500, and answers those inside', async () => {
    for (const period of ['9999-H1', '9999-H2', '2025-H2', '2027-H1', '2027-Q1', '0001-H1']) {
      const answer = await say('carla', `/scorecard ${period}`);
      expect(answer.status).toBe(200);
      expect(answer.replies).toHaveLength(1);
      expect(answer.replies[0]).toContain(`Periode ${period} valt buiten het contract`);
    }
    const english = await say('carla', '/scorecard Facilitators 9999-H1', 'en');
    expect(english.replies[0]).toContain('Period 9999-H1 is outside the contract');
    expect(logs.filter((l) => l.includes('/local/api/command'))).toEqual([]);
    // The periods from the contract's start up to the current one, in any spelling, are answered.
    for (const [typed, id] of [
      ['2026-H1', '1e halfjaar 2026'],
      ['2026h2', '2e halfjaar 2026'],
      ['2026-Q3', '3e kwartaal 2026'],
    ]) {
      const answer = await say('carla', `/scorecard Procesbegeleiding ${typed}`);
      expect(answer.replies).toEqual([expect.stringContaining(`Scorecard Procesbegeleiding & Co — ${id}`)]);
    }
  });

  it('says that something shaped like a period is not one, instead of looking for a supplier by that name', async () => {
    for (const typed of ['2026-H3', '2026-Q5', '2026h0', '2026-H']) {
      const answer = await say('carla', `/scorecard ${typed}`);
      expect(answer.status).toBe(200);
      expect(answer.replies).toEqual([expect.stringContaining(`\\"${typed}\\" is geen periode`)]);
    }
    expect((await say('carla', '/scorecard 2026-H3', 'en')).replies[0]).toContain(
      '\\"2026-H3\\" is not a period',
    );
  });
});

describe("/scorecard and other suppliers' names", () => {
  it("tells a supplier's contact nothing about other suppliers, whatever they type", async () => {
    const unknown = await say('sanne', '/scorecard zzz');
    const other = await say('sanne', '/scorecard Procesbegeleiding');
    for (const answer of [unknown, other]) {
      expect(answer.status).toBe(200);
      expect(answer.replies).toHaveLength(1);
      expect(answer.replies[0]).not.toContain('Procesbegeleiding & Co');
      expect(answer.replies[0]).not.toMatch(/pco/i);
      expect(answer.replies[0]).toContain('je kunt kiezen uit: Facilitators BV');
    }
    // An existing other supplier gets the same answer as one that does not exist.
    expect(other.replies[0]?.replace('Procesbegeleiding', 'zzz')).toBe(unknown.replies[0]);
    // Their own supplier still works.
    expect((await say('sanne', '/scorecard Facilitators')).replies).toEqual([
      expect.stringContaining('Scorecard Facilitators BV'),
    ]);
  });

  it('lists the suppliers for client-side roles', async () => {
    const answer = await say('carla', '/scorecard zzz');
    expect(answer.replies[0]).toContain('je kunt kiezen uit: Facilitators BV, Procesbegeleiding & Co');
    expect((await say('carla', '/scorecard zzz', 'en')).replies[0]).toContain(
      'you can choose from: Facilitators BV, Procesbegeleiding & Co',
    );
  });
});
