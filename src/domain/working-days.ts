// Working days in the Netherlands: Monday to Friday, less the public holidays (`date-holidays`:
// New Year, Easter Monday, King's Day (the 26th when the 27th is a Sunday), Ascension, Whit Monday,
// Christmas and Boxing Day; Easter and Whit Sunday fall on a Sunday anyway). Used to prepare a
// meeting a set number of working days before it. Pure: calendar days in, calendar days out.
import Holidays from 'date-holidays';
import { addDays, type IsoDate } from './time.ts';

const dutch = new Holidays('NL');
const byYear = new Map<number, Set<string>>();

function holidaysOf(year: number): Set<string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set(
      dutch
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    byYear.set(year, days);
  }
  return days;
}

/** Whether a day is a Dutch public holiday. */
export function isPublicHoliday(day: IsoDate): boolean {
  return holidaysOf(Number(day.slice(0, 4))).has(day);
}

export function isWorkingDay(day: IsoDate): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(day);
}

/** The working day `count` working days before `day` (the day itself not counted). */
export function workingDaysBefore(day: IsoDate, count: number): IsoDate {
  let current = day;
  for (let left = count; left > 0; ) {
    current = addDays(current, -1);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}
