// The trend chart drawn on the server: a real PNG of the expected size, not blank, with the
// status colours in it, and the same trend drawn once.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { TrendView } from '../../src/channels/channel.ts';
import { renderCard } from '../../src/render/cards.ts';
import { trendData } from '../../src/render/scorecard-card.ts';
import { trendChartPng } from '../../src/render/trend-chart.ts';

const trend: TrendView = {
  periods: ['2025-H1', '2025-H2', '2026-H1', '2026-H2'],
  kpis: ['KPI1', 'KPI2', 'KPI3', 'KPI4', 'KPI5', 'KPI6', 'KPI7'].map((id, i) => ({
    id,
    statuses:
      i === 0 ? ['none', 'green', 'red', 'atRisk'] : ['none', 'green', 'green', i === 5 ? 'red' : 'pending'],
  })),
};

function colours(png: PNG): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < png.data.length; i += 4)
    seen.add(`${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`);
  return seen;
}

describe('the trend chart', () => {
  it('is a PNG of four columns by seven rows, drawn at twice the size, not blank', async () => {
    const bytes = await trendChartPng(trend);
    const png = PNG.sync.read(bytes);
    // Four columns of 64 px and seven rows of 22 px, with axis labels: at 2× a few hundred px.
    expect(png.width).toBeGreaterThan(2 * 4 * 64);
    expect(png.width).toBeLessThan(2 * 320);
    expect(png.height).toBeGreaterThan(2 * 7 * 22);
    const seen = colours(png);
    expect(seen.size).toBeGreaterThan(10); // text is anti-aliased: many shades, not a blank canvas
    expect(seen.has('46,125,50')).toBe(true); // green
    expect(seen.has('198,40,40')).toBe(true); // red
    expect(seen.has('242,169,0')).toBe(true); // at risk
    expect(bytes.length).toBeLessThan(22_000); // small enough to travel inline in a Teams card
    expect(await trendChartPng({ ...trend })).toBe(bytes); // the same trend is drawn once
  });

  it('is in the card as an image with its words for screen readers, in the reader language', async () => {
    const png = (await trendChartPng(trend)).toString('base64');
    const data = trendData({ ...trend, png }, 'nl');
    expect(data.url.startsWith('data:image/png;base64,')).toBe(true);
    expect(data.alt).toContain('KPI1 · ✔ ✖ ▲');
    expect(trendData({ ...trend, png }, 'en').title).toBe('Trend over the last 4 periods');
    const card = JSON.stringify(
      renderCard(
        {
          kind: 'scorecard',
          scorecard: {
            supplier: 's1',
            supplierName: 'Facilitators BV',
            period: '2026-H2',
            asOf: '2026-12-01T10:00:00+01:00',
            kpis: [],
            consequence: { nl: 'Geen', en: 'None' },
            timeZone: 'Europe/Amsterdam',
            trend: { ...trend, png },
          },
        },
        'nl',
      ),
    );
    expect(card).toContain('"type":"Image"');
    expect(card).toContain('Verloop over de laatste 4 perioden');
  });
});
