// Stop time with 500 outbox items queued: the real `npm start` and `node bin/prestatiemonitor.js start`
// on a temporary data folder, sending alerts to a Slack stand-in (one a second in a channel), stopped
// with SIGTERM once sending; measured until npm, the bot and its Azurite are all gone.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SlackAddressBook } from '../src/channels/slack/channel.ts';
import { SCORECARD_JOBS } from '../src/flows/scorecard.ts';
import { isAlive } from '../src/store/azurite.ts';
import { openStore } from '../src/store/open.ts';
import { OutboxStore } from '../src/store/outbox.ts';
import { parentOf } from '../test/support/processes.ts';
import { baseRecords, valid } from '../test/support/records.ts';
import { SlackApiStandIn } from '../test/support/slack-api.ts';
import { round } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHANNEL = 'C0ALERTS';

export async function benchStop(count = 500): Promise<Record<string, unknown>> {
  const slack = await new SlackApiStandIn().start();
  const runs: Record<string, unknown>[] = [];
  try {
    for (const how of ['npm', 'node'] as const) runs.push(await stopOnce(slack, how, count));
  } finally {
    await slack.stop();
  }
  return { name: `stop with ${count} outbox items queued (SIGTERM, mid-drain)`, runs };
}

async function stopOnce(slack: SlackApiStandIn, how: 'npm' | 'node', count: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pm-bench-stop-'));
  let child: ChildProcess | undefined;
  try {
    const store = await openStore({ dataDir });
    await store.records.importRecords(valid(baseRecords()));
    await new SlackAddressBook(store.tables, 'c1').setAlertChannel({ channel: CHANNEL }, 'bench', 0);
    const alert = (n: number) => ({
      supplier: 's1',
      supplierName: `${how} ${n}`,
      period: '2026-H1',
      newlyRed: [],
      red: ['KPI6'],
      consequence: { nl: 'Extra inspanning', en: 'Extra effort' },
      critical: false,
    });
    const items = Array.from({ length: count }, (_, n) => ({
      id: `${how}|${n}`,
      kind: SCORECARD_JOBS.alert,
      payload: { alert: alert(n) },
      dueAt: Date.now(),
    }));
    await new OutboxStore(store.tables, 'c1').enqueue(items);
    await store.close();

    const before = slack.of('chat.postMessage').length;
    const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', LOCAL_CHANNEL: 'off' };
    Object.assign(env, {
      SLACK_SIGNING_SECRET: 'bench-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: slack.url,
    });
    const [command, args] =
      how === 'npm' ? ['npm', ['start']] : [process.execPath, ['bin/prestatiemonitor.js', 'start']];
    const started = spawn(command as string, args as string[], { cwd: ROOT, env, stdio: 'pipe' });
    child = started;
    let output = '';
    started.stdout?.on('data', (chunk) => (output += String(chunk)));
    await poll(() => slack.of('chat.postMessage').length - before >= 3, 120_000);
    const azurite = (
      JSON.parse(readFileSync(join(dataDir, 'azurite', 'azurite.json'), 'utf8')) as { pid: number }
    ).pid;
    const bot = parentOf(azurite);

    const t0 = performance.now();
    started.kill('SIGTERM');
    await poll(() => started.exitCode !== null || started.signalCode !== null, 30_000);
    await poll(() => !isAlive(bot) && !isAlive(azurite), 30_000);
    const stopMs = performance.now() - t0;

    const after = await openStore({ dataDir });
    const outbox = new OutboxStore(after.tables, 'c1');
    const pending = (await outbox.pending()).length;
    const dueAtOnce = (await outbox.due(Date.now(), count)).length;
    await after.close();
    return {
      command: how === 'npm' ? 'npm start' : 'node bin/prestatiemonitor.js start',
      stopMs: round(stopMs),
      sentBeforeStop: slack.of('chat.postMessage').length - before,
      pendingAfter: pending,
      dueAtOnceAfter: dueAtOnce,
      botSays: /\[outbox\] stopped: .*/.exec(output)?.[0],
    };
  } finally {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function poll(done: () => boolean, boundMs: number): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not within ${boundMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
