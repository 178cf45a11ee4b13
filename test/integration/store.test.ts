// The store against a real Azurite (in memory, free port), started here.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import type { CommandIo } from '../../src/commands/io.ts';
import { parsePeriod } from '../../src/domain/periods.ts';
import type { Records } from '../../src/domain/records.ts';
import { prepare, scoreSupplier } from '../../src/domain/scoring.ts';
import { parseRecords } from '../../src/domain/validate.ts';
import { type StoredSession, sessionEntity, updateSession } from '../../src/store/activity.ts';
import { type EmbeddedAzurite, startAzurite } from '../../src/store/azurite.ts';
import { StoreError } from '../../src/store/errors.ts';
import { RecordsStore } from '../../src/store/records-store.ts';
import { key, TableStore } from '../../src/store/tables.ts';

const demo = (): Records => {
  const parsed = parseRecords(JSON.parse(readFileSync('examples/demo-records.json', 'utf8')));
  if (!parsed.ok) throw new Error('demo invalid');
  return parsed.records;
};

/** Records with every collection in a canonical order, for comparing what was imported and exported. */
function canonical(records: Records) {
  const sort = (list: unknown[]) => list.map((x) => JSON.stringify(sortKeys(x))).sort();
  return Object.fromEntries(
    Object.entries(records).map(([k, v]) => [k, Array.isArray(v) ? sort(v) : JSON.stringify(sortKeys(v))]),
  );
}
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

let azurite: EmbeddedAzurite;
let prefix = 0;
/** A fresh set of tables on the shared Azurite. */
async function freshStore(): Promise<{ tables: TableStore; records: RecordsStore }> {
  prefix += 1;
  const tables = new TableStore({ connectionString: azurite.connectionString, tablePrefix: `t${prefix}` });
  await tables.ensureTables();
  return { tables, records: new RecordsStore(tables) };
}

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

describe('records in the store', () => {
  it('gives back on export exactly the records imported, and the same scorecards', async () => {
    const { records: store } = await freshStore();
    const input = demo();
    const first = await store.importRecords(input);
    expect(first.written).toBeGreaterThan(100);
    const exported = await store.exportRecords('lef-2026');
    expect(canonical(exported)).toEqual(canonical(input));
    expect(parseRecords(exported).ok).toBe(true);

    const period = parsePeriod('2026-H1');
    const asOf = Date.parse('2026-08-01T00:00:00+02:00');
    for (const supplier of ['fbv', 'pco']) {
      const fromStore = await store.loadForScoring(
        'lef-2026',
        period as NonNullable<typeof period>,
        supplier,
      );
      expect(scoreSupplier(prepare(fromStore), { supplier, period, asOf })).toEqual(
        scoreSupplier(prepare(input), { supplier, period, asOf }),
      );
    }
  });

  it('changes nothing when the same file is imported again', async () => {
    const { tables, records: store } = await freshStore();
    await store.importRecords(demo());
    const before = await tables.listByPartitionPrefix('activity', 'lef-2026|');
    const again = await store.importRecords(demo());
    expect(again).toEqual({ written: 0, unchanged: again.unchanged });
    expect(again.unchanged).toBeGreaterThan(100);
    const after = await tables.listByPartitionPrefix('activity', 'lef-2026|');
    expect(after.map((e) => e.etag)).toEqual(before.map((e) => e.etag));
  });

  it('keeps answers given in the store when an older file is imported over them', async () => {
    const { tables, records: store } = await freshStore();
    await store.importRecords(demo());
    const pk = key('lef-2026', 'pco', '2026-H1');
    await updateSession(tables, pk, 'pco-04', (current) => ({
      ...current,
      evaluations: [
        ...current.evaluations,
        {
          session: 'pco-04',
          respondent: 'rik',
          role: 'relationshipManager',
          submittedAt: '2026-03-01T10:00:00+01:00',
          lefApplied: true,
          lefExplanation: 'Herzien: toch toegepast',
        },
      ],
    }));
    await store.importRecords(demo());
    const exported = await store.exportRecords('lef-2026');
    expect(exported.evaluations.filter((e) => e.session === 'pco-04' && e.respondent === 'rik')).toHaveLength(
      2,
    );
  });
});

