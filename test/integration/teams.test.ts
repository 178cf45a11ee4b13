// Microsoft Teams end to end: real Bot Framework activities posted to the real /api/messages, with
// their serviceUrl pointing at a local stand-in of the connector that records what the bot sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, MINUTE } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { ConnectorStandIn } from '../support/connector.ts';
import { install, post, type TeamsUser, teamsUser } from '../support/teams.ts';

const NOW = Date.parse('2026-11-16T15:00:00+01:00');
let bot: Bot;
let connector: ConnectorStandIn;
let clock: ManualClock;
const waits: number[] = [];
let fenna: TeamsUser;
let rik: TeamsUser;

beforeAll(async () => {
  connector = await new ConnectorStandIn().start();
  clock = new ManualClock(NOW);
  bot = await startBot({
    config: loadConfig({ PORT: '0', LOCAL_CHANNEL: 'off' }),
    clock,
    inMemory: true,
    workerIntervalMs: 3_600_000,
    log: () => {},
    teams: {
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
    },
  });
  fenna = teamsUser(connector, 'Fenna de Vries', 'fenna@facilitatorsbv.nl');
  rik = teamsUser(connector, 'Rik Hendriks', 'Rik.Hendriks@rws.nl');
});
afterAll(async () => {
  await bot?.close();
  await connector?.stop();
});

describe('Teams', () => {
  it('stores the reference on install, greets once, and prompts proactively after the session', async () => {
    const first = install(connector, fenna);
    expect((await post(bot.url, first)).status).toBe(200);
    expect((await post(bot.url, first)).status).toBe(200); // delivered twice
    const greetings = connector.sentTo(fenna.personal);
    expect(greetings).toHaveLength(1);
    expect(JSON.stringify(greetings[0]?.card)).toContain('Hallo Fenna de Vries');
    expect((await bot.teams.addresses.get('fenna'))?.reachable).toBe(true);

    clock.advance(2 * MINUTE);
    await bot.worker.runOnce();
    console.log(
      JSON.stringify(
        connector.requests.map((r) => [r.method, r.path, r.card?.version]),
        null,
        1,
      ),
    );
  });
});
