import { describe, expect, it } from 'vitest';
import { parsePeriod, periodContaining } from '../../src/domain/periods.ts';
import { addCalendarDays, contractYear, dayStart, localDate, parseInstant } from '../../src/domain/time.ts';

describe('periods and calendar days', () => {
  it('parses half-years and quarters with their first and last days', () => {
    expect(parsePeriod('2026-H1')).toMatchObject({ first: '2026-01-01', last: '2026-06-30' });
    expect(parsePeriod('2026-H2')).toMatchObject({ first: '2026-07-01', last: '2026-12-31' });
    expect(parsePeriod('2028-Q1')).toMatchObject({ first: '2028-01-01', last: '2028-03-31' });
    expect(parsePeriod('2026-Q3')).toMatchObject({ first: '2026-07-01', last: '2026-09-30' });
    expect(parsePeriod('2026-H3')).toBeUndefined();
    expect(parsePeriod('26-H1')).toBeUndefined();
  });

  it('finds the period of a day by the contract assessment', () => {
    expect(periodContaining('2026-06-30', 'half-year').id).toBe('2026-H1');
    expect(periodContaining('2026-07-01', 'half-year').id).toBe('2026-H2');
    expect(periodContaining('2026-10-01', 'quarter').id).toBe('2026-Q4');
  });

  it('puts an instant on the calendar day of the contract zone', () => {
    // 30 June 23:30 UTC is 1 July in Amsterdam: the next half-year.
    const instant = parseInstant('2026-06-30T23:30:00Z');
    expect(localDate(instant, 'Europe/Amsterdam')).toBe('2026-07-01');
    expect(localDate(instant, 'UTC')).toBe('2026-06-30');
    expect(dayStart('2026-07-01', 'Europe/Amsterdam')).toBe(parseInstant('2026-07-01T00:00:00+02:00'));
  });

  it('keeps the wall-clock time when adding days across a DST change', () => {
    const before = parseInstant('2026-03-20T12:00:00+01:00');
    expect(addCalendarDays(before, 14, 'Europe/Amsterdam')).toBe(parseInstant('2026-04-03T12:00:00+02:00'));
  });

  it('counts contract years of twelve months from the start date', () => {
    expect(contractYear('2026-03-01', '2026-03-01')).toBe(1);
    expect(contractYear('2026-03-01', '2027-02-28')).toBe(1);
    expect(contractYear('2026-03-01', '2027-03-01')).toBe(2);
    expect(contractYear('2026-03-01', '2028-03-01')).toBe(3);
  });
});
