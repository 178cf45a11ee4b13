// Every rule of SCORING.md, each at its edges.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/periods.ts';
import type { Records } from '../../src/domain/records.ts';
import {
  isAtRisk,
  type KpiResult,
  lowerMedian,
  prepare,
  type RatioResult,
  type Scorecard,
  type SocialReturnResult,
  type SurveyResult,
  scoreSupplier,
} from '../../src/domain/scoring.ts';
import { parseInstant } from '../../src/domain/time.ts';
import { isClosedAt } from '../../src/domain/windows.ts';
import { addRequests, addSession, answerAll, baseRecords, valid } from '../support/records.ts';

function score(records: Records, asOf: string, period = '2026-H1', supplier = 's1') {
  return scoreSupplier(prepare(valid(records)), {
    supplier,
    period: parsePeriod(period),
    asOf: parseInstant(asOf),
  });
}
function kpi<T extends KpiResult = RatioResult>(card: Scorecard, id: string): T {
  const found = card.kpis.find((k) => k.id === id);
  if (!found) throw new Error(id);
  return found as T;
}
const JULY = '2026-07-01T00:00:00+02:00';

describe('KPI 1 — fitting facilitators', () => {
  it('is green at exactly 95% (19 of 20) and red at 90% (18 of 20)', () => {
    const green = baseRecords();
    addRequests(green, 20, 19);
    expect(kpi(score(green, JULY).scorecard, 'KPI1')).toMatchObject({
      status: 'green',
      passed: 19,
      counted: 20,
      value: 0.95,
    });
    const red = baseRecords();
    addRequests(red, 20, 18);
    expect(kpi(score(red, JULY).scorecard, 'KPI1')).toMatchObject({
      status: 'red',
      passed: 18,
      counted: 20,
      value: 0.9,
    });
  });

  it('fails a request handed back, one short of three asked, or one with a blank motivation', () => {
    const records = baseRecords();
    addRequests(records, 4, 4);
    const [returned, three, blank] = records.clientRequests;
    if (!returned?.registration || !three?.registration || !blank?.registration) throw new Error('setup');
    returned.registration.returned = true;
    three.requestedFacilitators = 3;
    blank.registration.motivation = '   ';
    expect(kpi(score(records, JULY).scorecard, 'KPI1')).toMatchObject({ passed: 1, counted: 4 });
  });

  it('leaves unregistered requests out and shows them as pending', () => {
    const records = baseRecords();
    addRequests(records, 2, 2);
    records.clientRequests.push({ id: 'open', supplier: 's1', date: '2026-03-05' });
    expect(kpi(score(records, JULY).scorecard, 'KPI1')).toMatchObject({
      status: 'green',
      counted: 2,
      pending: 1,
    });
    const onlyOpen = baseRecords();
    onlyOpen.clientRequests.push({ id: 'open', supplier: 's1', date: '2026-03-05' });
    expect(kpi(score(onlyOpen, JULY).scorecard, 'KPI1').status).toBe('pending');
    expect(kpi(score(baseRecords(), JULY).scorecard, 'KPI1').status).toBe('nodata');
  });

  it('does not count a registration made after the as-of moment', () => {
    const records = baseRecords();
    addRequests(records, 1, 1, '2026-03-02');
    expect(kpi(score(records, '2026-03-02T11:00:00+01:00').scorecard, 'KPI1')).toMatchObject({
      counted: 0,
      pending: 1,
    });
  });

  it('marks green at 95% as at risk, and not at 100%', () => {
    const records = baseRecords();
    addRequests(records, 20, 19);
    expect(isAtRisk(kpi(score(records, JULY).scorecard, 'KPI1'))).toBe(true);
    const all = baseRecords();
    addRequests(all, 40, 40);
    expect(isAtRisk(kpi(score(all, JULY).scorecard, 'KPI1'))).toBe(false);
  });
});

