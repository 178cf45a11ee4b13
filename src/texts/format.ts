// Numbers, dates and periods as a Dutch or English reader expects them, through Intl: a decimal
// comma in Dutch, "23 november 2026", "2e halfjaar 2026". Every figure a person reads goes through here.
import { type Lang, LOCALES } from '../i18n.ts';
import { t } from './index.ts';

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Intl formatters are costly to make (a report formats thousands of dates): made once per language, style and zone. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${lang}|${JSON.stringify(options)}`;
  let format = dateFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], options);
    dateFormats.set(id, format);
  }
  return format;
}
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(id, format);
  }
  return format;
}

export function formatNumber(
  lang: Lang,
  value: number,
  options: { maxFractionDigits?: number } = {},
): string {
  return numberFormat(lang, {
    maximumFractionDigits: options.maxFractionDigits ?? 1,
  }).format(value);
}

/** Euros: "€ 1.250,50" / "€1,250.50". */
export function formatAmount(lang: Lang, value: number): string {
  return numberFormat(lang, { style: 'currency', currency: 'EUR' }).format(value);
}

/** A ratio (0.895) as a percentage ("89,5%" / "89.5%"), one decimal at most. */
export function formatPercent(lang: Lang, ratio: number): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/**
 * A calendar day ("2026-11-23") or a moment (ISO with offset) as "23 november 2026"; a moment is
 * read in the contract's time zone, a day is a day wherever it is read.
 */
export function formatDate(lang: Lang, value: string | Date, timeZone: string): string {
  const { date, zone } = toDate(value, timeZone);
  return dateFormat(lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  }).format(date);
}

/** A moment as "23 november 2026 om 17:00" / "23 November 2026 at 17:00", in the contract's time zone. */
export function formatDateTime(lang: Lang, value: string | Date, timeZone: string): string {
  const { date, zone } = toDate(value, timeZone);
  return dateFormat(lang, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: zone,
  }).format(date);
}

/** A moment's time of day ("17:00"), in the contract's time zone. */
export function formatTime(lang: Lang, value: string | Date, timeZone: string): string {
  const { date, zone } = toDate(value, timeZone);
  return dateFormat(lang, { timeStyle: 'short', timeZone: zone }).format(date);
}

/**
 * A moment's range as "23 november 2026, 14:00–16:00" / "23 November 2026, 14:00–16:00", in the
 * contract's time zone; a range over midnight names both days.
 */
export function formatTimeRange(
  lang: Lang,
  start: string | Date,
  end: string | Date,
  timeZone: string,
): string {
  const startDay = formatDate(lang, start, timeZone);
  const endDay = formatDate(lang, end, timeZone);
  const from = formatTime(lang, start, timeZone);
  const to = formatTime(lang, end, timeZone);
  return startDay === endDay ? `${startDay}, ${from}–${to}` : `${startDay}, ${from} – ${endDay}, ${to}`;
}

/** "2026-H2" → "2e halfjaar 2026" / "2nd half of 2026"; "2026-Q3" → "3e kwartaal 2026". Unknown shapes unchanged. */
export function formatPeriod(lang: Lang, period: string): string {
  const match = /^(\d{4})-([HQ])([1-4])$/.exec(period);
  if (!match) return period;
  const [, year = '', kind, n] = match;
  if (kind === 'H' && Number(n) > 2) return period;
  return t(lang, kind === 'H' ? 'period.half' : 'period.quarter', { n: Number(n), year });
}

/** A list in the language's way: "a, b en c" / "a, b and c". */
export function formatList(lang: Lang, items: string[]): string {
  return new Intl.ListFormat(LOCALES[lang], { style: 'long', type: 'conjunction' }).format(items);
}

function toDate(value: string | Date, timeZone: string): { date: Date; zone: string } {
  if (value instanceof Date) return { date: value, zone: timeZone };
  if (DAY_ONLY.test(value)) return { date: new Date(`${value}T00:00:00Z`), zone: 'UTC' };
  return { date: new Date(value), zone: timeZone };
}
