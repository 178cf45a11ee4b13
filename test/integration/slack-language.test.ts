// Slack in the person's language (users.info's locale), one lookup per new person, and
// alerts-hier only in a channel: signed requests against the running server and the Web API stand-in.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { SlackApiStandIn } from '../support/slack-api.ts';

const SECRET = 'slack-signing-secret-for-tests';
const NOW = Date.parse('2026-11-16T15:00:00+01:00');
const ALERTS = 'C0ALERTS';
const USERS = { fenna: 'U0FENNA', rik: 'U0RIK', carla: 'U0CARLA', sanne: 'U0SANNE' };

let bot: Bot;
let slack: SlackApiStandIn;
const clock = new ManualClock(NOW);
const waits: number[] = [];

beforeAll(async () => {
  slack = await new SlackApiStandIn().start();
  slack.users.set('fenna@facilitatorsbv.nl', USERS.fenna);
  slack.users.set('rik.hendriks@rws.nl', USERS.rik);
  slack.users.set('carla.meijer@rws.nl', USERS.carla);
  slack.users.set('sanne@facilitatorsbv.nl', USERS.sanne);
  slack.locales.set(USERS.carla, 'en-US');
  slack.locales.set(USERS.rik, 'nl-NL');
  bot = await startBot({
    config: loadConfig({
      PORT: '0',
      LOCAL_CHANNEL: 'off',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.url,
    }),
    clock,
    inMemory: true,
    startWorker: false,
    log: () => {},
    slackSleep: async (ms) => {
      waits.push(ms);
      clock.advance(ms);
    },
  });
});
afterAll(async () => {
  await bot?.close();
  await slack?.stop();
});

/** Sends a body to /slack/events signed as Slack does: v0=HMAC-SHA256(secret, v0:timestamp:body). */
async function signed(
  body: string,
  options: { type?: string; secret?: string; ageSeconds?: number; headers?: Record<string, string> } = {},
) {
  const timestamp = String(Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0));
  const signature = `v0=${createHmac('sha256', options.secret ?? SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  const response = await fetch(new URL('slack/events', bot.url), {
    method: 'POST',
    headers: {
      'content-type': options.type ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

function command(user: string, name: string, text: string, channel = `D${user}`) {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: channel,
    user_id: user,
    command: name,
    text,
    response_url: slack.responseUrl(`${name.slice(1)}-${Date.now()}`),
    trigger_id: 'trigger-1',
  }).toString();
}

const text = (value: unknown) => JSON.stringify(value);

describe('Slack, per person', () => {
  it('asks Slack about each new person once, however many of their requests arrive at once', async () => {
    const people = [USERS.fenna, USERS.rik, USERS.carla, USERS.sanne, 'U0NOBODY'];
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signed(command(people[i % people.length] as string, '/scorecard', 'Facilitators 2026-H2')),
      ),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(slack.of('users.info').length).toBeLessThanOrEqual(5);
    expect(slack.of('users.info').every((c) => String(c.args.include_locale) === 'true')).toBe(true);
    expect(slack.of('users.lookupByEmail').length).toBeLessThanOrEqual(5);
    expect(slack.of('conversations.open').length).toBeLessThanOrEqual(5);
  });

  it("refuses alerts-hier in a DM with a reason in the person's language, and accepts it in a channel", async () => {
    const english = await signed(command(USERS.carla, '/prestatiemonitor', 'alerts-hier'));
    expect(text(english.body)).toContain('Alerts can only go to a channel');
    const dutch = await signed(command(USERS.rik, '/prestatiemonitor', 'alerts-hier'));
    expect(text(dutch.body)).toContain('Meldingen kunnen alleen naar een kanaal');
    expect(await bot.slack?.channel.addresses.alertChannel()).toBeUndefined();
    const set = await signed(command(USERS.carla, '/prestatiemonitor', 'alerts-hier', ALERTS));
    expect(text(set.body)).toContain('This channel now receives the alerts');
    expect(await bot.slack?.channel.addresses.alertChannel()).toEqual({ channel: ALERTS });
  });

  it('answers a user whose Slack locale is en-US in English', async () => {
    const reply = await signed(command(USERS.carla, '/scorecard', 'Facilitators 2026-H2'));
    const dutch = await signed(command(USERS.rik, '/scorecard', 'Facilitators 2026-H2'));
    expect(text(reply.body)).not.toEqual(text(dutch.body));
    expect(text(reply.body)).toMatch(/Scorecard/);
  });
});