describe('KPI 2 and 3 — evaluation after each session', () => {
  // Session on 2 March 09:00–12:00 CET; the 14-day window closes on 16 March 12:00.
  const open = '2026-03-10T12:00:00+01:00';
  const closed = '2026-03-16T12:00:00+01:00';

  it('is green at 19 of 20 sessions and red at 18 of 20', () => {
    for (const [passing, status] of [
      [19, 'green'],
      [18, 'red'],
    ] as const) {
      const records = baseRecords();
      for (let n = 0; n < 20; n++) {
        const id = addSession(records);
        answerAll(records, id);
        if (n >= passing) {
          const rm = records.evaluations.find((e) => e.session === id && e.role === 'relationshipManager');
          if (rm && 'lefApplied' in rm) rm.lefApplied = false;
        }
      }
      expect(kpi(score(records, closed).scorecard, 'KPI2')).toMatchObject({
        status,
        passed: passing,
        counted: 20,
      });
    }
  });

  it('while the window is open, counts a session only once every assessor answered', () => {
    const some = baseRecords();
    addSession(some, { id: 's' });
    some.evaluations.push({
      session: 's',
      respondent: 'rm1',
      role: 'relationshipManager',
      submittedAt: '2026-03-03T10:00:00+01:00',
      lefApplied: true,
      lefExplanation: 'ja',
    });
    expect(kpi(score(some, open).scorecard, 'KPI2')).toMatchObject({
      status: 'pending',
      counted: 0,
      pending: 1,
    });

    const all = baseRecords();
    addSession(all, { id: 's' });
    answerAll(all, 's');
    expect(kpi(score(all, open).scorecard, 'KPI2')).toMatchObject({
      status: 'green',
      counted: 1,
      pending: 0,
    });
  });

  it('once the window closed, judges a session on the answers given, and fails one with none', () => {
    const some = baseRecords();
    addSession(some, { id: 's' });
    some.evaluations.push({
      session: 's',
      respondent: 'rm1',
      role: 'relationshipManager',
      submittedAt: '2026-03-03T10:00:00+01:00',
      lefApplied: true,
      lefExplanation: 'ja',
    });
    expect(kpi(score(some, closed).scorecard, 'KPI2')).toMatchObject({
      status: 'green',
      passed: 1,
      counted: 1,
    });
    // Nobody answered impact: KPI 3 fails this session.
    expect(kpi(score(some, closed).scorecard, 'KPI3')).toMatchObject({
      status: 'red',
      passed: 0,
      counted: 1,
    });
    // One minute before closing it is still pending.
    expect(kpi(score(some, '2026-03-16T11:59:00+01:00').scorecard, 'KPI3')).toMatchObject({
      status: 'pending',
      pending: 1,
    });
  });

  it('fails a "yes" without an explanation', () => {
    const records = baseRecords();
    addSession(records, { id: 's' });
    answerAll(records, 's');
    const ic = records.evaluations.find((e) => e.role === 'internalClient');
    if (ic && 'impact' in ic) ic.impactExplanation = ' ';
    const card = score(records, closed).scorecard;
    expect(kpi(card, 'KPI3')).toMatchObject({ status: 'red', passed: 0 });
    expect(kpi(card, 'KPI2')).toMatchObject({ status: 'green', passed: 1 });
  });

  it('fails a session when any one assessor says no, even if others say yes', () => {
    const records = baseRecords();
    addSession(records, { id: 's', facilitators: ['f1', 'f2'] });
    answerAll(records, 's');
    const f2 = records.evaluations.find((e) => e.respondent === 'f2');
    if (f2 && 'lefApplied' in f2) f2.lefApplied = false;
    expect(kpi(score(records, closed).scorecard, 'KPI2')).toMatchObject({ passed: 0, counted: 1 });
  });

  it('ignores answers given after the window closed', () => {
    const records = baseRecords();
    addSession(records, { id: 's' });
    answerAll(records, 's', '2026-03-16T12:01:00+01:00');
    expect(kpi(score(records, '2026-03-20T00:00:00+01:00').scorecard, 'KPI2')).toMatchObject({
      status: 'red',
      passed: 0,
      counted: 1,
    });
  });

  it('ignores an answer given at the very moment the window closes, as the bot refuses it', () => {
    const records = baseRecords();
    addSession(records, { id: 's' });
    const closesAt = '2026-03-16T12:00:00+01:00';
    answerAll(records, 's', closesAt);
    expect(isClosedAt(parseInstant(closesAt), parseInstant(closesAt))).toBe(true);
    expect(kpi(score(records, '2026-03-20T00:00:00+01:00').scorecard, 'KPI2')).toMatchObject({
      status: 'red',
      passed: 0,
      counted: 1,
    });
    const inTime = baseRecords();
    addSession(inTime, { id: 's' });
    answerAll(inTime, 's', '2026-03-16T11:59:59+01:00');
    expect(kpi(score(inTime, '2026-03-20T00:00:00+01:00').scorecard, 'KPI2')).toMatchObject({
      status: 'green',
      passed: 1,
    });
  });

  it('uses the latest answer of a person who changed it', () => {
    const records = baseRecords();
    addSession(records, { id: 's' });
    answerAll(records, 's');
    records.evaluations.push({
      session: 's',
      respondent: 'rm1',
      role: 'relationshipManager',
      submittedAt: '2026-03-05T10:00:00+01:00',
      lefApplied: false,
      lefExplanation: 'toch niet',
    });
    expect(kpi(score(records, closed).scorecard, 'KPI2')).toMatchObject({ passed: 0, counted: 1 });
  });

  it('leaves a session that has not ended out, and a session after the as-of moment entirely', () => {
    const records = baseRecords();
    addSession(records, { id: 'now', day: '2026-03-02' });
    addSession(records, { id: 'later', day: '2026-04-02' });
    expect(kpi(score(records, '2026-03-02T10:00:00+01:00').scorecard, 'KPI2')).toMatchObject({
      status: 'pending',
      pending: 1,
    });
  });

  it('closes the window by calendar days across the change to summer time', () => {
    // Ends 20 March 12:00 CET; fourteen calendar days later is 3 April 12:00 CEST, an hour before 14 × 24 h.
    const records = baseRecords();
    addSession(records, { id: 's', day: '2026-03-20' });
    answerAll(records, 's', '2026-04-03T12:30:00+02:00');
    expect(kpi(score(records, '2026-04-03T12:30:00+02:00').scorecard, 'KPI2')).toMatchObject({
      status: 'red',
      passed: 0,
    });
    const inTime = baseRecords();
    addSession(inTime, { id: 's', day: '2026-03-20' });
    answerAll(inTime, 's', '2026-04-03T11:59:00+02:00');
    expect(kpi(score(inTime, '2026-04-03T12:30:00+02:00').scorecard, 'KPI2')).toMatchObject({
      status: 'green',
      passed: 1,
    });
    // And at 11:59 CEST the window is still open: with every answer in, the session already counts.
    expect(kpi(score(inTime, '2026-04-03T11:59:30+02:00').scorecard, 'KPI2')).toMatchObject({ counted: 1 });
  });

  it('honours a contract-specific window', () => {
    const records = baseRecords();
    records.contract.evaluationWindowDays = 7;
    addSession(records, { id: 's' });
    expect(kpi(score(records, '2026-03-09T12:00:00+01:00').scorecard, 'KPI2')).toMatchObject({
      status: 'red',
      counted: 1,
    });
  });
});

