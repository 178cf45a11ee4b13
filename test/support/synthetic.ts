// Large synthetic records for benchmarks: N sessions over one half-year, each with its three evaluations.
import type { Records } from '../../src/domain/records.ts';
import { baseRecords } from './records.ts';

export function syntheticRecords(sessionCount: number): Records {
  const records = baseRecords();
  const start = Date.parse('2026-01-05T09:00:00+01:00');
  const span = Date.parse('2026-06-20T09:00:00+02:00') - start;
  for (let n = 0; n < sessionCount; n++) {
    const supplier = n % 2 === 0 ? 's1' : 's2';
    const facilitator = supplier === 's1' ? (n % 4 === 0 ? 'f1' : 'f2') : 'g1';
    const begin = new Date(start + Math.floor((span * n) / sessionCount));
    const end = new Date(begin.getTime() + 3 * 3600_000);
    const answered = new Date(end.getTime() + 24 * 3600_000).toISOString();
    const id = `ses${n}`;
    records.clientRequests.push({
      id: `req${n}`,
      supplier,
      date: begin.toISOString().slice(0, 10),
      requestedFacilitators: 2,
      registration: { by: 'rm1', at: answered, suitableProposed: 2, returned: false, motivation: 'ok' },
    });
    records.sessions.push({
      id,
      supplier,
      request: `req${n}`,
      start: begin.toISOString(),
      end: end.toISOString(),
      facilitators: [facilitator],
      relationshipManager: 'rm1',
      internalClient: 'ic1',
    });
    const yes = n % 37 !== 0;
    records.evaluations.push(
      {
        session: id,
        respondent: 'rm1',
        role: 'relationshipManager',
        submittedAt: answered,
        lefApplied: yes,
        lefExplanation: 'Toegepast met de LEF-werkvormen',
      },
      {
        session: id,
        respondent: 'ic1',
        role: 'internalClient',
        submittedAt: answered,
        impact: true,
        impactExplanation: 'Doelen behaald',
      },
      {
        session: id,
        respondent: facilitator,
        role: 'facilitator',
        submittedAt: answered,
        lefApplied: yes,
        lefExplanation: 'Ja',
        impact: true,
        impactExplanation: 'Ja',
      },
    );
  }
  return records;
}
