// Alerts with no alert channel yet (production: the local channel off, Slack only): they wait, not
// completed and never set aside; the contract manager is told once, in a DM; `alerts hier` sends
// them at once, oldest first. Signed requests to the running bot; Slack's Web API is the stand-in.
import { describe, expect, it } from 'vitest';
import { HOUR } from '../../src/clock.ts';
import { SLACK_USERS, slackBed } from '../support/slack-setup.ts';

const ALERTS = 'C0ALERTS';
const env = slackBed({
  secret: 'slack-signing-secret-for-alerts',
  now: Date.parse('2026-11-16T15:00:00+01:00'),
});

const text = (value: unknown) => JSON.stringify(value ?? '');

describe('alerts waiting for an alert channel', () => {
  it('keeps them waiting, tells the contract manager once, and posts them oldest first once a channel is set', async () => {
    const { bot, slack, clock, signed, command } = env;
    await bot.worker.runOnce(); // the demo's scorecards: its red KPIs are alerts with nowhere to go
    const waiting = () => bot.core.outbox.pending().then((items) => items.filter((i) => i.kind === 'alert'));
    const queued = await waiting();
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((item) => item.lastError?.includes('alerts hier'))).toBe(true);
    const notices = () =>
      slack.of('chat.postMessage').filter((c) => text(c.args.blocks).includes('nog geen meldingenkanaal'));
    expect(notices()).toHaveLength(1);
    expect(notices()[0]?.args.channel).not.toBe(ALERTS); // Carla's DM, not a channel
    expect(text(notices()[0]?.args.blocks)).toContain('/prestatiemonitor alerts hier');

    // Hours and many attempts later: still waiting, still told once, nothing set aside.
    for (let n = 0; n < 12; n++) {
      clock.advance(7 * HOUR);
      await bot.worker.runOnce();
    }
    expect((await waiting()).map((i) => i.id).sort()).toEqual(queued.map((i) => i.id).sort());
    expect(await bot.core.outbox.dead()).toEqual([]);
    expect(notices()).toHaveLength(1);

    const set = await signed(command(SLACK_USERS.carla, '/prestatiemonitor', 'alerts hier', ALERTS));
    expect(set.status).toBe(200);
    await bot.worker.runOnce();
    const posted = slack.of('chat.postMessage').filter((c) => c.args.channel === ALERTS);
    expect(posted).toHaveLength(queued.length);
    expect(text(posted[0]?.args.blocks)).toMatch(/Extra inspanning vereist|Kritieke fase/);
    expect(await waiting()).toEqual([]);
    // Oldest first: in the order they were queued (each alert names its supplier and period).
    const label = (alert: unknown) => {
      const a = alert as { supplierName: string; period: string };
      return `${a.supplierName}|${a.period}`;
    };
    const order = [...queued]
      .sort((a, b) => Number(a.payload.queuedAt) - Number(b.payload.queuedAt))
      .map((i) => label(i.payload.alert));
    const names = [...new Set(order.map((o) => o.split('|')[0]))];
    expect(posted.map((c) => names.find((n) => text(c.args.blocks).includes(String(n))))).toEqual(
      order.map((o) => o.split('|')[0]),
    );
  });
});
