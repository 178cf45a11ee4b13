// Assessment periods: calendar half-years (`2026-H1`) and quarters (`2026-Q3`).
import { addDays, type IsoDate } from './time.ts';

export type Assessment = 'half-year' | 'quarter';

export interface Period {
  readonly id: string;
  readonly kind: 'H' | 'Q';
  readonly year: number;
  readonly index: number;
  /** First day, inclusive. */
  readonly first: IsoDate;
  /** Last day, inclusive. */
  readonly last: IsoDate;
}

const PERIOD_PATTERN = /^(\d{4})-(H[12]|Q[1-4])$/;

export function parsePeriod(text: string): Period | undefined {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const code = match[2] as string;
  return makePeriod(year, code[0] as 'H' | 'Q', Number(code[1]));
}

function makePeriod(year: number, kind: 'H' | 'Q', index: number): Period {
  const months = kind === 'H' ? 6 : 3;
  const firstMonth = (index - 1) * months + 1;
  const first = `${year}-${pad(firstMonth)}-01`;
  const nextFirst = firstMonth + months > 12 ? `${year + 1}-01-01` : `${year}-${pad(firstMonth + months)}-01`;
  return { id: `${year}-${kind}${index}`, kind, year, index, first, last: addDays(nextFirst, -1) };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function periodContaining(date: IsoDate, assessment: Assessment): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return assessment === 'quarter'
    ? makePeriod(year, 'Q', Math.floor((month - 1) / 3) + 1)
    : makePeriod(year, 'H', month <= 6 ? 1 : 2);
}

/** The period just before this one, of the same kind (the half-year or quarter that ended last). */
export function periodBefore(period: Period): Period {
  return periodContaining(addDays(period.first, -1), period.kind === 'H' ? 'half-year' : 'quarter');
}

/** Whether `inner` lies wholly within `outer` (a quarter within its half-year, or the period itself). */
export function periodWithin(outer: Period, inner: Period): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

export function inPeriod(period: Period, date: IsoDate): boolean {
  return date >= period.first && date <= period.last;
}

export function isHalfYear(text: string): boolean {
  return /^\d{4}-H[12]$/.test(text);
}
