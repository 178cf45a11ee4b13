// The scorecard's trend chart on Slack: with a public host the image block names a URL on the bot,
// which serves the PNG to anyone who has it (Slack fetches it unauthenticated); an id that was
// never handed out is a 404. Without a public host the trend is in words (slack.test.ts).
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/clock.ts';
import { ChartStore } from '../../src/store/charts.ts';
import { SLACK_USERS, slackBed } from '../support/slack-setup.ts';

const env = slackBed({
  secret: 'chart-secret-123',
  now: Date.parse('2026-11-20T10:00:00+01:00'),
  botHost: 'bot.example.test',
});

interface ImageBlock {
  type: string;
  image_url?: string;
  alt_text?: string;
}

describe('the trend chart on Slack', () => {
  it('is an image block the bot serves, with the trend in its alt text', async () => {
    const reply = await env.signed(env.command(SLACK_USERS.rik, '/scorecard', 'Facilitators'));
    const blocks = (reply.body as { blocks: ImageBlock[] }).blocks;
    const image = blocks.find((b) => b.type === 'image');
    expect(image?.image_url).toMatch(/^https:\/\/bot\.example\.test\/charts\/[0-9a-f]{32}\.png$/);
    expect(image?.alt_text).toContain('Verloop per KPI');

    const path = new URL(image?.image_url ?? '').pathname;
    const at = (p: string) => new URL(p, env.bot.url).href;
    const served = await fetch(at(path));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await served.arrayBuffer()));
    expect(png.width).toBeGreaterThan(2 * 64); // at least one period column, drawn at twice the size

    const altered = path.replace(/[0-9a-f](?=\.png$)/, (c) => (c === '0' ? '1' : '0'));
    expect((await fetch(at(altered))).status).toBe(404);
    expect((await fetch(at('/charts/..%2Frecords.png'))).status).toBe(404);
  });

  it('keeps an image larger than one table property, and removes charts after 90 days', async () => {
    const charts = new ChartStore(env.bot.core.tables);
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));
    const id = await charts.put(bytes.toString('base64'), env.clock.now());
    if (!id) throw new Error('not kept');
    expect((await charts.get(id))?.equals(bytes)).toBe(true);
    expect(await charts.removeOlderThan(env.clock.now() + 89 * DAY)).toBe(0);
    expect(await charts.removeOlderThan(env.clock.now() + 91 * DAY)).toBeGreaterThanOrEqual(1);
    expect(await charts.get(id)).toBeUndefined();
    expect((await fetch(new URL(`/charts/${id}.png`, env.bot.url))).status).toBe(404);
  });
});
