// Builders for small, valid records documents: each test states only what it is about.
import type { Records } from '../../src/domain/records.ts';
import { parseRecords } from '../../src/domain/validate.ts';

export function baseRecords(): Records {
  return {
    contract: { id: 'c1', framework: 'lef', startDate: '2026-01-01', assessment: 'half-year' },
    suppliers: [
      { id: 's1', name: 'Facilitators BV' },
      { id: 's2', name: 'Andere BV' },
    ],
    people: [
      { id: 'f1', name: 'Fenna', roles: ['facilitator'], supplier: 's1', onboardedOn: '2026-01-10' },
      { id: 'f2', name: 'Frits', roles: ['facilitator'], supplier: 's1', onboardedOn: '2026-01-10' },
      { id: 'g1', name: 'Gijs', roles: ['facilitator'], supplier: 's2', onboardedOn: '2026-01-10' },
      { id: 'rm1', name: 'Rik', roles: ['relationshipManager'] },
      { id: 'ic1', name: 'Iris', roles: ['internalClient'] },
      { id: 'cm1', name: 'Carla', roles: ['contractManager', 'manager'] },
      { id: 'lt1', name: 'Lotte', roles: ['lefTeam'] },
      { id: 'lt2', name: 'Luuk', roles: ['lefTeam'] },
      { id: 'lt3', name: 'Lies', roles: ['lefTeam'] },
      { id: 'sc1', name: 'Sam', roles: ['supplierContact'], supplier: 's1' },
    ],
    clientRequests: [],
    sessions: [],
    evaluations: [],
    lefDays: [],
    surveyRounds: [],
    reports: [],
    socialReturn: [],
    findings: [],
  };
}

/**
 * Supplier s1 alone, with KPI 7 green (the plan of approach in, social return 3% of revenue): what
 * the tests of one supplier's findings start from. Not validated: a test changes it first.
 */
export function s1Alone(): Records {
  const r = baseRecords();
  r.socialReturn = [
    {
      supplier: 's1',
      planSubmittedOn: '2026-03-01',
      figures: [{ upTo: '2026-06-30', revenue: 100_000, sroiValue: 3_000 }],
    },
  ];
  r.suppliers = r.suppliers.filter((s) => s.id === 's1');
  r.people = r.people.filter((p) => p.supplier === undefined || p.supplier === 's1');
  return r;
}

/** Validates, so that a test never scores records the product would refuse. */
export function valid(records: Records): Records {
  const parsed = parseRecords(records);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.text.en}`).join('\n'));
  return parsed.records;
}

export function addRequests(records: Records, count: number, passing: number, date = '2026-03-02'): void {
  for (let n = 0; n < count; n++) {
    records.clientRequests.push({
      id: `r${records.clientRequests.length + 1}`,
      supplier: 's1',
      date,
      requestedFacilitators: 2,
      registration: {
        by: 'rm1',
        at: `${date}T12:00:00+01:00`,
        suitableProposed: n < passing ? 2 : 1,
        returned: false,
        motivation: 'passende profielen',
      },
    });
  }
}

export interface SessionSpec {
  id?: string;
  day?: string;
  facilitators?: string[];
}

/** A session of s1 on a day from 09:00 to 12:00 (CET in winter dates used here). */
export function addSession(records: Records, spec: SessionSpec = {}): string {
  const id = spec.id ?? `ses${records.sessions.length + 1}`;
  const day = spec.day ?? '2026-03-02';
  records.sessions.push({
    id,
    supplier: 's1',
    start: `${day}T09:00:00+01:00`,
    end: `${day}T12:00:00+01:00`,
    facilitators: spec.facilitators ?? ['f1'],
    relationshipManager: 'rm1',
    internalClient: 'ic1',
  });
  return id;
}

/** All three roles answer yes with an explanation. */
export function answerAll(records: Records, session: string, at = '2026-03-03T10:00:00+01:00'): void {
  const s = records.sessions.find((x) => x.id === session);
  if (!s) throw new Error(session);
  records.evaluations.push(
    {
      session,
      respondent: 'rm1',
      role: 'relationshipManager',
      submittedAt: at,
      lefApplied: true,
      lefExplanation: 'ja',
    },
    {
      session,
      respondent: 'ic1',
      role: 'internalClient',
      submittedAt: at,
      impact: true,
      impactExplanation: 'ja',
    },
    ...s.facilitators.map((f) => ({
      session,
      respondent: f,
      role: 'facilitator' as const,
      submittedAt: at,
      lefApplied: true,
      lefExplanation: 'ja',
      impact: true,
      impactExplanation: 'ja',
    })),
  );
}