describe('KPI 4 — LEF days', () => {
  function lefDay(records: Records, attendance: Records['lefDays'][number]['attendance']) {
    records.lefDays.push({ id: 'ld', date: '2026-06-11', attendance });
  }
  const after = '2026-06-12T09:00:00+02:00';

  it('passes an excuse registered before the day, fails one on or after it', () => {
    for (const [registeredAt, passed] of [
      ['2026-06-10T23:59:00+02:00', 2],
      ['2026-06-11T08:00:00+02:00', 1],
      ['2026-06-12T08:00:00+02:00', 1],
    ] as const) {
      const records = baseRecords();
      lefDay(records, [
        { person: 'f1', status: 'present' },
        { person: 'f2', status: 'excused', registeredAt, reason: 'ziek gemeld, vooraf afgestemd' },
      ]);
      expect(kpi(score(records, '2026-06-13T09:00:00+02:00').scorecard, 'KPI4')).toMatchObject({
        passed,
        counted: 2,
      });
    }
  });

  it('fails an excuse without a reason, an absence and a missing registration', () => {
    const records = baseRecords();
    records.people.push({
      id: 'f3',
      name: 'Fay',
      roles: ['facilitator'],
      supplier: 's1',
      onboardedOn: '2026-01-10',
    });
    lefDay(records, [
      { person: 'f1', status: 'excused', registeredAt: '2026-06-01T09:00:00+02:00' },
      { person: 'f2', status: 'absent' },
    ]);
    expect(kpi(score(records, after).scorecard, 'KPI4')).toMatchObject({
      status: 'red',
      passed: 0,
      counted: 3,
    });
  });

  it('does not expect a facilitator onboarded on or after the day', () => {
    const records = baseRecords();
    const f2 = records.people.find((p) => p.id === 'f2');
    if (f2) f2.onboardedOn = '2026-06-11';
    lefDay(records, [{ person: 'f1', status: 'present' }]);
    expect(kpi(score(records, after).scorecard, 'KPI4')).toMatchObject({
      status: 'green',
      passed: 1,
      counted: 1,
    });
  });

  it('has no data without a LEF day, and is pending on the day itself', () => {
    expect(kpi(score(baseRecords(), after).scorecard, 'KPI4').status).toBe('nodata');
    const records = baseRecords();
    lefDay(records, []);
    expect(kpi(score(records, '2026-06-11T15:00:00+02:00').scorecard, 'KPI4').status).toBe('pending');
    expect(kpi(score(records, '2026-06-10T15:00:00+02:00').scorecard, 'KPI4').status).toBe('nodata');
  });
});

