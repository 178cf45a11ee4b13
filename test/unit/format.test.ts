// Numbers, percentages, dates, moments, time ranges and periods as a Dutch and an English reader read
// them, through Intl: one formatter for the cards, Block Kit and the command line.
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatList,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatTime,
  formatTimeRange,
} from '../../src/texts/format.ts';

const ZONE = 'Europe/Amsterdam';

describe('formatting in Dutch and English', () => {
  it('writes numbers and percentages with the language’s decimal sign', () => {
    expect([formatNumber('nl', 1234.5), formatNumber('en', 1234.5)]).toEqual(['1.234,5', '1,234.5']);
    expect([formatPercent('nl', 0.895), formatPercent('en', 0.895)]).toEqual(['89,5%', '89.5%']);
    expect(formatPercent('nl', 1)).toBe('100%');
  });

  it('writes dates in words, a calendar day as that day, a moment in the contract’s zone', () => {
    expect([formatDate('nl', '2026-11-23', ZONE), formatDate('en', '2026-11-23', ZONE)]).toEqual([
      '23 november 2026',
      '23 November 2026',
    ]);
    // 23:30 UTC is already the 24th in Amsterdam.
    expect(formatDate('nl', '2026-11-23T23:30:00Z', ZONE)).toBe('24 november 2026');
    expect([
      formatDateTime('nl', '2026-11-23T16:00:00+01:00', ZONE),
      formatDateTime('en', '2026-11-23T16:00:00+01:00', ZONE),
    ]).toEqual(['23 november 2026 om 16:00', '23 November 2026 at 16:00']);
    expect(formatTime('en', '2026-11-23T14:05:00+01:00', ZONE)).toBe('14:05');
    expect(formatTimeRange('nl', '2026-11-23T14:00:00+01:00', '2026-11-23T16:00:00+01:00', ZONE)).toBe(
      '23 november 2026, 14:00–16:00',
    );
  });

  it('names half-years and quarters as people say them', () => {
    expect(['2026-H1', '2026-H2', '2026-Q3', '2027-Q1'].map((p) => formatPeriod('nl', p))).toEqual([
      '1e halfjaar 2026',
      '2e halfjaar 2026',
      '3e kwartaal 2026',
      '1e kwartaal 2027',
    ]);
    expect(['2026-H1', '2026-H2', '2026-Q3', '2027-Q1'].map((p) => formatPeriod('en', p))).toEqual([
      '1st half of 2026',
      '2nd half of 2026',
      '3rd quarter of 2026',
      '1st quarter of 2027',
    ]);
    expect(formatPeriod('nl', 'geen periode')).toBe('geen periode');
  });

  it('joins lists the language’s way', () => {
    expect([formatList('nl', ['a', 'b', 'c']), formatList('en', ['a', 'b', 'c'])]).toEqual([
      'a, b en c',
      'a, b and c',
    ]);
  });
});
