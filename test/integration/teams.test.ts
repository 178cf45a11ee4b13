// Microsoft Teams end to end: real Bot Framework activities posted to the real /api/messages, with
// their serviceUrl pointing at a local stand-in of the connector that records what the bot sends.
// One story in order: installs, the alert channel, the prompts after a session, answers, commands,
// alerts, the window closing; then what Teams can answer (403, 429, 503) and Teams' limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, type ManualClock, MINUTE } from '../../src/clock.ts';
import type { Records } from '../../src/domain/records.ts';
import { sendAlert } from '../../src/flows/alerts.ts';
import type { Bot } from '../../src/main.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import type { ConnectorRequest, ConnectorStandIn } from '../support/connector.ts';
import {
  actions,
  channelMessage,
  elements,
  execute,
  install,
  invokeCard,
  message,
  post,
  startTeamsBot,
  type TeamsUser,
  teamsUser,
} from '../support/teams.ts';

const NOW = Date.parse('2026-11-16T15:00:00+01:00');
const DAY_OF_NOW = '2026-11-16';
const SESSION = `demo-${DAY_OF_NOW}`;
const CHANNEL = '19:alerts-channel@thread.tacv2';

let bot: Bot;
let connector: ConnectorStandIn;
let clock: ManualClock;
const waits: number[] = [];
const users: Record<string, TeamsUser> = {};

beforeAll(async () => {
  ({ bot, connector, clock } = await startTeamsBot(NOW, (ms) => waits.push(ms)));
  users.fenna = teamsUser(connector, 'Fenna de Vries', 'fenna@facilitatorsbv.nl');
  users.rik = teamsUser(connector, 'Rik Hendriks', 'Rik.Hendriks@RWS.nl');
  users.carla = teamsUser(connector, 'Carla Meijer', 'carla.meijer@rws.nl');
  users.sanne = teamsUser(connector, 'Sanne Jansen', 'sanne@facilitatorsbv.nl');
  users.stranger = teamsUser(connector, 'Onbekende', 'iemand@elders.nl');
});
afterAll(async () => {
  await bot?.close();
  await connector?.stop();
});

const user = (name: string) => users[name] as TeamsUser;

const byId = (card: unknown, id: string) => elements(card).find((e) => e.id === id);
const text = (card: unknown) => JSON.stringify(card);

async function records(): Promise<Records> {
  return bot.store.records.exportRecords('lef-2026');
}
async function evaluationsOf(person: string) {
  return (await records()).evaluations.filter((e) => e.session === SESSION && e.respondent === person);
}

const answers = {
  lefApplied: 'yes',
  lefExplanation: 'De LEF-aanpak is gevolgd: verkennen, verdiepen, besluiten.',
  impact: 'yes',
  impactExplanation: 'Het team heeft drie vervolgstappen vastgelegd.',
};
const fennaAssignment = assignmentId({ session: SESSION, role: 'facilitator', person: 'fenna' });

