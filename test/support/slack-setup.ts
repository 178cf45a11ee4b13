// The bot with Slack on, against the Web API stand-in, for the Slack tests: one call in a test file
// registers its start and stop (beforeAll/afterAll) and gives signed requests to its /slack/events.
import { afterAll, beforeAll } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { SlackApiStandIn } from './slack-api.ts';
import { type SignedOptions, signedTo, slashCommand } from './slack-signed.ts';

/** Slack user ids of the demo contract's people. */
export const SLACK_USERS = { fenna: 'U0FENNA', rik: 'U0RIK', carla: 'U0CARLA', sanne: 'U0SANNE' } as const;

/** Those people by their e-mail in the records (Iris is not in the workspace). */
export const DEMO_SLACK_USERS: Record<string, string> = {
  'fenna@facilitatorsbv.nl': SLACK_USERS.fenna,
  'rik.hendriks@rws.nl': SLACK_USERS.rik,
  'carla.meijer@rws.nl': SLACK_USERS.carla,
  'sanne@facilitatorsbv.nl': SLACK_USERS.sanne,
};

export interface SlackBedOptions {
  secret: string;
  /** The manual clock's start (Slack's waits move it on). */
  now: number;
  /** Slack user ids by e-mail address, as users.lookupByEmail and users.info answer them (default: the demo's). */
  users?: Record<string, string>;
  /** users.info's locale by Slack user id. */
  locales?: Record<string, string>;
  /** BOT_HOST: the bot's public host (Slack then fetches chart images from it). */
  botHost?: string;
}

export interface SlackBed {
  readonly bot: Bot;
  readonly slack: SlackApiStandIn;
  readonly clock: ManualClock;
  /** Every wait the Slack sender asked for (429 Retry-After, the limiter), in ms. */
  readonly waits: number[];
  /** A body sent to /slack/events, signed with the bed's secret unless the options say otherwise. */
  signed(body: string, options?: SignedOptions): ReturnType<typeof signedTo>;
  /** A slash command by `user`, in their DM unless a channel is named, with a fresh response_url. */
  command(user: string, name: string, text: string, channel?: string): string;
}

/** Starts the bot before the file's tests and stops it after them; the fields are set once started. */
export function slackBed(options: SlackBedOptions): SlackBed {
  const clock = new ManualClock(options.now);
  const waits: number[] = [];
  let started: { bot: Bot; slack: SlackApiStandIn } | undefined;
  const running = () => {
    if (!started) throw new Error('the Slack test bed is used before beforeAll started it');
    return started;
  };

  beforeAll(async () => {
    const slack = await new SlackApiStandIn().start();
    for (const [email, id] of Object.entries(options.users ?? DEMO_SLACK_USERS)) slack.users.set(email, id);
    for (const [id, locale] of Object.entries(options.locales ?? {})) slack.locales.set(id, locale);
    const env = {
      PORT: '0',
      LOCAL_CHANNEL: 'off',
      SLACK_SIGNING_SECRET: options.secret,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.url,
      ...(options.botHost ? { BOT_HOST: options.botHost } : {}),
    };
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock.advance(ms);
    };
    const bot = await startBot({
      config: loadConfig(env),
      clock,
      inMemory: true,
      startWorker: false,
      log: () => {},
      slackSleep: sleep,
    });
    started = { bot, slack };
  });
  afterAll(async () => {
    await started?.bot.close();
    await started?.slack.stop();
  });

  let responses = 0;
  return {
    get bot() {
      return running().bot;
    },
    get slack() {
      return running().slack;
    },
    clock,
    waits,
    signed: (body, signedOptions) => signedTo(running().bot.url, options.secret, body, signedOptions),
    command: (user, name, text, channel) => {
      responses += 1;
      const responseUrl = running().slack.responseUrl(`${name.slice(1)}-${responses}`);
      return slashCommand(user, name, text, responseUrl, channel);
    },
  };
}