describe('KPI 5 — satisfaction survey', () => {
  function round(
    records: Records,
    opensOn: string,
    answers: [string, 'client' | 'supplier', string, string][],
  ) {
    records.surveyRounds.push({
      id: `sv${records.surveyRounds.length + 1}`,
      supplier: 's1',
      opensOn,
      closesOn: opensOn.replace(/-(\d\d)$/, (_m, d) => `-${String(Number(d) + 14).padStart(2, '0')}`),
      respondents: ['cm1', 'lt1', 'lt2', 'lt3', 'sc1'],
      responses: answers.map(([respondent, side, collaboration, feedback]) => ({
        respondent,
        side,
        submittedAt: `${opensOn}T12:00:00+02:00`,
        answers: { collaboration, feedback } as Record<string, 'a' | 'b' | 'c' | 'd'>,
      })),
    });
  }

  it('takes the lower middle answer of an even number of answers', () => {
    expect(lowerMedian(['d', 'b', 'c', 'a'])).toBe('b');
    expect(lowerMedian(['c', 'b'])).toBe('b');
    expect(lowerMedian(['c', 'd', 'b'])).toBe('c');
    expect(lowerMedian([])).toBeUndefined();
  });

  it('scores the lower median of four client answers against the year-1 minimum', () => {
    const records = baseRecords();
    round(records, '2026-06-01', [
      ['cm1', 'client', 'c', 'b'],
      ['lt1', 'client', 'c', 'a'],
      ['lt2', 'client', 'b', 'a'],
      ['lt3', 'client', 'd', 'c'],
    ]);
    const result = kpi<SurveyResult>(score(records, JULY).scorecard, 'KPI5');
    // collaboration b,c,c,d → c (goed); feedback a,a,b,c → a (slecht): short of voldoende.
    expect(result).toMatchObject({
      status: 'red',
      norm: 'voldoende',
      questions: { collaboration: 'goed', feedback: 'slecht' },
    });
  });

  it('raises the minimum to "goed" from contract year 2, decided by the opening date', () => {
    const answers: [string, 'client' | 'supplier', string, string][] = [['cm1', 'client', 'b', 'b']];
    const lastDayOfYear1 = baseRecords();
    lastDayOfYear1.contract.startDate = '2025-06-02';
    round(lastDayOfYear1, '2026-06-01', answers);
    expect(kpi<SurveyResult>(score(lastDayOfYear1, JULY).scorecard, 'KPI5')).toMatchObject({
      status: 'green',
      norm: 'voldoende',
    });
    const firstDayOfYear2 = baseRecords();
    firstDayOfYear2.contract.startDate = '2025-06-01';
    round(firstDayOfYear2, '2026-06-01', answers);
    expect(kpi<SurveyResult>(score(firstDayOfYear2, JULY).scorecard, 'KPI5')).toMatchObject({
      status: 'red',
      norm: 'goed',
    });
  });

  it('judges an open round only once every client respondent answered', () => {
    const records = baseRecords();
    round(records, '2026-06-01', [['cm1', 'client', 'c', 'c']]);
    expect(kpi<SurveyResult>(score(records, '2026-06-05T00:00:00+02:00').scorecard, 'KPI5').status).toBe(
      'pending',
    );
    const all = baseRecords();
    round(all, '2026-06-01', [
      ['cm1', 'client', 'c', 'c'],
      ['lt1', 'client', 'c', 'c'],
      ['lt2', 'client', 'c', 'c'],
      ['lt3', 'client', 'c', 'c'],
    ]);
    expect(kpi<SurveyResult>(score(all, '2026-06-05T00:00:00+02:00').scorecard, 'KPI5').status).toBe('green');
  });

  it('judges a round only on client-side answers: one without client respondents is never green early', () => {
    const records = baseRecords();
    round(records, '2026-06-01', [['sc1', 'supplier', 'd', 'd']]);
    const only = records.surveyRounds[0];
    if (!only) throw new Error('setup');
    only.respondents = ['sc1'];
    expect(kpi<SurveyResult>(score(records, '2026-06-05T00:00:00+02:00').scorecard, 'KPI5').status).toBe(
      'pending',
    );
    expect(kpi<SurveyResult>(score(records, JULY).scorecard, 'KPI5').status).toBe('nodata');
  });

  it('never lets supplier answers change the status, and points out a gap of two levels', () => {
    const records = baseRecords();
    round(records, '2026-06-01', [
      ['cm1', 'client', 'b', 'c'],
      ['sc1', 'supplier', 'd', 'a'],
    ]);
    const result = kpi<SurveyResult>(score(records, JULY).scorecard, 'KPI5');
    expect(result).toMatchObject({
      status: 'green',
      questions: { collaboration: 'voldoende', feedback: 'goed' },
      supplierSide: { collaboration: 'zeer goed', feedback: 'slecht' },
      gaps: ['collaboration', 'feedback'],
    });
  });

  it('has no data without a round, or with a round closed without client answers', () => {
    expect(kpi(score(baseRecords(), JULY).scorecard, 'KPI5').status).toBe('nodata');
    const records = baseRecords();
    round(records, '2026-06-01', [['sc1', 'supplier', 'c', 'c']]);
    expect(kpi(score(records, JULY).scorecard, 'KPI5').status).toBe('nodata');
  });
});

