// The store at the benchmark size: import 10,000 sessions (30,000 evaluations) into Azurite, then
// read and score one supplier's half-year (5,000 sessions) from it.
import { parsePeriod } from '../src/domain/periods.ts';
import { prepare, scoreSupplier } from '../src/domain/scoring.ts';
import { startAzurite } from '../src/store/azurite.ts';
import { RecordsStore } from '../src/store/records-store.ts';
import { TableStore } from '../src/store/tables.ts';
import { syntheticRecords } from '../test/support/synthetic.ts';
import { time } from './stats.ts';

export async function benchStore(): Promise<Record<string, unknown>> {
  return {
    ...(await benchStoreAt(10_000, { importToo: true })),
    // LEF's real volume is a few hundred sessions per supplier and half-year.
    realistic: await benchStoreAt(1_000, { importToo: false }),
  };
}

async function benchStoreAt(
  sessions: number,
  options: { importToo: boolean },
): Promise<Record<string, unknown>> {
  const azurite = await startAzurite();
  try {
    const tables = new TableStore({ connectionString: azurite.connectionString });
    await tables.ensureTables();
    const store = new RecordsStore(tables);
    const records = syntheticRecords(sessions);
    const importTiming = await time(1, () => store.importRecords(records));
    const reimport = options.importToo ? await time(1, () => store.importRecords(records)) : undefined;
    const period = parsePeriod('2026-H1');
    if (!period) throw new Error('period');
    const asOf = Date.parse('2026-07-15T00:00:00+02:00');
    const scorecard = await time(10, async () => {
      const loaded = await store.loadForScoring(records.contract.id, period, 's1');
      return scoreSupplier(prepare(loaded), { supplier: 's1', period, asOf });
    });
    return {
      name: `store (Azurite in memory): ${sessions} sessions, ${sessions * 3} evaluations, two suppliers`,
      importAll: importTiming,
      ...(reimport ? { reimportUnchanged: reimport } : {}),
      scorecardFromStoreOneSupplierHalfYear: scorecard,
    };
  } finally {
    await azurite.stop();
  }
}
