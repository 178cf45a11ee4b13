// A meeting's calendar around Dutch public holidays (the preparation a number of working days
// before it, the agenda the working day before) and what changed since the last one.
import { describe, expect, it } from 'vitest';
import { agendaDay, changesSince, preparationDay, previousMeeting } from '../../src/domain/meetings.ts';
import type { Scorecard } from '../../src/domain/scoring.ts';

const meeting = (date: string, supplier = 's1') => ({ id: `m-${supplier}-${date}`, supplier, date });

describe("a meeting's calendar", () => {
  it('counts working days back past weekends and Dutch public holidays', () => {
    // Tuesday 29 December 2026: Christmas Day and Boxing Day (Friday, Saturday) and the weekend skipped.
    expect(preparationDay(meeting('2026-12-29'), 5)).toBe('2026-12-21');
    // Tuesday 19 May 2026: Ascension Day (Thursday 14 May) skipped.
    expect(preparationDay(meeting('2026-05-19'), 5)).toBe('2026-05-11');
    // Tuesday 29 April 2025: King's Day on a Sunday is kept on Saturday 26 April; Easter Monday 21 April.
    expect(preparationDay(meeting('2025-04-29'), 5)).toBe('2025-04-22');
    // Wednesday 28 April 2027: King's Day (Tuesday 27 April) is the day before: the agenda goes on Monday.
    expect(agendaDay(meeting('2027-04-28'))).toBe('2027-04-26');
    expect(agendaDay(meeting('2026-12-28'))).toBe('2026-12-24');
    expect(preparationDay(meeting('2026-12-29'), 1)).toBe('2026-12-28');
  });

  it("finds the supplier's meeting before, not another supplier's", () => {
    const all = [
      meeting('2026-03-10'),
      meeting('2026-09-15'),
      meeting('2026-11-01', 's2'),
      meeting('2027-03-01'),
    ];
    expect(previousMeeting(all, meeting('2026-12-01'))?.date).toBe('2026-09-15');
    expect(previousMeeting(all, meeting('2026-03-10'))).toBeUndefined();
  });

  it('lists the KPIs whose status changed, in order', () => {
    const card = (statuses: Scorecard['kpis'][number]['status'][]) =>
      ({ kpis: statuses.map((status, i) => ({ id: `KPI${i + 1}`, status })) }) as unknown as Scorecard;
    expect(changesSince(card(['green', 'red', 'nodata']), card(['red', 'red', 'green']))).toEqual([
      { kpi: 'KPI1', from: 'green', to: 'red' },
      { kpi: 'KPI3', from: 'nodata', to: 'green' },
    ]);
  });
});