describe('Teams, end to end', () => {
  it('stores a reference on install, matched by e-mail from the members API, and greets once', async () => {
    const first = install(connector, user('fenna'));
    expect((await post(bot.url, first)).status).toBe(200);
    expect((await post(bot.url, first)).status).toBe(200); // the same delivery again
    const greetings = connector.sentTo(user('fenna').personal);
    expect(greetings).toHaveLength(1);
    expect(text(greetings[0]?.card)).toContain('Hallo Fenna de Vries');
    expect(await bot.teams.addresses.get('fenna')).toMatchObject({
      reachable: true,
      userId: user('fenna').id,
    });
    // The e-mail address matches whatever its case.
    await post(bot.url, install(connector, user('rik')));
    expect((await bot.teams.addresses.get('rik'))?.reachable).toBe(true);
  });

  it('tells someone who is not in the records so, and stores nothing for them', async () => {
    const response = await post(bot.url, message(connector, user('stranger'), 'scorecard'));
    expect(response.status).toBe(200);
    const [reply] = connector.sentTo(user('stranger').personal);
    expect(text(reply?.card)).toContain('Je bent (nog) niet bekend bij de prestatiemonitor');
    expect(text(reply?.card)).toContain('iemand@elders.nl');
    expect(await bot.teams.addresses.personOf([user('stranger').aadObjectId, user('stranger').id])).toBe(
      undefined,
    );
  });

  it('sets the alert channel with "alerts hier" in a channel, for contract managers only', async () => {
    await post(bot.url, channelMessage(connector, user('sanne'), CHANNEL, 'alerts hier'));
    expect(await bot.teams.addresses.alertChannel()).toBeUndefined();
    const refused = connector.sentTo(`${CHANNEL};messageid=1700000000000`);
    expect(text(refused.at(-1)?.card)).toContain('Je rol geeft geen toegang');

    await post(bot.url, channelMessage(connector, user('carla'), CHANNEL, 'alerts hier'));
    expect((await bot.teams.addresses.alertChannel())?.conversation.id).toBe(CHANNEL);
    const confirmed = connector.sentTo(`${CHANNEL};messageid=1700000000000`);
    expect(text(confirmed.at(-1)?.card)).toContain('Dit kanaal ontvangt voortaan de meldingen');
  });

  it('prompts each role proactively after the session, and reports who it cannot reach', async () => {
    connector.clear();
    clock.advance(2 * MINUTE); // the demo session ended two minutes after start-up
    await bot.worker.runOnce();

    const [prompt] = connector.sentTo(user('fenna').personal);
    expect(prompt?.method).toBe('POST');
    expect(prompt?.path).toBe(`/v3/conversations/${user('fenna').personal}/activities`);
    expect(text(prompt?.card)).toContain('Evaluatie LEF-sessie — facilitator');
    const submit = actions(prompt?.card).find((a) => a.verb === 'submit');
    expect(submit).toMatchObject({
      type: 'Action.Execute',
      data: { assignmentId: fennaAssignment, contract: 'lef-2026' },
      fallback: {
        type: 'Action.Submit',
        data: { verb: 'submit', assignmentId: fennaAssignment, contract: 'lef-2026' },
      },
    });
    // The card refreshes for its addressee, so that an old copy shows the current state.
    // Each action names the contract that asked, so that the one endpoint routes it there.
    expect(prompt?.card?.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'refresh',
        data: { assignmentId: fennaAssignment, contract: 'lef-2026' },
      },
      userIds: [user('fenna').id],
    });
    const rikMessages = connector.sentTo(user('rik').personal).map((r) => text(r.card));
    expect(rikMessages.some((t) => t.includes('Evaluatie LEF-sessie — relatiemanager'))).toBe(true);

    // Iris never installed the app: reported in the alert channel and to the relationship manager.
    const unreachable = 'Iris van Dijk is via geen enkel kanaal bereikbaar';
    expect(
      connector
        .sentTo(CHANNEL)
        .map((r) => text(r.card))
        .some((t) => t.includes(unreachable)),
    ).toBe(true);
    expect(rikMessages.some((t) => t.includes(unreachable))).toBe(true);
  });

  it('sends the questionnaire still open to someone who installs later, once', async () => {
    users.iris = teamsUser(connector, 'Iris van Dijk', 'iris.vandijk@rws.nl');
    await post(bot.url, install(connector, user('iris')));
    await bot.worker.runOnce();
    await post(bot.url, install(connector, user('iris'))); // installed again: nothing new
    await bot.worker.runOnce();
    const prompts = connector
      .sentTo(user('iris').personal)
      .filter((r) => text(r.card).includes('Evaluatie LEF-sessie — intern opdrachtgever'));
    expect(prompts).toHaveLength(1);
  });

  it('refuses a blank explanation inside the card, and stores nothing', async () => {
    const response = await post(
      bot.url,
      execute(connector, user('fenna'), 'submit', {
        assignmentId: fennaAssignment,
        ...answers,
        lefExplanation: '  ',
      }),
    );
    const card = invokeCard(response);
    expect(byId(card, 'lefExplanation')?.errorMessage).toBe('Licht je antwoord toe (verplicht).');
    expect(byId(card, 'impactExplanation')?.value).toBe(answers.impactExplanation); // typed text kept
    expect(text(card)).toContain('Niet alles is goed ingevuld');
    expect(await evaluationsOf('fenna')).toEqual([]);
  });

  it('stores valid answers once and refreshes the card into a summary with "Wijzigen"', async () => {
    const before = connector.requests.length;
    const click = execute(connector, user('fenna'), 'submit', { assignmentId: fennaAssignment, ...answers });
    const card = invokeCard(await post(bot.url, click));
    expect(text(card)).toContain('Bedankt, je antwoorden zijn opgeslagen');
    expect(byId(card, 'lefExplanation')).toBeUndefined(); // read-only: no inputs
    expect(actions(card).find((a) => a.verb === 'edit')).toMatchObject({
      type: 'Action.Execute',
      title: 'Wijzigen',
    });
    expect(await evaluationsOf('fenna')).toMatchObject([
      { role: 'facilitator', lefExplanation: answers.lefExplanation },
    ]);
    // The prompt itself is updated in place into the same summary (by the outbox, off the ack path).
    await bot.worker.runOnce();
    const updates = connector.requests.slice(before).filter((r) => r.method === 'PUT');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.path).toMatch(
      new RegExp(`/v3/conversations/${user('fenna').personal}/activities/activity-\\d+$`),
    );
    expect(text(updates[0]?.card)).toContain('Bedankt, je antwoorden zijn opgeslagen');

    // A second click on the same answers changes nothing.
    const again = invokeCard(await post(bot.url, { ...click, id: 'another-delivery' }));
    expect(text(again)).toContain('Bedankt, je antwoorden zijn opgeslagen');
    await bot.worker.runOnce();
    expect(await evaluationsOf('fenna')).toHaveLength(1);
    expect(connector.requests.slice(before).filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it("shows the relationship manager's KPI 1 registration in the summary and when changing", async () => {
    const rikAssignment = assignmentId({ session: SESSION, role: 'relationshipManager', person: 'rik' });
    const card = invokeCard(
      await post(
        bot.url,
        execute(connector, user('rik'), 'submit', {
          assignmentId: rikAssignment,
          lefApplied: 'yes',
          lefExplanation: 'Volgens de LEF-aanpak.',
          returned: 'no',
          suitableProposed: '2',
          motivation: 'Twee passende facilitatoren voorgesteld.',
        }),
      ),
    );
    expect(text(card)).toContain('Twee passende facilitatoren voorgesteld.');
    expect(text(card)).not.toContain('(niet ingevuld)');
    const edit = invokeCard(
      await post(bot.url, execute(connector, user('rik'), 'edit', { assignmentId: rikAssignment })),
    );
    expect(byId(edit, 'suitableProposed')?.value).toBe('2');
    expect(byId(edit, 'motivation')?.value).toBe('Twee passende facilitatoren voorgesteld.');
  });

  it('lets only the addressee answer: someone else gets a refusal, nothing is stored', async () => {
    const card = invokeCard(
      await post(
        bot.url,
        execute(connector, user('rik'), 'submit', {
          assignmentId: fennaAssignment,
          ...answers,
          impact: 'no',
        }),
      ),
    );
    expect(text(card)).toContain('Deze vragenlijst is voor iemand anders');
    expect(await evaluationsOf('fenna')).toHaveLength(1);
  });

  it('takes Action.Submit from older clients and updates that card', async () => {
    const before = connector.requests.length;
    await post(
      bot.url,
      message(connector, user('fenna'), '', {
        replyToId: 'activity-old-client',
        value: { verb: 'edit', assignmentId: fennaAssignment },
      }),
    );
    const [update] = connector.requests.slice(before).filter((r) => r.method === 'PUT');
    expect(update?.path).toBe(`/v3/conversations/${user('fenna').personal}/activities/activity-old-client`);
    expect(byId(update?.card, 'lefExplanation')?.value).toBe(answers.lefExplanation); // the form, filled in
  });

  it('answers scorecard and /scorecard in personal chat and where it is mentioned, and help', async () => {
    const before = connector.requests.length;
    const asked = message(connector, user('rik'), 'scorecard Facilitators');
    await post(bot.url, asked);
    await post(bot.url, asked); // delivered twice: answered once
    const replies = connector.requests.slice(before).filter((r) => r.conversation === user('rik').personal);
    expect(replies).toHaveLength(1);
    expect(text(replies[0]?.card)).toContain('Scorecard Facilitators BV');

    await post(bot.url, message(connector, user('rik'), '/scorecard Procesbegeleiding 2026-H2'));
    expect(text(connector.sentTo(user('rik').personal).at(-1)?.card)).toContain(
      'Scorecard Procesbegeleiding & Co',
    );

    await post(bot.url, channelMessage(connector, user('carla'), CHANNEL, 'scorecard Procesbegeleiding'));
    expect(text(connector.sentTo(`${CHANNEL};messageid=1700000000000`).at(-1)?.card)).toContain(
      'Scorecard Procesbegeleiding & Co',
    );

    // A facilitator may not see scorecards.
    await post(bot.url, message(connector, user('fenna'), 'scorecard'));
    expect(text(connector.sentTo(user('fenna').personal).at(-1)?.card)).toContain(
      'Je rol geeft geen toegang',
    );

    await post(bot.url, message(connector, user('fenna'), 'help', { locale: 'en-US' }));
    const help = text(connector.sentTo(user('fenna').personal).at(-1)?.card);
    expect(help).toContain('This is what I can do for you');
    // A facilitator is offered only what she may do, in English words.
    expect(help).toContain('tasks');
    expect(help).not.toContain('alerts');
    expect(help).not.toContain('session');
  });

  it('posts alerts in the alert channel', async () => {
    await sendAlert(
      bot.core,
      {
        alert: {
          supplier: 'pco',
          supplierName: 'Procesco',
          period: '2026-H2',
          level: 'extra-effort',
          previousLevel: 'extra-effort',
          newlyRed: [{ id: 'KPI2', name: { nl: 'LEF-aanpak toegepast', en: 'LEF approach applied' } }],
          resolved: [],
          red: [
            { id: 'KPI2', name: { nl: 'LEF-aanpak toegepast', en: 'LEF approach applied' } },
            { id: 'KPI3', name: { nl: 'Impact', en: 'Impact' } },
          ],
          consequence: { nl: 'Herstelplan binnen drie weken', en: 'Recovery plan within three weeks' },
          critical: false,
          recoveryPlanDue: '2026-12-07',
        },
      },
      'alert-test-1',
    );
    const alert = connector.sentTo(CHANNEL).at(-1);
    expect(alert?.path).toBe(`/v3/conversations/${CHANNEL}/activities`);
    expect(text(alert?.card)).toContain('Extra inspanning vereist: Procesco');
    expect(text(alert?.card)).toContain('Er is een herstelplan nodig, uiterlijk 7 december 2026');
  });

  it('mentions the contract manager in a critical alert, as Teams mentions people', async () => {
    await post(bot.url, install(connector, user('carla')));
    await sendAlert(
      bot.core,
      {
        alert: {
          supplier: 'pco',
          supplierName: 'Procesco',
          period: '2026-H2',
          level: 'critical',
          previousLevel: 'extra-effort',
          newlyRed: [{ id: 'KPI6', name: { nl: 'Managementrapportage', en: 'Management report' } }],
          resolved: [],
          red: ['KPI2', 'KPI3', 'KPI6'].map((id) => ({ id, name: { nl: id, en: id } })),
          consequence: { nl: 'Directe verbetering vereist', en: 'Immediate improvement required' },
          critical: true,
          recoveryPlanDue: '2026-12-07',
          mention: [{ person: 'carla', name: 'Carla Meijer' }],
        },
      },
      'alert-test-critical',
    );
    const alert = connector.sentTo(CHANNEL).at(-1);
    expect(text(alert?.card)).toContain('Kritieke fase: Procesco');
    expect(text(alert?.card)).toContain('Voor <at>Carla Meijer</at>');
    expect((alert?.card as { msteams?: unknown } | undefined)?.msteams).toEqual({
      entities: [
        {
          type: 'mention',
          text: '<at>Carla Meijer</at>',
          mentioned: { id: user('carla').id, name: 'Carla Meijer' },
        },
      ],
    });
  });

  it('closes the window: the cards show it, and a stale card changes nothing', async () => {
    const before = connector.requests.length;
    clock.advance(15 * DAY);
    await bot.worker.runOnce();
    // Iris never answered: her questionnaire is updated to closed.
    const closed = connector.requests
      .slice(before)
      .filter((r) => r.method === 'PUT' && r.conversation === user('iris').personal);
    expect(closed.length).toBeGreaterThan(0);
    expect(text(closed[0]?.card)).toContain('De evaluatie is gesloten.');

    const stale = invokeCard(
      await post(
        bot.url,
        execute(connector, user('fenna'), 'submit', {
          assignmentId: fennaAssignment,
          ...answers,
          impact: 'no',
        }),
      ),
    );
    expect(text(stale)).toContain('De evaluatie van deze sessie is gesloten');
    expect(byId(stale, 'impact')).toBeUndefined();
    expect(await evaluationsOf('fenna')).toMatchObject([{ impact: true }]);
  });

  it('sends every card as Adaptive Card schema 1.5 or lower', () => {
    const cards = connector.requests
      .map((r) => r.card)
      .filter((c): c is NonNullable<ConnectorRequest['card']> => Boolean(c));
    expect(cards.length).toBeGreaterThan(10);
    for (const card of cards) {
      expect(card.type).toBe('AdaptiveCard');
      expect(Number(card.version)).toBeLessThanOrEqual(1.5);
    }
  });
});

