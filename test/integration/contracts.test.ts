// Several contracts in one bot (issue 16): the demo's LEF and Voorschoten side by side on one
// server. Real Bot Framework activities to /api/messages (the connector a local stand-in) and the
// local page's API: a person of one contract sees nothing of the other; someone in both is asked
// which contract, names it, or chooses one; a card goes to the contract of its questionnaire; each
// contract has its own alert channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import type { FactAssignment } from '../../src/store/assignments.ts';
import { MeetingStore } from '../../src/store/meetings.ts';
import { ConnectorStandIn } from '../support/connector.ts';
import {
  actions,
  channelMessage,
  execute,
  install,
  invokeCard,
  message,
  post,
  type TeamsUser,
  teamsUser,
} from '../support/teams.ts';

const NOW = Date.parse('2026-12-04T10:00:00+01:00');
const LEF = 'lef-2026';
const VVE = 'voorschoten-2026';
const CHANNEL = '19:voorschoten-alerts@thread.tacv2';

let bot: Bot;
let connector: ConnectorStandIn;
const users: Record<string, TeamsUser> = {};
const user = (name: string) => users[name] as TeamsUser;
const text = (value: unknown) => JSON.stringify(value);

beforeAll(async () => {
  connector = await new ConnectorStandIn().start();
  bot = await startBot({
    config: loadConfig({ PORT: '0' }),
    clock: new ManualClock(NOW),
    inMemory: true,
    startWorker: false,
    log: () => {},
  });
  users.daan = teamsUser(connector, 'Daan Kuiper', 'daan.kuiper@inkoopadvies.nl');
  users.carla = teamsUser(connector, 'Carla Meijer', 'carla.meijer@rws.nl');
  users.gerda = teamsUser(connector, 'Gerda Mulder', 'g.mulder@voorschoten.nl');
  users.vincent = teamsUser(connector, 'Vincent Claassen', 'vincent@voorschotenvoorelkaar.nl');
});
afterAll(async () => {
  await bot?.close();
  await connector?.stop();
});

/** What the bot said last in the person's chat, as text. */
async function say(name: string, words: string): Promise<string> {
  const before = connector.sentTo(user(name).personal).length;
  expect((await post(bot.url, message(connector, user(name), words))).status).toBe(200);
  const sent = connector.sentTo(user(name).personal).slice(before);
  return sent.map((r) => text(r.card ?? r.body)).join('\n');
}

async function local(path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, bot.url), {
    ...(body
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });
  return { status: response.status, body: await response.json() };
}