describe('concurrency and idempotency', () => {
  it('lets one of two writers racing on the same session win and gives the other a conflict', async () => {
    const { tables, records: store } = await freshStore();
    await store.importRecords(demo());
    const pk = key('lef-2026', 'fbv', '2026-H1');
    const read = await tables.get('activity', pk, 'session|fbv-02');
    if (!read) throw new Error('setup');
    const stored = JSON.parse(read.json) as StoredSession;
    const write = (explanation: string) =>
      tables.replace(
        'activity',
        sessionEntity(pk, {
          ...stored,
          evaluations: [
            ...stored.evaluations,
            { ...stored.evaluations[0], lefExplanation: explanation } as StoredSession['evaluations'][number],
          ],
        }),
        read.etag,
      );
    const results = await Promise.allSettled([write('eerste'), write('tweede')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(StoreError);
    expect((rejected.reason as StoreError).kind).toBe('conflict');
    expect((rejected.reason as StoreError).userMessage('nl')).toBe(
      'Iemand anders wijzigde dit tegelijk; probeer het opnieuw.',
    );
    const after = JSON.parse(
      (await tables.get('activity', pk, 'session|fbv-02'))?.json ?? '{}',
    ) as StoredSession;
    expect(after.evaluations).toHaveLength(stored.evaluations.length + 1);
  });

  it('retries a conflicting update on fresh data, so both racing answers are kept', async () => {
    const { tables, records: store } = await freshStore();
    await store.importRecords(demo());
    const pk = key('lef-2026', 'fbv', '2026-H1');
    const answer = (respondent: string) => (current: StoredSession) => ({
      ...current,
      evaluations: [
        ...current.evaluations,
        {
          session: 'fbv-03',
          respondent,
          role: 'facilitator' as const,
          submittedAt: '2026-02-20T10:00:00+01:00',
          lefApplied: true,
          impact: true,
        },
      ],
    });
    await Promise.all([
      updateSession(tables, pk, 'fbv-03', answer('a')),
      updateSession(tables, pk, 'fbv-03', answer('b')),
    ]);
    const after = JSON.parse(
      (await tables.get('activity', pk, 'session|fbv-03'))?.json ?? '{}',
    ) as StoredSession;
    expect(
      after.evaluations
        .map((e) => e.respondent)
        .slice(-2)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('refuses a duplicate create of a finding, and a change on a version that is not the stored one', async () => {
    const { records: store } = await freshStore();
    await store.importRecords(demo());
    const finding = { supplier: 'fbv', period: '2026-H2', kpi: 'KPI3', foundAt: '2026-09-01T08:00:00+02:00' };
    await store.writeFindings('lef-2026', [{ finding }]);
    await expect(
      store.writeFindings('lef-2026', [{ finding: { ...finding, foundAt: '2026-10-01T08:00:00+02:00' } }]),
    ).rejects.toMatchObject({ kind: 'exists' });
    const [stored] = await store.findingsOf('lef-2026', 'fbv', '2026-H2');
    if (!stored) throw new Error('no finding');
    // A change is written only on the version it was read from.
    const resolved = { ...finding, resolvedAt: '2026-10-02T08:00:00+02:00' };
    await store.writeFindings('lef-2026', [{ finding: resolved, etag: stored.etag }]);
    await expect(
      store.writeFindings('lef-2026', [{ finding: { ...finding, kpi: 'KPI3' }, etag: stored.etag }]),
    ).rejects.toMatchObject({ kind: 'conflict' });
    const exported = await store.exportRecords('lef-2026');
    expect(exported.findings.filter((f) => f.period === '2026-H2')).toEqual([resolved]);
  });
});

describe('the import and export commands', () => {
  function io() {
    const out: string[] = [];
    const err: string[] = [];
    const channel: CommandIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      now: () => Date.parse('2026-08-01T00:00:00+02:00'),
    };
    return { channel, out, err };
  }

  it('imports nothing from a broken file and names what is wrong', async () => {
    const { records: store } = await freshStore();
    await store.importRecords(demo());
    const before = canonical(await store.exportRecords('lef-2026'));
    const dir = mkdtempSync(join(tmpdir(), 'pm-'));
    const broken = JSON.parse(readFileSync('examples/demo-records.json', 'utf8'));
    broken.sessions[0].facilitators = ['nobody'];
    broken.people.push({ id: 'new-person', name: 'Nieuw', roles: ['lefTeam'] });
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const { channel, err } = io();
    const previous = process.env.STORAGE_CONNECTION_STRING;
    process.env.STORAGE_CONNECTION_STRING = azurite.connectionString;
    try {
      expect(await runCli(['import', '--records', join(dir, 'broken.json')], channel)).toBe(2);
    } finally {
      if (previous === undefined) delete process.env.STORAGE_CONNECTION_STRING;
      else process.env.STORAGE_CONNECTION_STRING = previous;
    }
    expect(err).toEqual([
      'sessions[0].facilitators[0]: onbekende persoon "nobody"',
      'evaluations[1].respondent: "joris" is niet de facilitator van sessie "fbv-01"',
    ]);
    expect(canonical(await store.exportRecords('lef-2026'))).toEqual(before);
  });
});

describe('when the store stops answering', () => {
  it('gives a typed error mid-import, leaves a valid store, and a second import completes it', async () => {
    const location = mkdtempSync(join(tmpdir(), 'pm-azurite-'));
    let own = await startAzurite({ location, whenRunning: 'ignore' });
    try {
      const tables = new TableStore({ connectionString: own.connectionString });
      await tables.ensureTables();
      // Stop Azurite for real right after the first transaction (the contract, suppliers and people).
      let transactions = 0;
      const original = tables.transact.bind(tables);
      tables.transact = async (table, actions) => {
        await original(table, actions);
        transactions += 1;
        if (transactions === 1) await own.stop();
      };
      const error = await new RecordsStore(tables).importRecords(demo()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).kind).toBe('unavailable');
      expect((error as StoreError).userMessage('nl')).toBe('Kon niet opslaan, probeer het zo opnieuw.');

      own = await startAzurite({ location, whenRunning: 'ignore' });
      const restarted = new RecordsStore(new TableStore({ connectionString: own.connectionString }));
      const partial = await restarted.exportRecords('lef-2026');
      // What was written is whole and consistent: the parents, and no session without its people.
      expect(partial.people).toHaveLength(demo().people.length);
      expect(partial.sessions).toHaveLength(0);
      expect(parseRecords(partial).ok).toBe(true);
      await restarted.importRecords(demo());
      expect(canonical(await restarted.exportRecords('lef-2026'))).toEqual(canonical(demo()));
    } finally {
      await own.stop();
    }
  });

  it('gives a typed error for an answer while the store is down, and writes no partial answer', async () => {
    const location = mkdtempSync(join(tmpdir(), 'pm-azurite-'));
    let own = await startAzurite({ location, whenRunning: 'ignore' });
    try {
      const tables = new TableStore({ connectionString: own.connectionString });
      await tables.ensureTables();
      await new RecordsStore(tables).importRecords(demo());
      const pk = key('lef-2026', 'fbv', '2026-H1');
      const before = await tables.get('activity', pk, 'session|fbv-05');
      await own.stop();
      const error = await updateSession(tables, pk, 'fbv-05', (s) => ({ ...s, evaluations: [] })).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).kind).toBe('unavailable');
      own = await startAzurite({ location, whenRunning: 'ignore' });
      const after = await new TableStore({ connectionString: own.connectionString }).get(
        'activity',
        pk,
        'session|fbv-05',
      );
      expect(after?.json).toBe(before?.json);
    } finally {
      await own.stop();
    }
  });
});
