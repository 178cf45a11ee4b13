// The records file's validation: every wrong field named by its path, nothing accepted half.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssues, parseRecords } from '../../src/domain/validate.ts';
import { baseRecords } from '../support/records.ts';

function problems(input: unknown, lang: 'nl' | 'en' = 'en'): string[] {
  const parsed = parseRecords(input);
  return parsed.ok ? [] : formatIssues(parsed.issues, lang);
}

describe('records validation', () => {
  it('accepts the demo records', () => {
    const demo = JSON.parse(readFileSync('examples/demo-records.json', 'utf8'));
    expect(problems(demo)).toEqual([]);
  });

  it('names a bad date-time by its path', () => {
    const records = baseRecords() as unknown as { sessions: unknown[] };
    records.sessions.push({
      id: 's',
      supplier: 's1',
      start: '2026-03-02T09:00:00+01:00',
      end: '2 maart',
      facilitators: ['f1'],
      relationshipManager: 'rm1',
      internalClient: 'ic1',
    });
    expect(problems(records)).toEqual([
      'sessions[0].end: expected an ISO date-time with an offset (2026-04-20T12:00:00+02:00)',
    ]);
    expect(problems(records, 'nl')[0]).toMatch(/^sessions\[0\]\.end: verwacht een ISO-datum-tijd/);
  });

  it('rejects unknown fields at their own path, and missing ones', () => {
    const records = baseRecords() as unknown as Record<string, unknown> & {
      contract: Record<string, unknown>;
    };
    records.contract.startdate = '2026-01-01';
    delete records.contract.startDate;
    records.extra = true;
    expect(problems(records).sort()).toEqual([
      'contract.startDate: missing (required field)',
      'contract.startdate: unknown field',
      'extra: unknown field',
    ]);
  });

  it('checks every reference, and that it makes sense', () => {
    const records = baseRecords();
    records.sessions.push({
      id: 's',
      supplier: 's1',
      start: '2026-03-02T09:00:00+01:00',
      end: '2026-03-02T12:00:00+01:00',
      facilitators: ['nobody', 'g1', 'rm1'],
      relationshipManager: 'ic1',
      internalClient: 'ic1',
    });
    records.evaluations.push({
      session: 's',
      respondent: 'f2',
      role: 'facilitator',
      submittedAt: '2026-03-03T10:00:00+01:00',
      lefApplied: true,
      impact: true,
    });
    records.findings.push({
      supplier: 's1',
      period: '2026-H3',
      kpi: 'KPI9',
      foundAt: '2026-03-03T10:00:00+01:00',
    });
    expect(problems(records)).toEqual([
      'sessions[0].facilitators[0]: unknown person "nobody"',
      'sessions[0].facilitators[1]: "g1" does not belong to supplier "s1"',
      'sessions[0].facilitators[2]: "rm1" does not hold the role facilitator',
      'sessions[0].relationshipManager: "ic1" does not hold the role relationshipManager',
      'evaluations[0].respondent: "f2" is not the facilitator of session "s"',
      'findings[0].period: expected a period such as 2026-H1 or 2026-Q3, not "2026-H3"',
      'findings[0].kpi: unknown KPI "KPI9"',
    ]);
  });

  it('checks survey responses against the round and the framework questions', () => {
    const records = baseRecords();
    records.surveyRounds.push({
      id: 'sv',
      supplier: 's1',
      opensOn: '2026-06-01',
      closesOn: '2026-05-01',
      respondents: ['cm1', 'sc1'],
      responses: [
        {
          respondent: 'lt1',
          side: 'client',
          submittedAt: '2026-06-02T10:00:00+02:00',
          answers: { collaboration: 'c', feedback: 'c' },
        },
        {
          respondent: 'sc1',
          side: 'client',
          submittedAt: '2026-06-02T10:00:00+02:00',
          answers: { collaboration: 'c', tone: 'b' },
        },
      ],
    });
    expect(problems(records)).toEqual([
      'surveyRounds[0].closesOn: closes before it opens',
      'surveyRounds[0].responses[0].respondent: "lt1" is not a respondent of this round',
      'surveyRounds[0].responses[1].side: "sc1" answers on the supplier side',
      'surveyRounds[0].responses[1].answers.tone: unknown question "tone"',
      'surveyRounds[0].responses[1].answers: answer to "feedback" is missing',
    ]);
  });

  it('rejects an unknown framework, time zone, duplicate ids and a report that is not a half-year', () => {
    const records = baseRecords();
    records.contract.framework = 'gemeente';
    records.contract.timeZone = 'Europe/Voorschoten';
    records.people.push({ id: 'f1', name: 'Dubbel', roles: ['lefTeam'] });
    records.reports.push({ supplier: 's1', covers: '2026-Q1' });
    expect(problems(records)).toEqual([
      'contract.framework: unknown KPI framework "gemeente"',
      'contract.timeZone: unknown time zone "Europe/Voorschoten"',
      'people[10].id: id "f1" is used more than once',
      'reports[0].covers: expected a half-year such as 2026-H1, not "2026-Q1"',
    ]);
  });

  it('names a bad evaluation role and a wrong type', () => {
    const records = baseRecords() as unknown as Record<string, unknown[]>;
    records.evaluations?.push({
      session: 's',
      respondent: 'x',
      role: 'boss',
      submittedAt: '2026-03-03T10:00:00+01:00',
    });
    records.suppliers?.push({ id: 7, name: 'Zeven' });
    const found = problems(records);
    expect(found).toContain('suppliers[2].id: expected a string');
    expect(found).toContain(
      'evaluations[0].role: expected one of: "relationshipManager", "internalClient", "facilitator"',
    );
  });
});