describe('Teams answers', () => {
  const notice = (n: number) => ({
    kind: 'notice' as const,
    text: { nl: `bericht ${n}`, en: `message ${n}` },
  });

  it('waits the Retry-After of a 429 and sends once', async () => {
    waits.length = 0;
    connector.clear();
    connector.failNext(1, 429, { headers: { 'retry-after': '3' }, conversation: user('rik').personal });
    const sent = await bot.core.sendTo('rik', notice(1), 'retry-429');
    expect(sent?.channel).toBe('teams');
    expect(waits).toContain(3_000);
    const posts = connector.sentTo(user('rik').personal);
    expect(posts.map((r) => r.body.failedWith ?? 'sent')).toEqual([429, 'sent']);
    // The same idempotency key again: nothing is sent a second time.
    await bot.core.sendTo('rik', notice(1), 'retry-429');
    expect(connector.sentTo(user('rik').personal)).toHaveLength(2);
  });

  it('backs off on 503 without Retry-After, and hands a long wait to the outbox', async () => {
    waits.length = 0;
    connector.failNext(1, 503, { conversation: user('rik').personal });
    await bot.core.sendTo('rik', notice(2), 'retry-503');
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(750);
    expect(waits[0]).toBeLessThanOrEqual(1_250);

    connector.failNext(1, 429, { headers: { 'retry-after': '120' }, conversation: user('rik').personal });
    await expect(bot.core.sendTo('rik', notice(3), 'retry-long')).rejects.toMatchObject({
      name: 'DeferredDelivery',
      retryAfterMs: 120_000,
    });
  });

  it('keeps to 7 messages a second per conversation', async () => {
    waits.length = 0;
    const start = clock.now();
    for (let n = 0; n < 16; n++) await bot.core.sendTo('rik', notice(100 + n), `burst-${n}`);
    // 16 sends under 7/s, 8 per 2 s: the last one cannot go before 2 windows of 2 s have passed.
    expect(clock.now() - start).toBeGreaterThanOrEqual(2_000);
    expect(waits.length).toBeGreaterThan(0);
  });

  it('marks a person unreachable on 403 and reports them instead of skipping', async () => {
    connector.failNext(1, 403, { code: 'MessageWritesBlocked', conversation: user('fenna').personal });
    const sent = await bot.core.sendTo('fenna', notice(4), 'blocked-1');
    expect(sent).toBeUndefined();
    expect(await bot.teams.addresses.get('fenna')).toMatchObject({
      reachable: false,
      reason: 'MessageWritesBlocked',
    });
    expect((await bot.teams.addresses.get('fenna'))?.reachable).toBe(false);
    // Writing to the bot again makes her reachable.
    await post(bot.url, message(connector, user('fenna'), 'help'));
    expect((await bot.teams.addresses.get('fenna'))?.reachable).toBe(true);
  });
});
