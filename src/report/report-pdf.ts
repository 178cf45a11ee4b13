// The progress report as a PDF (pdfmake): A4, the DejaVu font embedded (subset), the scorecard with
// its lights as coloured cells, the trend as vector SVG (the scorecard's own chart), a table per
// section and "Pagina 1 van 3" footers. No file or URL is read while rendering: fonts come from the
// package, and the policies refuse everything else.
import { createRequire } from 'node:module';
import type { TrendStatus } from '../channels/channel.ts';
import type { Lang } from '../i18n.ts';
import { trendChartSvg } from '../render/trend-chart.ts';
import { t } from '../texts/index.ts';
import type { ReportData } from './report-data.ts';
import { reportTables, type Section } from './report-tables.ts';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as {
  setFonts(fonts: object): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
};
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
pdfmake.setFonts({ DejaVu: { normal: FONT, bold: FONT_BOLD, italics: FONT, bolditalics: FONT_BOLD } });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path === FONT || path === FONT_BOLD);

/** The cell colours of the lights: the same as the trend chart's. */
export const LIGHT_FILL: Record<TrendStatus, string> = {
  green: '#2e7d32',
  atRisk: '#f2a900',
  red: '#c62828',
  pending: '#8a8a8a',
  nodata: '#d9d9d9',
  info: '#4a6fa5',
  none: '#f4f4f4',
};

const header = (columns: string[]) => columns.map((text) => ({ text, style: 'th' }));

function sectionBlock(section: Section, lang: Lang): object[] {
  // Only what needs attention is listed; the rest is counted (every row is in the XLSX).
  const shown = section.attention ? section.rows.filter((_, i) => section.attention?.[i]) : section.rows;
  const counted = section.attention !== undefined && section.rows.length > 0;
  const blocks: object[] = [{ text: section.title, style: 'h2' }];
  if (counted)
    blocks.push({
      text: t(lang, 'report.attention', { shown: shown.length, rest: section.rows.length - shown.length }),
      style: 'muted',
      margin: [0, 0, 0, 4],
    });
  if (shown.length > 0)
    blocks.push({
      table: {
        headerRows: 1,
        widths: section.columns.map((_, i) => (i === section.columns.length - 1 ? '*' : 'auto')),
        // The first column is an id or a date: kept on one line.
        body: [
          header(section.columns),
          ...shown.map(([first, ...rest]) => [{ text: first, noWrap: true }, ...rest]),
        ],
      },
      layout: 'lightHorizontalLines',
      style: 'table',
    });
  else if (!counted) blocks.push({ text: t(lang, 'report.none'), style: 'muted' });
  for (const text of section.lines ?? []) blocks.push({ text, margin: [0, 4, 0, 0] });
  return blocks;
}

export async function reportPdf(data: ReportData, lang: Lang): Promise<Buffer> {
  const tables = reportTables(data, lang);
  const svg = await trendChartSvg(data.trend);
  const score = tables.scorecard;
  const statusColumn = 2;
  const doc = {
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    info: { title: tables.title, subject: tables.subtitle },
    defaultStyle: { font: 'DejaVu', fontSize: 9, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 2] },
      h2: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
      th: { bold: true },
      muted: { color: '#555555' },
      table: { margin: [0, 0, 0, 2] },
    },
    footer: (page: number, pages: number) => ({
      text: t(lang, 'report.page', { page, pages }),
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
      margin: [0, 16, 0, 0],
    }),
    content: [
      { text: tables.title, style: 'h1' },
      { text: tables.subtitle, style: 'muted' },
      { text: t(lang, 'report.scorecard'), style: 'h2' },
      {
        table: {
          headerRows: 1,
          widths: [26, 84, 60, 66, 56, 58, '*'],
          body: [
            header(score.columns),
            ...score.rows.map((row, i) =>
              row.map((text, column) => {
                const light = score.lights[i] ?? 'none';
                if (column !== statusColumn) return { text };
                const dark = light !== 'nodata' && light !== 'atRisk' && light !== 'none';
                return {
                  text,
                  fillColor: LIGHT_FILL[light],
                  color: dark ? '#ffffff' : '#222222',
                  bold: true,
                };
              }),
            ),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: tables.consequence, bold: true, margin: [0, 6, 0, 0] },
      { text: tables.trendTitle, style: 'h2' },
      { svg, width: 60 + 64 * data.trend.periods.length },
      { text: tables.trendLegend, style: 'muted', fontSize: 8, margin: [0, 4, 0, 0] },
      ...tables.sections.flatMap((section) => sectionBlock(section, lang)),
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}
