// `/scorecard` at any history size: ten suppliers with five years of sessions in Azurite, the
// command answered from the stored scorecard (p50/p99), against scoring the same scorecard from the
// records each time (what `/scorecard` did before), in the same run.
import { ManualClock } from '../src/clock.ts';
import { parsePeriod } from '../src/domain/periods.ts';
import type { Records } from '../src/domain/records.ts';
import { handleCommand } from '../src/flows/commands.ts';
import { Core } from '../src/flows/core.ts';
import { importRecordsFile } from '../src/flows/import-records.ts';
import { computeScorecard } from '../src/flows/scorecard-read.ts';
import { startAzurite } from '../src/store/azurite.ts';
import { RecordsStore } from '../src/store/records-store.ts';
import { TableStore } from '../src/store/tables.ts';
import { baseRecords } from '../test/support/records.ts';
import { percentile, round } from './stats.ts';

const SUPPLIERS = 10;
const YEARS = 5;
/** Sessions per supplier and year: LEF's busiest supplier has a few hundred. */
const PER_YEAR = 250;

export function history(): Records {
  const records = baseRecords();
  records.contract.startDate = '2022-01-01';
  records.suppliers = [];
  records.people = records.people.filter((p) => p.supplier === undefined);
  for (let s = 1; s <= SUPPLIERS; s++) {
    records.suppliers.push({ id: `s${s}`, name: `Leverancier ${s} BV` });
    for (const f of [1, 2])
      records.people.push({
        id: `f${s}-${f}`,
        name: `Facilitator ${s}.${f}`,
        roles: ['facilitator'],
        supplier: `s${s}`,
        onboardedOn: '2021-12-01',
      });
  }
  const first = Date.parse('2022-01-03T09:00:00+01:00');
  const span = YEARS * 365 * 86_400_000 - 40 * 86_400_000;
  const perSupplier = PER_YEAR * YEARS;
  for (let s = 1; s <= SUPPLIERS; s++) {
    for (let n = 0; n < perSupplier; n++) {
      const begin = new Date(first + Math.floor((span * n) / perSupplier) + s * 3_600_000);
      const end = new Date(begin.getTime() + 3 * 3_600_000);
      const answered = new Date(end.getTime() + 86_400_000).toISOString();
      const id = `s${s}-ses${n}`;
      const facilitator = `f${s}-${1 + (n % 2)}`;
      records.clientRequests.push({
        id: `s${s}-req${n}`,
        supplier: `s${s}`,
        date: begin.toISOString().slice(0, 10),
        requestedFacilitators: 2,
        registration: { by: 'rm1', at: answered, suitableProposed: 2, returned: false, motivation: 'ok' },
      });
      records.sessions.push({
        id,
        supplier: `s${s}`,
        request: `s${s}-req${n}`,
        start: begin.toISOString(),
        end: end.toISOString(),
        facilitators: [facilitator],
        relationshipManager: 'rm1',
        internalClient: 'ic1',
      });
      const yes = (n + s) % 29 !== 0;
      records.evaluations.push(
        {
          session: id,
          respondent: 'rm1',
          role: 'relationshipManager',
          submittedAt: answered,
          lefApplied: yes,
          lefExplanation: 'Toegepast',
        },
        {
          session: id,
          respondent: 'ic1',
          role: 'internalClient',
          submittedAt: answered,
          impact: true,
          impactExplanation: 'Doelen behaald',
        },
      );
    }
  }
  return records;
}

export async function samples(runs: number, work: () => Promise<unknown>) {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    out.push(performance.now() - started);
  }
  const sorted = out.sort((a, b) => a - b);
  return { runs, p50Ms: round(percentile(sorted, 0.5)), p99Ms: round(percentile(sorted, 0.99)) };
}

export async function benchScorecard(): Promise<Record<string, unknown>> {
  const azurite = await startAzurite();
  try {
    const tables = new TableStore({ connectionString: azurite.connectionString });
    await tables.ensureTables();
    const store = new RecordsStore(tables);
    const records = history();
    const clock = new ManualClock(Date.parse('2026-11-20T10:00:00+01:00'));
    const importStarted = performance.now();
    await importRecordsFile({ tables, records: store }, records, clock);
    const importMs = round(performance.now() - importStarted);
    const core = new Core({ contract: 'c1', clock, tables, records: store, channels: [] });
    const period = parsePeriod('2026-H2');
    if (!period) throw new Error('period');

    const firstStarted = performance.now();
    const [firstCard] = await handleCommand(core, 'cm1', 'scorecard s4');
    const firstReadMs = round(performance.now() - firstStarted);
    if (firstCard?.kind !== 'scorecard') throw new Error('no scorecard');
    await handleCommand(core, 'cm1', 'scorecard'); // every supplier's row stored

    const oneSupplier = await samples(300, () => handleCommand(core, 'cm1', 'scorecard s4'));
    const allSuppliers = await samples(100, () => handleCommand(core, 'cm1', 'scorecard'));
    const scoredEachTime = await samples(30, () => computeScorecard(core, 's4', period));
    return {
      name: `/scorecard from the store: ${SUPPLIERS} suppliers, ${YEARS} years, ${records.sessions.length} sessions, ${records.evaluations.length} evaluations`,
      importMs,
      firstReadScoredAndStoredMs: firstReadMs,
      oneSupplierFromStore: oneSupplier,
      allTenSuppliersFromStore: allSuppliers,
      baselineOneSupplierScoredFromRecords: scoredEachTime,
      check: firstCard.scorecard.kpis.slice(0, 3).map((k) => `${k.id}:${k.status}`),
    };
  } finally {
    await azurite.stop();
  }
}