describe('several contracts in one bot', () => {
  it('serves both demo contracts, LEF first, each with its own worker and scheduler', () => {
    expect([...bot.contracts.keys()]).toEqual([LEF, VVE]);
    expect(bot.core.contract).toBe(LEF);
    const vve = bot.contracts.get(VVE);
    expect(vve?.core.contract).toBe(VVE);
    expect(vve?.worker).not.toBe(bot.worker);
    expect(vve?.scheduler).not.toBe(bot.scheduler);
  });

  it('lets the local page switch contract, and shows each contract only its own people', async () => {
    const listed = await local('/local/api/contracts?lang=nl');
    expect(listed.body.contracts.map((c: { id: string }) => c.id)).toEqual([LEF, VVE]);
    expect(listed.body.contracts[1].name).toBe('Voorschoten voor Elkaar — basiswelzijnsopdracht');
    const people = await local(`/local/api/people?contract=${VVE}`);
    expect(people.body.contract).toBe(VVE);
    expect(people.body.people.map((p: { id: string }) => p.id).sort()).toEqual(['daan', 'gm1', 'vc1']);
    // A person of LEF is nobody in Voorschoten, whatever the page sends.
    const refused = await local('/local/api/command', { person: 'carla', text: 'scorecard', contract: VVE });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toContain('niet bekend');
    const unknown = await local('/local/api/people?contract=nergens-2026');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('Contract "nergens-2026" ken ik niet');
    // Gerda's scorecard is Voorschoten's: trends and descriptions, no LEF KPI.
    const answered = await local('/local/api/command', {
      person: 'gm1',
      text: 'scorecard vve',
      contract: VVE,
    });
    expect(answered.status).toBe(200);
    expect(text(answered.body.replies)).toContain('Voorschoten voor Elkaar');
    expect(text(answered.body.replies)).not.toContain('KPI1');
    const gerda = await local(`/local/api/conversation?person=gm1&contract=${VVE}`);
    expect(gerda.body.messages.length).toBeGreaterThan(0);
    // LEF's page keeps its own conversations: Gerda said nothing there, and Daan's there are apart.
    const lefDaan = await local(`/local/api/conversation?person=daan&contract=${LEF}`);
    expect(lefDaan.body.messages).toEqual([]);
  });

  it('answers someone in one contract there, and refuses the other contract in the same words as one that does not exist', async () => {
    expect(await say('carla', 'scorecard Facilitators')).toContain('Facilitators BV');
    const other = await say('carla', `${VVE} scorecard`);
    expect(other).toContain(`Contract \\"${VVE}\\" ken ik niet voor jou`);
    const none = await say('carla', 'nergens-2026 scorecard');
    expect(none.replace('nergens-2026', VVE)).toBe(other);
    const second = await say('carla', 'scorecard nergens-2026');
    expect(second.replace('nergens-2026', VVE)).toBe(await say('carla', `scorecard ${VVE}`));
    expect(await say('vincent', `${LEF} scorecard`)).toContain(`Contract \\"${LEF}\\" ken ik niet voor jou`);
    expect(await say('vincent', 'contract')).toContain(
      `Je werkt in dit contract: ${VVE} (Voorschoten voor Elkaar`,
    );
  });

  it('asks someone in both contracts which one, takes the contract named first, and remembers a choice', async () => {
    await post(bot.url, install(connector, user('daan')));
    // Known in both, so reachable from both: each contract kept his address.
    expect((await bot.contracts.get(LEF)?.teams.addresses.get('daan'))?.reachable).toBe(true);
    expect((await bot.contracts.get(VVE)?.teams.addresses.get('daan'))?.reachable).toBe(true);

    const asked = await say('daan', 'scorecard');
    expect(asked).toContain('Je werkt in meer dan één contract');
    expect(asked).toContain(`${LEF} (LEF Facilitatordiensten)`);
    expect(asked).toContain(`contract ${VVE}`);

    const named = await say('daan', `${LEF} scorecard Facilitators`);
    expect(named).toContain('Facilitators BV');
    expect(named).toContain('KPI1');

    expect(await say('daan', `contract ${VVE}`)).toContain(`Je opdrachten gaan voortaan naar ${VVE}`);
    const chosen = await say('daan', 'scorecard vve');
    expect(chosen).toContain('Voorschoten voor Elkaar');
    expect(chosen).not.toContain('KPI1');
    // Naming the other contract still works after a choice, and the choice stays.
    expect(await say('daan', `${LEF} scorecard Facilitators`)).toContain('KPI1');
    expect(await say('daan', 'contract')).toContain(`Je opdrachten gaan naar ${VVE}`);
  });

  it('keeps an alert channel per contract', async () => {
    await post(bot.url, channelMessage(connector, user('gerda'), CHANNEL, 'alerts hier'));
    expect((await bot.contracts.get(VVE)?.teams.addresses.alertChannel())?.conversation.id).toBe(CHANNEL);
    expect(await bot.contracts.get(LEF)?.teams.addresses.alertChannel()).toBeUndefined();
  });

  it("routes a card action to the contract of its questionnaire: Daan's agenda points for Voorschoten's hoofdtafel", async () => {
    await post(bot.url, install(connector, user('gerda')));
    // Planned within five working days: the preparation goes at once, to both contract managers.
    const planned = await say('gerda', 'overleg vve 2026-12-09 14:00');
    expect(planned).toContain('Voorschoten voor Elkaar');
    connector.clear();
    await bot.contracts.get(VVE)?.worker.runOnce();
    const [card] = connector.sentTo(user('daan').personal);
    expect(text(card?.card)).toContain('Voorbereiding');
    const submit = actions(card?.card).find((a) => a.verb === 'submit') as { data: Record<string, unknown> };
    expect(submit.data.contract).toBe(VVE);
    // The same questionnaire id in LEF (ids do not name their contract): the card's contract decides.
    const vve = bot.contracts.get(VVE)?.core;
    const lef = bot.contracts.get(LEF)?.core;
    const [asked] = (await vve?.assignments.forFact(VVE, 'meeting', 'overleg-vve-2026-12-09')) ?? [];
    await lef?.assignments.create({ ...(asked?.assignment as FactAssignment), contract: LEF });
    const response = await post(
      bot.url,
      execute(connector, user('daan'), 'submit', { ...submit.data, points: 'Bereik maatjesproject' }),
    );
    const after = text(invokeCard(response));
    expect(after).not.toContain('bestaat niet');
    expect(after).toContain('Bereik maatjesproject');
    expect(await new MeetingStore(bot.store.tables, LEF).agenda('overleg-vve-2026-12-09')).toEqual([]);
    expect(await new MeetingStore(bot.store.tables, VVE).agenda('overleg-vve-2026-12-09')).toHaveLength(1);
  });
});
