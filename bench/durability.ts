// Azurite's durability window: acknowledged writes through TableStore for a few seconds, then
// SIGKILL to Azurite, a restart on the same data, and a count of what is missing. Once with Azurite
// alone (its LokiJS store saves every 5 s: the window before the journal), once through openStore
// on a data folder (journaled; the supervisor restarts Azurite and replays the journal itself).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite } from '../src/store/azurite.ts';
import { openStore } from '../src/store/open.ts';
import { TableStore } from '../src/store/tables.ts';
import { round } from './stats.ts';

interface Acked {
  rowKey: string;
  at: number;
}

export async function benchDurability(options: { writeMs?: number; writers?: number } = {}) {
  const writeMs = options.writeMs ?? 6_000;
  const writers = options.writers ?? 4;
  return {
    name: `durability: ${writers} writers for ${writeMs} ms, then SIGKILL to Azurite and a restart on the same data`,
    azuriteAlone: await alone(writeMs, writers),
    withJournal: await journaled(writeMs, writers),
  };
}

async function alone(writeMs: number, writers: number) {
  const location = mkdtempSync(join(tmpdir(), 'pm-bench-durability-'));
  try {
    const first = await startAzurite({ location, whenRunning: 'ignore' });
    const tables = new TableStore({ connectionString: first.connectionString });
    await tables.ensureTables();
    const acked = await writeFor(tables, writeMs, writers);
    const killedAt = Date.now();
    process.kill(first.pid as number, 'SIGKILL');
    await first.exited;
    const second = await startAzurite({ location, whenRunning: 'ignore' });
    try {
      const after = new TableStore({ connectionString: second.connectionString });
      return summary(acked, await rowKeys(after), killedAt);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(location, { recursive: true, force: true });
  }
}

async function journaled(writeMs: number, writers: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pm-bench-durability-'));
  const store = await openStore({ dataDir, exclusive: true, log: () => {}, restartDelayMs: 50 });
  try {
    const acked = await writeFor(store.tables, writeMs, writers);
    const killedAt = Date.now();
    const azurite = store.azurite;
    process.kill(azurite?.pid as number, 'SIGKILL');
    await azurite?.exited;
    // The supervisor restarts Azurite and replays the journal; the store answers again after.
    while (store.tables.suspended || !(await store.tables.ping()))
      await new Promise((r) => setTimeout(r, 20));
    const recoveredMs = Date.now() - killedAt;
    return { ...summary(acked, await rowKeys(store.tables), killedAt), recoveredMs };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function writeFor(tables: TableStore, writeMs: number, writers: number): Promise<Acked[]> {
  const acked: Acked[] = [];
  const until = Date.now() + writeMs;
  let n = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (Date.now() < until) {
        const rowKey = String(n++).padStart(8, '0');
        await tables.upsert('records', {
          partitionKey: 'bench',
          rowKey,
          json: JSON.stringify({ n: rowKey }),
        });
        acked.push({ rowKey, at: Date.now() });
      }
    }),
  );
  return acked;
}

async function rowKeys(tables: TableStore): Promise<Set<string>> {
  return new Set((await tables.list('records', 'bench').catch(() => [])).map((e) => e.rowKey));
}

function summary(acked: Acked[], present: Set<string>, killedAt: number) {
  const lost = acked.filter((a) => !present.has(a.rowKey));
  const first = lost.reduce((min, a) => Math.min(min, a.at), Number.POSITIVE_INFINITY);
  return {
    acknowledged: acked.length,
    writesPerSecond: round(
      (acked.length / ((acked[acked.length - 1]?.at ?? killedAt) - (acked[0]?.at ?? 0))) * 1000,
    ),
    lost: lost.length,
    // How long before the kill the oldest lost write was acknowledged.
    windowMs: lost.length > 0 ? killedAt - first : 0,
  };
}
