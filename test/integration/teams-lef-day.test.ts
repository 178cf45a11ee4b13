// A LEF day on Teams, end to end: real Bot Framework activities to /api/messages, the connector
// stand-in recording what the bot sends. Lotte plans it by command; on the day her attendance card
// (an Adaptive Card with a choice per expected facilitator) is answered with Action.Execute; a
// missing choice comes back at its question, and the card's owner is the only one who can use it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import { ConnectorStandIn } from '../support/connector.ts';
import { execute, install, message, post, type TeamsUser, teamsUser } from '../support/teams.ts';

const clock = new ManualClock(Date.parse('2026-11-20T10:00:00+01:00'));
let bot: Bot;
let connector: ConnectorStandIn;
const users: Record<string, TeamsUser> = {};
const user = (name: string) => users[name] as TeamsUser;
const text = (value: unknown) => JSON.stringify(value);
const card = (lotte: string) =>
  assignmentId({ kind: 'lefday', day: 'lefdag-2026-12-10', role: 'attendance', person: lotte } as never);

beforeAll(async () => {
  connector = await new ConnectorStandIn().start();
  bot = await startBot({
    config: loadConfig({ PORT: '0', LOCAL_CHANNEL: 'off' }),
    clock,
    inMemory: true,
    startWorker: false,
    log: () => {},
    teams: { sleep: async (ms) => clock.advance(ms) },
  });
  users.lotte = teamsUser(connector, 'Lotte de Graaf', 'lotte.degraaf@rws.nl');
  users.fenna = teamsUser(connector, 'Fenna de Vries', 'fenna@facilitatorsbv.nl');
  for (const name of ['lotte', 'fenna']) await post(bot.url, install(connector, user(name)));
});
afterAll(async () => {
  await bot?.close();
  await connector?.stop();
});

describe('a LEF day on Teams', () => {
  it("plans the day, and takes the LEF team's attendance card on the day, with errors at the question", async () => {
    await post(bot.url, message(connector, user('lotte'), 'lefdag 2026-12-10'));
    expect(text(connector.sentTo(user('lotte').personal).at(-1)?.card)).toContain(
      'LEF-dag gepland op 10 december 2026',
    );
    await bot.worker.runOnce();
    expect(
      connector.sentTo(user('fenna').personal).some((s) => text(s.card).includes('Uitnodiging LEF-dag')),
    ).toBe(true);

    clock.set(Date.parse('2026-12-10T08:00:00+01:00'));
    await bot.worker.runOnce();
    const sent = connector
      .sentTo(user('lotte').personal)
      .find((s) => text(s.card).includes('Aanwezigheid LEF-dag'));
    const choices = text(sent?.card).match(/"type":"Input.ChoiceSet"/g) ?? [];
    expect(choices).toHaveLength(6); // every facilitator onboarded before the day, of both suppliers

    const all = { p0: 'present', p1: 'present', p2: 'present', p3: 'absent', p4: 'present', p5: 'present' };
    const { p5: _left, ...missing } = all;
    const incomplete = await post(
      bot.url,
      execute(connector, user('lotte'), 'submit', { assignmentId: card('lotte'), ...missing }),
    );
    expect(incomplete.status).toBe(200);
    expect(text(incomplete.body)).toContain('Kies een van de antwoorden.');
    // Fenna cannot use Lotte's card.
    const foreign = await post(
      bot.url,
      execute(connector, user('fenna'), 'submit', { assignmentId: card('lotte'), ...all }),
    );
    expect(text(foreign.body)).toContain('Deze vragenlijst is voor iemand anders');
    const done = await post(
      bot.url,
      execute(connector, user('lotte'), 'submit', { assignmentId: card('lotte'), ...all }),
    );
    expect(text(done.body)).toContain('Geregistreerd; wijzigen kan nog.');
    await bot.worker.runOnce();
    const day = (await bot.store.records.exportRecords('lef-2026')).lefDays.find(
      (d) => d.id === 'lefdag-2026-12-10',
    );
    expect(day?.attendance.map((a) => a.status).sort()).toEqual([
      'absent',
      'present',
      'present',
      'present',
      'present',
      'present',
    ]);
  });
});
