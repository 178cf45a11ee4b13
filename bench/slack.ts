// Acknowledgement time of a signed Slack view_submission (a valid questionnaire answer) at 50 a
// second: our bot (signature check, the core's validation, storing in Azurite, the DM's chat.update
// to a Web API stand-in) beside a bare Bolt app that only acknowledges, in the same run.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config.ts';
import { startBot } from '../src/main.ts';
import { SlackApiStandIn } from '../test/support/slack-api.ts';
import { openAssignments } from './assignments.ts';
import { percentile, round } from './stats.ts';

const SECRET = 'bench-signing-secret';

function submission(user: string, id: string): string {
  const values = {
    lefApplied: { value: { type: 'radio_buttons', selected_option: { value: 'yes' } } },
    lefExplanation: { value: { type: 'plain_text_input', value: 'LEF-aanpak gevolgd' } },
    impact: { value: { type: 'radio_buttons', selected_option: { value: 'yes' } } },
    impactExplanation: { value: { type: 'plain_text_input', value: 'Doelen gehaald' } },
  };
  const payload = {
    type: 'view_submission',
    team: { id: 'T1' },
    user: { id: user },
    view: {
      id: 'V1',
      callback_id: 'evaluation',
      private_metadata: id,
      blocks: Object.keys(values).map((block_id) => ({ type: 'input', block_id })),
      state: { values },
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

async function load(url: string, bodies: string[], perSecond: number) {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    bodies.map(async (body, i) => {
      const due = started + (i * 1000) / perSecond;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
      const t0 = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': signature,
        },
        body,
      });
      const text = await response.text();
      latencies.push(performance.now() - t0);
      if (response.status !== 200 || text.includes('errors')) failures += 1;
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(sorted, 0.5)),
    p99Ms: round(percentile(sorted, 0.99)),
    maxMs: round(sorted.at(-1) ?? 0),
    failures,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function benchSlack(count = 500, perSecond = 50): Promise<Record<string, unknown>> {
  // The bare Bolt app: verifies the signature and acknowledges.
  const port = await freePort();
  const bare = new App({
    receiver: new HTTPReceiver({
      signingSecret: SECRET,
      endpoints: '/slack/events',
      logLevel: LogLevel.ERROR,
    }),
    authorize: async () => ({ botToken: 'xoxb-bench', botId: 'B1', botUserId: 'U1' }),
    logLevel: LogLevel.ERROR,
  });
  bare.view('evaluation', async ({ ack }) => {
    await ack();
  });
  await bare.start({ port, host: '127.0.0.1' });

  const slack = await new SlackApiStandIn().start();
  const bot = await startBot({
    config: loadConfig({
      PORT: '0',
      LOCAL_CHANNEL: 'off',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: slack.url,
    }),
    inMemory: true,
    log: () => {},
    startWorker: false,
  });
  try {
    const records = await bot.store.records.exportRecords('lef-2026');
    const facilitators = records.people.filter(
      (p) => p.supplier === 'fbv' && p.roles.includes('facilitator'),
    );
    for (const [i, p] of facilitators.entries()) slack.users.set(String(p.email).toLowerCase(), `UF${i}`);
    for (const p of facilitators) await bot.slack?.channel.resolve(p.id); // the DMs are known, as in use
    // Each answered questionnaire has its DM, which the outbox updates after the ack.
    const assignments = await openAssignments(bot, count, (index) => [
      { channel: 'slack', ref: `DUF${index}|1700000000.000001` },
    ]);
    const bodies = assignments.map((a) => submission(`UF${a.index}`, a.id));
    const bareResult = await load(`http://127.0.0.1:${port}/slack/events`, bodies, perSecond);
    const ours = await load(new URL('slack/events', bot.url).toString(), bodies, perSecond);
    const stored = (await bot.store.records.exportRecords('lef-2026')).evaluations.filter((e) =>
      e.session.startsWith('bench-'),
    ).length;
    return {
      name: `signed view_submission → acknowledgement, ${count} at ${perSecond}/s (Azurite in memory)`,
      bareBolt: bareResult,
      prestatiemonitor: { ...ours, stored, chatUpdates: slack.of('chat.update').length },
      ratioP50: round(ours.p50Ms / bareResult.p50Ms),
      ratioP99: round(ours.p99Ms / bareResult.p99Ms),
    };
  } finally {
    await bot.close();
    await slack.stop();
    await bare.stop();
  }
}
