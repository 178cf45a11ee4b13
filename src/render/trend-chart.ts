// A supplier's trend over its last periods as a small PNG, drawn on the server without a browser:
// a vega-lite grid (KPIs down, periods across) compiled to SVG by vega, rasterised by resvg with
// the DejaVu font shipped as a package. Each cell has the status's shape as well as its colour,
// so it never relies on colour alone. The image has no words in it (ids and period codes only):
// one image serves both languages, and the card's alt text describes it in the reader's own.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { TrendStatus, TrendView } from '../channels/channel.ts';
import { TREND_SYMBOL } from './trend-chart-symbols.ts';

const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const COLOUR: Record<TrendStatus, string> = {
  green: '#2e7d32',
  atRisk: '#f2a900',
  red: '#c62828',
  pending: '#8a8a8a',
  nodata: '#d9d9d9',
  info: '#4a6fa5',
  none: '#f4f4f4',
};
const STATUSES = Object.keys(COLOUR) as TrendStatus[];

function spec(trend: TrendView): TopLevelSpec {
  const values = trend.kpis.flatMap((kpi) =>
    trend.periods.map((period, i) => {
      const status = kpi.statuses[i] ?? 'none';
      return { kpi: kpi.id, period, status, symbol: TREND_SYMBOL[status] };
    }),
  );
  const axis = { title: null, domain: false, ticks: false, labelFontSize: 11, labelPadding: 4 };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    padding: 6,
    width: { step: 64 },
    height: { step: 22 },
    data: { values },
    encoding: {
      x: {
        field: 'period',
        type: 'ordinal',
        sort: trend.periods,
        axis: { ...axis, orient: 'top', labelAngle: 0, labelLimit: 0 },
      },
      y: {
        field: 'kpi',
        type: 'ordinal',
        sort: trend.kpis.map((k) => k.id),
        axis: { ...axis, labelLimit: 70 },
      },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2, cornerRadius: 3 },
        encoding: {
          color: {
            field: 'status',
            type: 'nominal',
            scale: { domain: STATUSES, range: STATUSES.map((s) => COLOUR[s]) },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 13, fontWeight: 'bold' },
        encoding: {
          text: { field: 'symbol' },
          color: {
            condition: { test: "datum.status === 'nodata' || datum.status === 'atRisk'", value: '#222222' },
            value: 'white',
          },
        },
      },
    ],
    config: { font: 'DejaVu Sans', view: { stroke: null } },
  };
}

const cache = new Map<string, Buffer>();
const CACHE_MAX = 200;

/** The trend as SVG (vectors: what the PDF report embeds). */
export async function trendChartSvg(trend: TrendView): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec(trend)).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** The trend as a PNG (twice the layout size, for sharp screens); the same trend is drawn once. */
export async function trendChartPng(trend: TrendView): Promise<Buffer> {
  const id = JSON.stringify([trend.periods, trend.kpis]);
  const cached = cache.get(id);
  if (cached) return cached;
  const svg = await trendChartSvg(trend);
  const png = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT, FONT_BOLD], defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: 2 },
  })
    .render()
    .asPng();
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(id, png);
  return png;
}
