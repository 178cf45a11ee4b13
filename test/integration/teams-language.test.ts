// One language per person on Teams: the locale of the person's own latest message or card action
// (an install's locale never counts), unless the records name their language; every reply and
// proactive send uses it. And each card activity carries a summary for notifications and the chat list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ManualClock, MINUTE } from '../../src/clock.ts';
import type { Bot } from '../../src/main.ts';
import type { ConnectorStandIn } from '../support/connector.ts';
import { install, message, post, startTeamsBot, type TeamsUser, teamsUser } from '../support/teams.ts';

const NOW = Date.parse('2026-11-16T15:00:00+01:00');

let bot: Bot;
let connector: ConnectorStandIn;
let clock: ManualClock;
let fenna: TeamsUser;
let rik: TeamsUser;

beforeAll(async () => {
  ({ bot, connector, clock } = await startTeamsBot(NOW));
  fenna = teamsUser(connector, 'Fenna de Vries', 'fenna@facilitatorsbv.nl');
  rik = teamsUser(connector, 'Rik Hendriks', 'rik.hendriks@rws.nl');
  // Rik chose Dutch in the records.
  const records = await bot.store.records.exportRecords('lef-2026');
  for (const person of records.people) if (person.id === 'rik') person.language = 'nl';
  await bot.store.records.importRecords(records);
});
afterAll(async () => {
  await bot?.close();
  await connector?.stop();
});

const text = (card: unknown) => JSON.stringify(card);

describe('Teams, one language per person', () => {
  it('an install without a locale, a message in en-US, then a proactive prompt: English', async () => {
    const { locale: _none, ...withoutLocale } = install(connector, fenna);
    await post(bot.url, withoutLocale);
    await post(bot.url, install(connector, rik));
    expect(text(connector.sentTo(fenna.personal)[0]?.card)).toContain('Hallo Fenna de Vries');

    await post(bot.url, message(connector, fenna, 'help', { locale: 'en-US' }));
    connector.clear();
    clock.advance(2 * MINUTE); // the demo session ended two minutes after start-up
    await bot.worker.runOnce();
    const [prompt] = connector.sentTo(fenna.personal);
    expect(text(prompt?.card)).toContain('LEF session evaluation');
    expect(text(prompt?.card)).not.toContain('Evaluatie LEF-sessie');
    // The notification text, not "Send a card", and in the same language.
    expect(prompt?.body.summary).toBeTypeOf('string');
    expect(String(prompt?.body.summary)).toMatch(/facilitator/i);
    expect(String(prompt?.body.summary)).not.toContain('Evaluatie');
  });

  it("the records' language wins over the locale of a message", async () => {
    connector.clear();
    await post(bot.url, message(connector, rik, 'help', { locale: 'en-US' }));
    const [reply] = connector.sentTo(rik.personal);
    expect(reply?.body.summary).toBe('Dit kan ik voor je doen:');
    expect(text(reply?.card)).toContain('Dit kan ik voor je doen:');
  });

  it('a reply card carries a summary in the reader’s language', async () => {
    connector.clear();
    await post(bot.url, message(connector, fenna, 'help', { locale: 'nl-NL' }));
    const [reply] = connector.sentTo(fenna.personal);
    // Her latest own message was in nl-NL: back to Dutch, card and summary alike.
    expect(text(reply?.card)).toContain('Dit kan ik voor je doen:');
    expect(reply?.body.summary).toBe('Dit kan ik voor je doen:');
  });
});
