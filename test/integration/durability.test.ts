// The embedded store through crashes: Azurite SIGKILLed mid-stream (journal replayed, restarted by
// the bot itself), a bot SIGKILLed (its orphaned Azurite taken over), a store that came back empty
// (never seeded over), and the data folder readable by its owner only.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOUR, ManualClock, MINUTE } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { StartupError } from '../../src/errors.ts';
import { submitAnswers } from '../../src/flows/evaluations.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { sessionPartition } from '../../src/store/activity.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import { AzuriteInUseError, startAzurite } from '../../src/store/azurite.ts';
import { StoreError } from '../../src/store/errors.ts';
import { openStore } from '../../src/store/open.ts';

const NOW = Date.parse('2026-03-10T10:00:00+01:00');
const folders: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pm-durability-'));
  folders.push(folder);
  return folder;
}

function bot(dataDir: string, log: string[] = [], env: Record<string, string> = {}): Promise<Bot> {
  return startBot({
    config: loadConfig({ PORT: '0', DATA_DIR: dataDir, ...env }),
    clock: new ManualClock(NOW),
    startWorker: false,
    log: (line) => log.push(line),
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** `count` sessions of the demo contract that have just ended, each with an open facilitator assignment. */
async function openAssignments(running: Bot, count: number) {
  const records = await running.store.records.exportRecords('lef-2026');
  const iso = (t: number) => new Date(t).toISOString().replace('Z', '+00:00');
  const sessions = Array.from({ length: count }, (_, i) => ({
    id: `dur-${i}`,
    supplier: 'fbv',
    start: iso(NOW - 3 * HOUR),
    end: iso(NOW - MINUTE),
    facilitators: ['fenna'],
    relationshipManager: 'rik',
    internalClient: 'iris',
  }));
  records.sessions.push(...sessions);
  await running.store.records.importRecords(records);
  for (const session of sessions) {
    await running.core.assignments.create({
      contract: 'lef-2026',
      session: session.id,
      role: 'facilitator',
      person: 'fenna',
      supplier: 'fbv',
      sessionPartition: sessionPartition('lef-2026', session, 'Europe/Amsterdam'),
      registration: false,
      sessionStart: session.start,
      opensAt: NOW - MINUTE,
      closesAt: NOW + 14 * 24 * HOUR,
      status: 'open',
    });
  }
  return sessions.map((s) => assignmentId({ session: s.id, role: 'facilitator', person: 'fenna' }));
}

const answers = (i: number) => ({
  lefApplied: 'yes',
  lefExplanation: `Volgens de LEF-aanpak (${i})`,
  impact: 'yes',
  impactExplanation: 'Doelen gehaald',
});

async function health(running: Bot): Promise<{ status: number; body: string }> {
  const response = await fetch(new URL('/healthz', running.url));
  return { status: response.status, body: await response.text() };
}

describe('Azurite SIGKILLed in the middle of 100 acknowledged submissions', () => {
  it('keeps every acknowledged answer, and the bot restarts Azurite and is healthy again by itself', async () => {
    const dataDir = dataFolder();
    const log: string[] = [];
    const running = await bot(dataDir, log);
    let closed = false;
    try {
      const ids = await openAssignments(running, 100);
      const killed = running.store.azurite?.pid as number;
      const seen = new Set<string>();
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          const { status, body } = await health(running).catch(() => ({ status: 0, body: '' }));
          seen.add(`${status} ${body}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const acknowledged: number[] = [];
      let next = 0;
      // Four people at a time; each retries while the store is down, as a person would.
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < ids.length) {
            const i = next++;
            for (;;) {
              try {
                await submitAnswers(running.core, 'fenna', ids[i] as string, answers(i));
                break;
              } catch (error) {
                if (!(error instanceof StoreError)) throw error;
                await new Promise((r) => setTimeout(r, 25));
              }
            }
            acknowledged.push(i);
            if (acknowledged.length === 50) process.kill(killed, 'SIGKILL');
          }
        }),
      );
      await until('healthz ok', async () => (await health(running)).status === 200);
      watching = false;
      await watcher;

      expect(acknowledged).toHaveLength(100);
      expect(running.store.azurite?.pid).not.toBe(killed);
      expect(seen).toContain('503 {"status":"degraded"}');
      expect(await health(running)).toEqual({ status: 200, body: '{"status":"ok"}' });
      expect(log.filter((line) => line.includes('Azurite stopped unexpectedly'))).toHaveLength(1);
      expect(log.filter((line) => line.includes('Azurite restarted'))).toHaveLength(1);
      const answered = async (b: Bot) =>
        new Set(
          (await b.store.records.exportRecords('lef-2026')).evaluations
            .map((e) => e.session)
            .filter((s) => s.startsWith('dur-')),
        ).size;
      // In the restarted Azurite (the journal replayed) and after a stop and a fresh start.
      expect(await answered(running)).toBe(100);
      await running.close();
      closed = true;
      const again = await bot(dataDir);
      try {
        expect(await answered(again)).toBe(100);
      } finally {
        await again.close();
      }
    } finally {
      if (!closed) await running.close();
    }
  }, 120_000);
});

describe('the journal replayed after a SIGKILL of Azurite', () => {
  it('deletes what was deleted after Azurite last saved it, and keeps whole what a transaction merged', async () => {
    const dataDir = dataFolder();
    const store = await openStore({ dataDir, log: () => {}, restartDelayMs: 20 });
    try {
      const { tables } = store;
      await tables.upsert('records', { partitionKey: 'p', rowKey: 'gone-after-save', json: '{}' });
      await tables.upsert('records', { partitionKey: 'p', rowKey: 'merged', json: '{"v":1}', kind: 'old' });
      // Azurite saves every 5 s: once its file holds the entity, a lost delete would bring it back.
      const file = join(dataDir, 'azurite', '__azurite_db_table__.json');
      await until(
        'Azurite saved',
        () => existsSync(file) && readFileSync(file, 'utf8').includes('gone-after-save'),
      );
      await tables.delete('records', 'p', 'gone-after-save');
      await tables.transact('records', [
        ['upsert', { partitionKey: 'p', rowKey: 'merged', kind: 'new' }, 'Merge'],
      ]);
      const killed = store.azurite?.pid as number;
      process.kill(killed, 'SIGKILL');
      await until('the restart', async () => store.azurite?.pid !== killed && (await tables.ping()));
      expect(await tables.get('records', 'p', 'gone-after-save')).toBeUndefined();
      expect(await tables.get('records', 'p', 'merged')).toMatchObject({ json: '{"v":1}', kind: 'new' });
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('a start after the bot was SIGKILLed', () => {
  it('takes over from the Azurite it left running; a second live bot on the same data is refused', async () => {
    const dataDir = dataFolder();
    const state = join(dataDir, 'azurite', 'azurite.json');
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0' };
    delete env.STORAGE_CONNECTION_STRING;
    const child = spawn(process.execPath, ['bin/prestatiemonitor.js', 'start'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    children.push(child);
    const owner = () =>
      existsSync(state)
        ? (JSON.parse(readFileSync(state, 'utf8')) as { pid: number; owner: number })
        : undefined;
    // The demo is in the store once the marker is written.
    await until(
      'the first bot',
      () => {
        if (child.exitCode !== null) throw new Error(`the first bot exited: ${stderr}`);
        return owner()?.owner === child.pid && existsSync(join(dataDir, 'held-a-contract.json'));
      },
      60_000,
    );
    const orphan = owner()?.pid as number;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(isAlive(orphan)).toBe(true);

    const log: string[] = [];
    const running = await bot(dataDir, log);
    try {
      expect(isAlive(orphan)).toBe(false);
      expect(owner()).toMatchObject({ owner: process.pid, pid: running.store.azurite?.pid });
      expect(log.join('\n')).toContain(`Azurite ${orphan} was left running by a process that is gone`);
      expect(await running.store.records.contractIds()).toEqual(['lef-2026', 'voorschoten-2026']);
      const second = await bot(dataDir).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(AzuriteInUseError);
    } finally {
      await running.close();
    }
  }, 120_000);
});

describe('the demo', () => {
  it('is never seeded into a data folder that held a contract and came back empty', async () => {
    const dataDir = dataFolder();
    await (await bot(dataDir)).close();
    // Azurite's file lost (as after a crash before its first save), the journal too.
    for (const name of readdirSync(join(dataDir, 'azurite'))) rmSync(join(dataDir, 'azurite', name));
    const refused = await bot(dataDir).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StartupError);
    expect((refused as Error).message).toContain(
      'bevatte eerder een contract; de demo wordt er niet overheen gezet',
    );
    expect((refused as Error).message).toContain('held a contract before; the demo is not loaded over it');
    const store = await openStore({ dataDir, log: () => {} });
    try {
      expect(await store.records.contractIds()).toEqual([]);
    } finally {
      await store.close();
    }
  }, 90_000);

  it('is never seeded into Azure Table Storage (STORAGE_CONNECTION_STRING)', async () => {
    const azure = await startAzurite();
    try {
      const refused = await bot(dataFolder(), [], {
        STORAGE_CONNECTION_STRING: azure.connectionString,
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(StartupError);
      expect((refused as Error).message).toContain('The store holds no contract');
      const store = await openStore({ connectionString: azure.connectionString });
      expect(await store.records.contractIds()).toEqual([]);
    } finally {
      await azure.stop();
    }
  }, 60_000);
});

describe('the data folder', () => {
  it('is made readable by its owner only, Azurite’s files included, and says so once', async () => {
    const dataDir = dataFolder();
    chmodSync(dataDir, 0o755);
    mkdirSync(join(dataDir, 'azurite'), { mode: 0o755 });
    chmodSync(join(dataDir, 'azurite'), 0o755);
    writeFileSync(join(dataDir, 'notes.txt'), 'e-mail addresses', { mode: 0o644 });
    const log: string[] = [];
    await (await bot(dataDir, log)).close();
    const modes: Record<string, string> = {};
    const visit = (path: string) => {
      modes[path.slice(dataDir.length) || '/'] = (statSync(path).mode & 0o777).toString(8);
      if (statSync(path).isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    };
    visit(dataDir);
    expect(modes).toMatchObject({
      '/': '700',
      '/azurite': '700',
      '/notes.txt': '600',
      '/azurite/__azurite_db_table__.json': '600',
      '/held-a-contract.json': '600',
    });
    expect(Object.values(modes).every((mode) => mode === '700' || mode === '600')).toBe(true);
    expect(log.filter((line) => line.includes('owner-only'))).toHaveLength(1);
  }, 60_000);
});
