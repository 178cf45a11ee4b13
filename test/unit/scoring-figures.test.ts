// The rules over reported figures, one by one: how a period's figure is made from the activities and
// the reported periods in it, a threshold's verdict, a trend's baseline, a description; and none of
// them red without a threshold.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/periods.ts';
import type { Records } from '../../src/domain/records.ts';
import { scoreFigure } from '../../src/domain/scoring-figures.ts';
import { baseRecords } from '../support/records.ts';

function records(values: [period: string, activity: string, value: number][]): Records {
  const r = baseRecords();
  r.measurements = values.map(([period, activity, value]) => ({
    supplier: 's1',
    measure: 'm',
    period,
    activity,
    value,
  }));
  return r;
}
const scope = (period: string) => {
  const p = parsePeriod(period);
  if (!p) throw new Error(period);
  // Long after every period here: a KPI with nothing reported has no data (not pending).
  return { supplier: 's1', period: p, startDate: '2026-01-01', asOfDate: '2027-06-01' };
};

describe('rules over reported figures', () => {
  const data = records([
    ['2026-Q1', 'a', 4],
    ['2026-Q1', 'b', 6],
    ['2026-Q2', 'a', 8],
    ['2026-Q2', 'b', 2],
    ['2026-Q3', 'a', 15],
  ]);

  it('sums the activities of a period, and sums, takes the latest or averages over the periods in a longer one', () => {
    const sum = { kind: 'figure', measure: 'm', aggregate: 'sum' } as const;
    expect(scoreFigure(data, scope('2026-Q1'), 'X', sum)).toMatchObject({
      status: 'info',
      value: 10,
      periods: 1,
    });
    expect(scoreFigure(data, scope('2026-H1'), 'X', sum)).toMatchObject({ value: 20, periods: 2 });
    // The latest reported period's figure: Q2's activities summed.
    expect(scoreFigure(data, scope('2026-H1'), 'X', { ...sum, aggregate: 'latest' })).toMatchObject({
      value: 10,
    });
    expect(scoreFigure(data, scope('2026-H1'), 'X', { ...sum, aggregate: 'mean' })).toMatchObject({
      value: 5,
    });
    expect(scoreFigure(data, scope('2026-Q4'), 'X', sum)).toMatchObject({ status: 'nodata', periods: 0 });
  });

  it('judges only against a threshold: green within it, red outside', () => {
    const rule = { kind: 'figure', measure: 'm', aggregate: 'sum', min: 10, max: 12 } as const;
    expect(scoreFigure(data, scope('2026-Q1'), 'X', rule).status).toBe('green');
    expect(scoreFigure(data, scope('2026-Q3'), 'X', rule).status).toBe('red');
    expect(scoreFigure(data, scope('2026-Q3'), 'X', { ...rule, max: undefined }).status).toBe('green');
  });

  it("sets a trend's baseline from its first periods, then compares with it, never judging", () => {
    const rule = {
      kind: 'trend',
      measure: 'm',
      aggregate: 'sum',
      baselinePeriods: 2,
      better: 'higher',
    } as const;
    expect(scoreFigure(data, scope('2026-Q2'), 'X', rule)).toMatchObject({
      status: 'info',
      value: 10,
      settingBaseline: true,
    });
    const q3 = scoreFigure(data, scope('2026-Q3'), 'X', rule);
    expect(q3).toMatchObject({ status: 'info', value: 15, baseline: 10 });
    expect(q3.settingBaseline).toBeUndefined();
    // Fewer reported periods than the baseline needs: still being set.
    expect(scoreFigure(data, scope('2026-Q3'), 'X', { ...rule, baselinePeriods: 4 })).toMatchObject({
      settingBaseline: true,
    });
  });

  it("shows the latest reported period's descriptions, each activity's, whatever the order of the file", () => {
    const r = baseRecords();
    r.measurements = [
      { supplier: 's1', measure: 'd', period: '2026-Q2', activity: 'b', text: 'later' },
      { supplier: 's1', measure: 'd', period: '2026-Q1', text: 'eerst' },
      { supplier: 's1', measure: 'd', period: '2026-Q2', activity: 'a', text: 'ook' },
      { supplier: 's2', measure: 'd', period: '2026-Q2', text: 'een ander' },
    ];
    const rule = { kind: 'descriptive', measure: 'd' } as const;
    expect(scoreFigure(r, scope('2026-H1'), 'X', rule)).toMatchObject({
      status: 'info',
      text: 'ook · later',
      periods: 2,
    });
    expect(scoreFigure(r, scope('2026-Q3'), 'X', rule).status).toBe('nodata');
    // Within the month after the quarter, nothing reported yet is pending (figures may still come).
    expect(scoreFigure(r, { ...scope('2026-Q3'), asOfDate: '2026-10-20' }, 'X', rule).status).toBe('pending');
    expect(scoreFigure(r, { ...scope('2026-Q3'), asOfDate: '2026-10-31' }, 'X', rule).status).toBe('nodata');
  });

  it("reads a figure as a share of the client's target group: the latest at or before each period, per activity", () => {
    const r = records([
      ['2026-Q1', 'a', 10],
      ['2026-Q1', 'b', 30],
      ['2026-Q2', 'a', 20],
      ['2026-Q2', 'b', 30],
      ['2026-Q3', 'a', 30],
      ['2026-Q3', 'c', 99],
    ]);
    // The municipality's target groups: a's grows from 200 to 400 in Q3; c has none (not counted).
    r.measurements?.push(
      { supplier: 's1', measure: 'groep', period: '2026-Q1', activity: 'a', value: 200, source: 'gemeente' },
      { supplier: 's1', measure: 'groep', period: '2026-Q1', activity: 'b', value: 800, source: 'gemeente' },
      { supplier: 's1', measure: 'groep', period: '2026-Q3', activity: 'a', value: 400, source: 'gemeente' },
    );
    const share = { kind: 'figure', measure: 'm', per: { measure: 'groep' }, aggregate: 'sum' } as const;
    expect(scoreFigure(r, scope('2026-Q1'), 'X', share).value).toBeCloseTo(4); // 40 of 1000
    expect(scoreFigure(r, scope('2026-Q2'), 'X', share).value).toBeCloseTo(5); // 50 of 1000
    expect(scoreFigure(r, scope('2026-Q3'), 'X', share).value).toBeCloseTo(7.5); // 30 of 400; c has no group
    // Over a half-year the shares are averaged, not summed.
    expect(scoreFigure(r, scope('2026-H1'), 'X', share).value).toBeCloseTo(4.5);
    const trend = { ...share, kind: 'trend', baselinePeriods: 2, better: 'higher' } as const;
    expect(scoreFigure(r, scope('2026-Q3'), 'X', trend)).toMatchObject({ status: 'info', baseline: 4.5 });
    // Without any target group the figure cannot be read as a share: none.
    const none = { ...share, per: { measure: 'onbekend', scale: 1000 } };
    expect(scoreFigure(r, scope('2026-Q1'), 'X', none)).toMatchObject({ status: 'nodata', periods: 0 });
  });
});
