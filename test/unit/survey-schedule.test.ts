// The survey schedule of the records (`contract.survey`): the rounds it asks for, and the plan's
// bounds (at least each half-year, at most each quarter) refused with the reason.
import { describe, expect, it } from 'vitest';
import { occurrencesUpTo, type SurveySchedule } from '../../src/domain/survey-schedule.ts';
import { formatIssues, parseRecords } from '../../src/domain/validate.ts';
import { baseRecords } from '../support/records.ts';

const halfYear: SurveySchedule = {
  cadence: 'half-year',
  opensDaysBeforePeriodEnd: 14,
  openDays: 21,
  clientRespondents: ['cm1', 'lt1'],
};

function problems(survey: unknown, lang: 'nl' | 'en' = 'en'): string[] {
  const records = baseRecords() as unknown as { contract: Record<string, unknown> };
  records.contract.survey = survey;
  const parsed = parseRecords(records);
  return parsed.ok ? [] : formatIssues(parsed.issues, lang);
}

describe('the survey schedule', () => {
  it('asks for a round per supplier per half-year, opening 14 days before the end and open 21 days', () => {
    const rounds = occurrencesUpTo(halfYear, ['s1', 's2'], '2026-01-01', '2027-06-30');
    expect(rounds).toEqual([
      { id: 's1-2026-H1', supplier: 's1', period: '2026-H1', opensOn: '2026-06-17', closesOn: '2026-07-07' },
      { id: 's2-2026-H1', supplier: 's2', period: '2026-H1', opensOn: '2026-06-17', closesOn: '2026-07-07' },
      { id: 's1-2026-H2', supplier: 's1', period: '2026-H2', opensOn: '2026-12-18', closesOn: '2027-01-07' },
      { id: 's2-2026-H2', supplier: 's2', period: '2026-H2', opensOn: '2026-12-18', closesOn: '2027-01-07' },
      { id: 's1-2027-H1', supplier: 's1', period: '2027-H1', opensOn: '2027-06-17', closesOn: '2027-07-07' },
      { id: 's2-2027-H1', supplier: 's2', period: '2027-H1', opensOn: '2027-06-17', closesOn: '2027-07-07' },
    ]);
  });

  it('stops at the day given, and skips a round that would open before the contract started', () => {
    const quarter = { ...halfYear, cadence: 'quarter', opensDaysBeforePeriodEnd: 10, openDays: 7 };
    const rounds = occurrencesUpTo(quarter, ['s1'], '2026-03-25', '2026-12-21');
    // 2026-Q1 would open on 22 March, before the start on 25 March; 2026-Q4 opens on 22 December.
    expect(rounds?.map((r) => `${r.id} ${r.opensOn}..${r.closesOn}`)).toEqual([
      's1-2026-Q2 2026-06-21..2026-06-27',
      's1-2026-Q3 2026-09-21..2026-09-27',
    ]);
  });

  it('accepts a half-yearly and a quarterly schedule', () => {
    expect(problems(halfYear)).toEqual([]);
    expect(problems({ ...halfYear, cadence: 'quarter' })).toEqual([]);
  });

  it('refuses a yearly schedule as too rare, and a monthly one as too frequent, with the reason', () => {
    expect(problems({ ...halfYear, cadence: 'year' })).toEqual([
      'contract.survey.cadence: "year" is too rare: the test plan asks for a survey at least every half-year (choose half-year or quarter)',
    ]);
    expect(problems({ ...halfYear, cadence: 'jaarlijks' }, 'nl')).toEqual([
      'contract.survey.cadence: "jaarlijks" is te zelden: het toetsplan vraagt minstens elk halfjaar een enquête (kies half-year of quarter)',
    ]);
    expect(problems({ ...halfYear, cadence: 'monthly' })).toEqual([
      'contract.survey.cadence: "monthly" is too frequent: the test plan asks for a survey at most every quarter (choose half-year or quarter)',
    ]);
    expect(occurrencesUpTo({ ...halfYear, cadence: 'year' }, ['s1'], '2026-01-01', '2030-01-01')).toBe(
      undefined,
    );
  });

  it('refuses a round that would open in the period before, supplier people as client side, and unknown people', () => {
    expect(problems({ ...halfYear, cadence: 'quarter', opensDaysBeforePeriodEnd: 120 })).toEqual([
      'contract.survey.opensDaysBeforePeriodEnd: 120 days is too early: the round would open before the period it is about (at most 90)',
    ]);
    expect(problems({ ...halfYear, clientRespondents: ['cm1', 'sc1', 'nobody'] })).toEqual([
      'contract.survey.clientRespondents[1]: "sc1" works for a supplier; only the client\'s people belong here',
      'contract.survey.clientRespondents[2]: unknown person "nobody"',
    ]);
  });
});