describe('KPI 6 — management report', () => {
  // The 2026-H1 report is due 21 days after 30 June: 21 July, which lies in 2026-H2.
  const late = '2026-08-01T00:00:00+02:00';
  function report(records: Records, deliveredOn?: string, accepted?: boolean) {
    records.reports.push({
      supplier: 's1',
      covers: '2026-H1',
      ...(deliveredOn ? { deliveredOn } : {}),
      ...(accepted === undefined ? {} : { accepted }),
    });
  }

  it('passes a report delivered on the due date and accepted; fails a day late or rejected', () => {
    const onTime = baseRecords();
    report(onTime, '2026-07-21', true);
    expect(kpi(score(onTime, late, '2026-H2').scorecard, 'KPI6')).toMatchObject({
      status: 'green',
      passed: 1,
      counted: 1,
    });
    const dayLate = baseRecords();
    report(dayLate, '2026-07-22', true);
    expect(kpi(score(dayLate, late, '2026-H2').scorecard, 'KPI6')).toMatchObject({
      status: 'red',
      passed: 0,
      counted: 1,
    });
    const rejected = baseRecords();
    report(rejected, '2026-07-10', false);
    expect(kpi(score(rejected, late, '2026-H2').scorecard, 'KPI6').status).toBe('red');
  });

  it('is pending before the due date and while not judged; red once due and not delivered', () => {
    expect(kpi(score(baseRecords(), '2026-07-21T12:00:00+02:00', '2026-H2').scorecard, 'KPI6').status).toBe(
      'pending',
    );
    expect(kpi(score(baseRecords(), '2026-07-22T00:00:00+02:00', '2026-H2').scorecard, 'KPI6').status).toBe(
      'red',
    );
    const unjudged = baseRecords();
    report(unjudged, '2026-07-15');
    expect(kpi(score(unjudged, late, '2026-H2').scorecard, 'KPI6').status).toBe('pending');
  });

  it('judges only reports due within the period, with an agreed other due date', () => {
    expect(kpi(score(baseRecords(), late, '2026-H1').scorecard, 'KPI6').status).toBe('nodata');
    const agreed = baseRecords();
    agreed.reports.push({
      supplier: 's1',
      covers: '2026-H1',
      dueOn: '2026-08-15',
      deliveredOn: '2026-08-10',
      accepted: true,
    });
    expect(kpi(score(agreed, '2026-09-01T00:00:00+02:00', '2026-H2').scorecard, 'KPI6').status).toBe('green');
    // With quarters, the H1 report falls in Q3 and Q4 has nothing due.
    expect(kpi(score(agreed, '2026-12-31T00:00:00+01:00', '2026-Q4').scorecard, 'KPI6').status).toBe(
      'nodata',
    );
  });
});

