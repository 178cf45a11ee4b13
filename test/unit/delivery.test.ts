// Send limits and retry timing, with a manual clock: the figures Teams and Slack publish.
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  isRetryable,
  type LimitWindow,
  retryAfterMs,
  SendLimiter,
} from '../../src/channels/delivery.ts';
import { stripMentions } from '../../src/channels/teams/bot.ts';
import { APP_LIMITS, CONVERSATION_LIMITS, langOfLocale } from '../../src/channels/teams/channel.ts';
import { ManualClock } from '../../src/clock.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';

/** The largest number of sends in any window of `ms` ending at a send. */
function busiest(times: number[], ms: number): number {
  return Math.max(...times.map((end) => times.filter((t) => t > end - ms && t <= end).length));
}

async function schedule(
  count: number,
  keys: (n: number) => { key: string; windows: readonly LimitWindow[] }[],
) {
  const clock = new ManualClock(0);
  const limiter = new SendLimiter(clock, async (ms) => clock.advance(ms));
  const times: number[] = [];
  for (let n = 0; n < count; n++) {
    await limiter.acquire(keys(n));
    times.push(clock.now());
  }
  return times;
}

describe('SendLimiter', () => {
  it('keeps one conversation within 7 a second, 8 in 2 s and 60 in 30 s, and no slower than needed', async () => {
    const times = await schedule(130, () => [{ key: 'c1', windows: CONVERSATION_LIMITS }]);
    expect(busiest(times, 1_000)).toBe(7);
    expect(busiest(times, 2_000)).toBe(8);
    expect(busiest(times, 30_000)).toBe(60);
    // 130 sends: 60 per 30 s means the 121st cannot go before 60 s, and it goes then.
    expect(times[120]).toBe(60_000);
    expect(times[0]).toBe(0);
    expect(times[7]).toBe(1_000); // the 8th waits for the first second to pass
    expect(times[8]).toBe(2_000); // the 9th for the 2-second window
  });

  it('keeps the app within 50 a second across conversations, each conversation within its own limit', async () => {
    const times = await schedule(200, (n) => [
      { key: `c${n % 40}`, windows: CONVERSATION_LIMITS },
      { key: 'app', windows: APP_LIMITS },
    ]);
    expect(busiest(times, 1_000)).toBe(50);
    expect(times[49]).toBe(0);
    expect(times[50]).toBe(1_000);
    expect(times[199]).toBe(3_000);
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs('0.5', now)).toBe(500);
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('retries what Teams asks to retry, and backs off exponentially with jitter', () => {
    expect([412, 429, 502, 503, 504].every(isRetryable)).toBe(true);
    expect([400, 401, 403, 404, 500].some(isRetryable)).toBe(false);
    expect(backoffMs(0, () => 0)).toBe(750);
    expect(backoffMs(0, () => 1)).toBe(1_250);
    expect(backoffMs(3, () => 0.5)).toBe(8_000);
    expect(backoffMs(20, () => 0.5)).toBe(60_000);
  });
});

describe('Teams text', () => {
  it('strips the bot mention from channel messages', () => {
    expect(stripMentions('<at>Prestatiemonitor</at> alerts hier')).toBe('alerts hier');
    expect(stripMentions('<at>Prestatiemonitor</at>&nbsp;scorecard  <b>fbv</b>')).toBe('scorecard fbv');
  });

  it('speaks Dutch unless the Teams client is in English', () => {
    expect(langOfLocale('nl-NL')).toBe('nl');
    expect(langOfLocale('en-US')).toBe('en');
    expect(langOfLocale('de-DE')).toBe('nl');
    expect(langOfLocale(undefined)).toBe('nl');
  });
});

describe('Teams settings', () => {
  it('needs a secret or a certificate with an app id, and an app id with a secret', () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'a1b2' })).toThrow(ConfigError);
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'a1b2' })).toThrow(/MICROSOFT_APP_PASSWORD/);
    expect(() => loadConfig({ MICROSOFT_APP_PASSWORD: 'secret' })).toThrow(/MICROSOFT_APP_ID: missing/);
    expect(loadConfig({ MICROSOFT_APP_ID: 'a1b2', MICROSOFT_APP_PASSWORD: 'x' }).teams.appId).toBe('a1b2');
  });

  it('needs a signing secret or an app token with a Slack bot token', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-1', SLACK_SIGNING_SECRET: 'secret-123' })).toThrow(
      /xoxb-/,
    );
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' }).slack).toMatchObject(
      {
        apiUrl: 'https://slack.com/api/',
      },
    );
    expect(
      loadConfig({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_APP_TOKEN: 'xapp-1',
        SLACK_API_URL: 'http://127.0.0.1:9/api',
      }).slack,
    ).toMatchObject({
      appToken: 'xapp-1',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it('turns the local channel off in production unless asked for', () => {
    expect(loadConfig({}).localChannel).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).localChannel).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', LOCAL_CHANNEL: 'on' }).localChannel).toBe(true);
  });
});
