// Working days around Dutch public holidays: weekends, Easter and Ascension that move each year,
// King's Day on a Sunday (then the Saturday before), Christmas and Boxing Day.
import { describe, expect, it } from 'vitest';
import { isPublicHoliday, isWorkingDay, workingDaysBefore } from '../../src/domain/working-days.ts';

describe('working days', () => {
  it("knows the moving and the fixed holidays, and King's Day on a Sunday", () => {
    expect(isPublicHoliday('2026-04-06')).toBe(true); // Easter Monday 2026
    expect(isPublicHoliday('2027-03-29')).toBe(true); // Easter Monday 2027
    expect(isPublicHoliday('2026-05-14')).toBe(true); // Ascension 2026
    expect(isPublicHoliday('2027-05-06')).toBe(true); // Ascension 2027
    expect(isPublicHoliday('2025-04-26')).toBe(true); // King's Day 2025: the 27th is a Sunday
    expect(isPublicHoliday('2025-04-27')).toBe(false);
    expect(isPublicHoliday('2026-12-25') && isPublicHoliday('2026-12-26')).toBe(true);
    expect(isWorkingDay('2026-12-24')).toBe(true);
    expect(isWorkingDay('2026-12-05')).toBe(false); // a Saturday
  });

  it('counts back over weekends and holidays', () => {
    // Five working days before Tuesday 19 May 2026: Whit Monday is not the 25th yet; Ascension (Thu 14th) is skipped.
    expect(workingDaysBefore('2026-05-19', 5)).toBe('2026-05-11');
    // Before Tuesday 7 April 2026: Easter Monday (6th) and the weekend (Good Friday is a working day).
    expect(workingDaysBefore('2026-04-07', 1)).toBe('2026-04-03');
    // Before Monday 28 December 2026: Christmas Friday and Boxing Saturday; the 24th is a working day.
    expect(workingDaysBefore('2026-12-28', 1)).toBe('2026-12-24');
    expect(workingDaysBefore('2026-12-28', 5)).toBe('2026-12-18');
    // King's Day 2027 on a Tuesday.
    expect(workingDaysBefore('2027-04-28', 1)).toBe('2027-04-26');
  });
});