describe('KPI 7 — social return', () => {
  // Contract start 2026-01-01: the plan is due 2026-04-01 (three months).
  it('is pending without a plan before the deadline, red after it', () => {
    expect(
      kpi<SocialReturnResult>(score(baseRecords(), '2026-04-01T23:00:00+02:00').scorecard, 'KPI7'),
    ).toMatchObject({ status: 'pending', planDue: '2026-04-01' });
    expect(kpi(score(baseRecords(), '2026-04-02T00:00:00+02:00').scorecard, 'KPI7').status).toBe('red');
  });

  it('follows the contract setting for the plan deadline', () => {
    const records = baseRecords();
    records.contract.socialReturnPlanMonths = 2;
    expect(kpi(score(records, '2026-03-02T00:00:00+01:00').scorecard, 'KPI7').status).toBe('red');
  });

  it('is green at 2% of revenue and red just below', () => {
    for (const [sroiValue, status] of [
      [2000, 'green'],
      [1999, 'red'],
    ] as const) {
      const records = baseRecords();
      records.socialReturn.push({
        supplier: 's1',
        planSubmittedOn: '2026-03-01',
        figures: [{ upTo: '2026-06-30', revenue: 100000, sroiValue }],
      });
      expect(kpi(score(records, JULY).scorecard, 'KPI7').status).toBe(status);
    }
  });

  it('is pending with a plan but no figures, or zero revenue, and ignores figures after the period', () => {
    const records = baseRecords();
    records.socialReturn.push({
      supplier: 's1',
      planSubmittedOn: '2026-03-01',
      figures: [
        { upTo: '2026-03-31', revenue: 0, sroiValue: 0 },
        { upTo: '2026-07-31', revenue: 100000, sroiValue: 500 },
      ],
    });
    expect(kpi(score(records, '2026-09-01T00:00:00+02:00').scorecard, 'KPI7').status).toBe('pending');
    expect(kpi(score(records, '2026-09-01T00:00:00+02:00', '2026-H2').scorecard, 'KPI7').status).toBe('red');
  });
});

