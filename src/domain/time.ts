// Calendar arithmetic in a contract's time zone. Days are ISO `YYYY-MM-DD` strings (they compare
// lexicographically); instants are epoch milliseconds.
import { DateTime, IANAZone } from 'luxon';

export type IsoDate = string;

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day an instant falls on in the given zone. (On the scoring hot path: one cached formatter per zone.) */
export function localDate(instant: number, zone: string): IsoDate {
  let format = dayFormats.get(zone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(zone, format);
  }
  return format.format(instant);
}

/** Whether `YYYY-MM-DD` names a day that exists (not 2027-02-30). */
export function isValidDay(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date).isValid;
}

/** The instant a calendar day starts in the given zone. */
export function dayStart(date: IsoDate, zone: string): number {
  return DateTime.fromISO(date, { zone }).startOf('day').toMillis();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as IsoDate;
}

export function earlierDay(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ months }).toISODate() as IsoDate;
}

/** Adds calendar days in the zone, keeping the wall-clock time (a window of 14 days stays 14 days across DST). */
export function addCalendarDays(instant: number, days: number, zone: string): number {
  return DateTime.fromMillis(instant, { zone }).plus({ days }).toMillis();
}

/** ISO 8601 with the zone's offset and no milliseconds, as the records file writes date-times. */
export function formatInstant(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true }) as string;
}

/** Epoch milliseconds of an ISO date-time with an offset (validated at the boundary; Date.parse is exact for those). */
export function parseInstant(iso: string): number {
  return Date.parse(iso);
}

/** Contract year of a day: year 1 is the first twelve months from the start date, and so on. */
export function contractYear(startDate: IsoDate, date: IsoDate): number {
  if (date < startDate) return 1;
  let year = 1;
  while (addMonths(startDate, 12 * year) <= date) year += 1;
  return year;
}
