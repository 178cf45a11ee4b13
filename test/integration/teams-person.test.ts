// A person added on Teams, end to end: real Bot Framework activities to /api/messages, the connector
// stand-in recording what the bot sends. Carla (contract manager) types `persoon`; the form arrives as
// an Adaptive Card with the roles as a multi-select; roles of both sides come back at the field; the
// roles sent as a card's multi-select sends them ("a,b") are kept; Fenna can neither ask for the form
// nor use Carla's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { ConnectorStandIn } from '../support/connector.ts';
import { execute, install, message, post, type TeamsUser, teamsUser } from '../support/teams.ts';

const clock = new ManualClock(Date.parse('2026-11-20T10:00:00+01:00'));
let bot: Bot;
let connector: ConnectorStandIn;
const users: Record<string, TeamsUser> = {};
const user = (name: string) => users[name] as TeamsUser;
const text = (value: unknown) => JSON.stringify(value);

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
  users.carla = teamsUser(connector, 'Carla Meijer', 'carla.meijer@rws.nl');
  users.fenna = teamsUser(connector, 'Fenna de Vries', 'fenna@facilitatorsbv.nl');
  for (const name of ['carla', 'fenna']) await post(bot.url, install(connector, user(name)));
});
afterAll(async () => {
  await bot?.close();
  await connector?.stop();
});

describe('a person added on Teams', () => {
  it("hands the contract manager the form, checks it at the field and keeps the person, with nobody else's hands on it", async () => {
    await post(bot.url, message(connector, user('fenna'), 'persoon'));
    expect(text(connector.sentTo(user('fenna').personal).at(-1)?.card)).toContain(
      'Je rol geeft geen toegang',
    );
    await post(bot.url, message(connector, user('carla'), 'persoon'));
    expect(text(connector.sentTo(user('carla').personal).at(-1)?.card)).toContain(
      'Het formulier om iemand toe te voegen staat in je berichten',
    );
    await bot.worker.runOnce();
    const form = connector
      .sentTo(user('carla').personal)
      .find((s) => text(s.card).includes('Persoon toevoegen'));
    expect(text(form?.card)).toContain('"isMultiSelect":true');
    const id = /"assignmentId":"(person\|[^"]+)"/.exec(text(form?.card))?.[1] as string;
    expect(id).toMatch(/^person\|p-[0-9a-f]{8}\|person-[0-9a-f]{6}\|carla$/);

    const mixed = await post(
      bot.url,
      execute(connector, user('carla'), 'submit', {
        assignmentId: id,
        name: 'Nina Bos',
        email: 'nina.bos@rws.nl',
        roles: 'lefTeam,facilitator',
        supplier: '-',
      }),
    );
    expect(text(mixed.body)).toContain('Kies rollen van één kant');
    const foreign = await post(
      bot.url,
      execute(connector, user('fenna'), 'submit', {
        assignmentId: id,
        name: 'Nina Bos',
        email: 'nina.bos@rws.nl',
        roles: 'lefTeam',
        supplier: '-',
      }),
    );
    expect(text(foreign.body)).toContain('Deze vragenlijst is voor iemand anders');
    const done = await post(
      bot.url,
      execute(connector, user('carla'), 'submit', {
        assignmentId: id,
        name: 'Nina Bos',
        email: 'nina.bos@rws.nl',
        roles: 'lefTeam,manager',
        supplier: '-',
      }),
    );
    expect(text(done.body)).toContain('Opgeslagen; wijzigen kan nog.');
    await bot.worker.runOnce();
    const nina = (await bot.store.records.exportRecords('lef-2026')).people.find(
      (p) => p.name === 'Nina Bos',
    );
    expect(nina).toMatchObject({ email: 'nina.bos@rws.nl', roles: ['manager', 'lefTeam'] });
    expect(nina?.supplier).toBeUndefined();
  });
});
