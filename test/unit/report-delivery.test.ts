// A progress report's delivery and judgement as written into its records entry (KPI 6): the first
// delivery day stands while it awaits judgement; a rejection before the due date takes the delivery
// away (the supplier can still deliver in time), one after it leaves the report delivered and not
// accepted; what the scoring then makes of each.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/periods.ts';
import type { Records } from '../../src/domain/records.ts';
import { applyDelivery, applyJudgement } from '../../src/domain/report-delivery.ts';
import { prepare, scoreSupplier } from '../../src/domain/scoring.ts';
import { baseRecords, valid } from '../support/records.ts';

const blank = { supplier: 's1', covers: '2026-H1' };
const due = '2026-07-21';

function kpi6(report: Records['reports'][number], asOf: string) {
  const records = baseRecords();
  records.reports = [report];
  const period = parsePeriod('2026-H2');
  if (!period) throw new Error('no period');
  const { scorecard } = scoreSupplier(prepare(valid(records)), {
    supplier: 's1',
    period,
    asOf: Date.parse(asOf),
  });
  return scorecard.kpis.find((k) => k.id === 'KPI6')?.status;
}

describe('a report delivered and judged in chat', () => {
  it('keeps the first delivery day while awaiting judgement, and the latest explanations', () => {
    const first = applyDelivery(blank, '2026-07-10', { KPI1: 'a' });
    const again = applyDelivery(first, '2026-07-25', { KPI3: 'b' });
    expect(again).toEqual({ ...blank, deliveredOn: '2026-07-10', explanations: { KPI3: 'b' } });
    expect(applyDelivery(again, '2026-07-26', {})).toEqual({ ...blank, deliveredOn: '2026-07-10' });
  });

  it('accepted (in chat or by an imported file), a later delivery changes nothing', () => {
    const accepted = { ...blank, deliveredOn: '2026-07-10', accepted: true };
    expect(applyDelivery(accepted, '2026-08-01', { KPI1: 'later' })).toEqual(accepted);
  });

  it('rejected before the due date: not delivered, and a new delivery in time is on time', () => {
    const rejected = applyJudgement(applyDelivery(blank, '2026-07-10', {}), {
      accepted: false,
      reason: 'onvolledig',
      day: '2026-07-15',
      due,
    });
    expect(rejected).toEqual({ ...blank, reason: 'onvolledig' });
    expect(kpi6(rejected, '2026-07-20T12:00:00+02:00')).toBe('pending');
    expect(kpi6(rejected, '2026-07-22T12:00:00+02:00')).toBe('red');
    const accepted = applyJudgement(applyDelivery(rejected, '2026-07-17', {}), {
      accepted: true,
      day: '2026-07-18',
      due,
    });
    expect(accepted).toEqual({ ...blank, deliveredOn: '2026-07-17', accepted: true });
    expect(kpi6(accepted, '2026-07-22T12:00:00+02:00')).toBe('green');
  });

  it('rejected after the due date: delivered and not accepted, red; delivered again it is late', () => {
    const late = applyJudgement(applyDelivery(blank, '2026-07-20', {}), {
      accepted: false,
      reason: 'fouten',
      day: '2026-07-23',
      due,
    });
    expect(late).toEqual({ ...blank, deliveredOn: '2026-07-20', accepted: false, reason: 'fouten' });
    expect(kpi6(late, '2026-07-24T12:00:00+02:00')).toBe('red');
    const redelivered = applyDelivery(late, '2026-07-28', {});
    expect(redelivered).toEqual({ ...blank, deliveredOn: '2026-07-28' });
    const accepted = applyJudgement(redelivered, { accepted: true, day: '2026-07-29', due });
    expect(kpi6(accepted, '2026-07-30T12:00:00+02:00')).toBe('red');
  });
});
