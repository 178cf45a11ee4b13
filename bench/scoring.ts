// Scoring 10,000 sessions with all their evaluations: validation, indexing and the scorecards.
import { parsePeriod } from '../src/domain/periods.ts';
import { prepare, scoreSupplier } from '../src/domain/scoring.ts';
import { parseRecords } from '../src/domain/validate.ts';
import { syntheticRecords } from '../test/support/synthetic.ts';
import { time } from './stats.ts';

export async function benchScoring(): Promise<Record<string, unknown>> {
  const records = syntheticRecords(10_000);
  const asOf = Date.parse('2026-07-15T00:00:00+02:00');
  const period = parsePeriod('2026-H1');
  const parse = await time(5, () => {
    if (!parseRecords(JSON.parse(JSON.stringify(records))).ok) throw new Error('synthetic records invalid');
  });
  const score = await time(10, () => {
    const context = prepare(records);
    for (const supplier of ['s1', 's2']) scoreSupplier(context, { supplier, period, asOf });
  });
  const card = scoreSupplier(prepare(records), { supplier: 's1', period, asOf }).scorecard;
  return {
    name: 'scoring 10,000 sessions (30,000 evaluations), both suppliers',
    validateRecordsFile: parse,
    scoreBothSuppliers: score,
    check: card.kpis.slice(0, 3).map((k) => `${k.id}:${k.status}`),
  };
}