describe('consequences and the recovery plan', () => {
  /** Records with KPI 1, 2 and 4 red on demand (as of JULY). */
  function withReds(reds: number): Records {
    const records = baseRecords();
    records.socialReturn.push({
      supplier: 's1',
      planSubmittedOn: '2026-03-01',
      figures: [{ upTo: '2026-06-30', revenue: 1, sroiValue: 1 }],
    });
    addRequests(records, 1, reds >= 1 ? 0 : 1);
    const session = addSession(records);
    answerAll(records, session);
    if (reds >= 2) {
      const rm = records.evaluations.find((e) => e.role === 'relationshipManager');
      if (rm && 'lefApplied' in rm) rm.lefApplied = false;
    }
    if (reds >= 3) records.lefDays.push({ id: 'ld', date: '2026-06-11', attendance: [] });
    return records;
  }

  it('is all green with no red, extra effort with two, critical with three', () => {
    expect(score(withReds(0), JULY).scorecard).toMatchObject({ red: [], consequence: 'all-green' });
    expect(score(withReds(0), JULY).scorecard.recoveryPlanDue).toBeUndefined();
    expect(score(withReds(2), JULY).scorecard).toMatchObject({
      red: ['KPI1', 'KPI2'],
      consequence: 'extra-effort',
    });
    expect(score(withReds(3), JULY).scorecard).toMatchObject({
      red: ['KPI1', 'KPI2', 'KPI4'],
      consequence: 'critical',
    });
  });

  it('dates the recovery plan 21 days after the earliest stored finding', () => {
    const records = withReds(2);
    records.findings.push(
      { supplier: 's1', period: '2026-H1', kpi: 'KPI2', foundAt: '2026-05-10T08:00:00+02:00' },
      { supplier: 's1', period: '2026-H1', kpi: 'KPI1', foundAt: '2026-06-01T08:00:00+02:00' },
      // A finding for a KPI that is no longer red does not count.
      { supplier: 's1', period: '2026-H1', kpi: 'KPI7', foundAt: '2026-04-01T08:00:00+02:00' },
    );
    const result = score(records, JULY);
    expect(result.scorecard.recoveryPlanDue).toBe('2026-05-31');
    expect(result.newFindings).toEqual([]);
  });

  it('finds an unstored red at the as-of moment and returns it to be stored', () => {
    const result = score(withReds(2), '2026-07-01T23:30:00+02:00');
    expect(result.scorecard.recoveryPlanDue).toBe('2026-07-22');
    expect(result.newFindings).toEqual([
      { supplier: 's1', period: '2026-H1', kpi: 'KPI1', foundAt: '2026-07-01T23:30:00+02:00' },
      { supplier: 's1', period: '2026-H1', kpi: 'KPI2', foundAt: '2026-07-01T23:30:00+02:00' },
    ]);
  });

  it("scores another supplier on its own records: s1's requests and sessions do not touch s2", () => {
    const records = withReds(3);
    // s2's facilitator g1 missed the same LEF day, and s2 has no social return plan.
    expect(score(records, JULY, '2026-H1', 's2').scorecard.red).toEqual(['KPI4', 'KPI7']);
  });
});
