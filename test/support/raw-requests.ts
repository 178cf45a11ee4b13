// Raw requests for the fault and fuzz tests: any bytes with any headers, to the running server, and
// Slack requests signed exactly as Slack signs them (v0=HMAC-SHA256(secret, v0:timestamp:body)).
import { createHmac } from 'node:crypto';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { ConnectorStandIn } from './connector.ts';
import { SlackApiStandIn } from './slack-api.ts';

export const SLACK_SECRET = 'slack-signing-secret-for-fault-tests';
export const API_KEY = 'planning-key-for-fault-tests';

export interface Answer {
  status: number;
  text: string;
}

export async function send(
  bot: Bot,
  path: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Uint8Array;
    timeoutMs?: number;
  } = {},
): Promise<Answer> {
  const response = await fetch(new URL(path, bot.url), {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body as BodyInit | undefined,
    // A request the server never answers fails the test quickly instead of hanging it.
    signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
  });
  return { status: response.status, text: await response.text() };
}

/** Headers that sign `body` for Slack, with the timestamp `skewSeconds` off the real clock. */
export function slackSignature(
  body: string | Uint8Array,
  options: { skewSeconds?: number; secret?: string } = {},
): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000) + (options.skewSeconds ?? 0));
  const signature = createHmac('sha256', options.secret ?? SLACK_SECRET)
    .update(`v0:${timestamp}:`)
    .update(body)
    .digest('hex');
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': `v0=${signature}` };
}

export interface FaultBot {
  bot: Bot;
  connector: ConnectorStandIn;
  slack: SlackApiStandIn;
  log: string[];
  stop(): Promise<void>;
}

/**
 * A bot with every endpoint on (API key, Teams anonymously, Slack over HTTP, the local channel).
 * Its log lines are kept in `log`, or only those `keep` selects (the fuzz keeps few: memory is measured).
 */
export async function faultBot(
  clockAt: number,
  options: { keep?: (line: string) => boolean } = {},
): Promise<FaultBot> {
  const connector = await new ConnectorStandIn().start();
  const slack = await new SlackApiStandIn().start();
  const log: string[] = [];
  const clock = new ManualClock(clockAt);
  const bot = await startBot({
    config: loadConfig({
      PORT: '0',
      API_KEY,
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-fault-tests',
      SLACK_API_URL: slack.url,
    }),
    clock,
    inMemory: true,
    startWorker: false,
    log: (line) => {
      if (options.keep?.(line) ?? true) log.push(line);
    },
    // Waits for Slack's and Teams' rate limits move the manual clock: nothing sleeps.
    slackSleep: async (ms) => clock.advance(ms),
    teams: { sleep: async (ms) => clock.advance(ms) },
  });
  return {
    bot,
    connector,
    slack,
    log,
    stop: async () => {
      await bot.close();
      await connector.stop();
      await slack.stop();
    },
  };
}

/** A log line that carries a stack trace. */
export const STACK = /\n\s+at /;
