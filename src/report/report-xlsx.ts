// The progress report as an XLSX workbook (exceljs): a scorecard sheet with the lights as
// conditional formatting on the status column and the trend chart as an image, then a sheet per
// KPI with its scorecard row and its details, and one for the findings. Frozen header rows; the
// same words and figures as the PDF (report-tables.ts).
import ExcelJS from 'exceljs';
import type { Lang } from '../i18n.ts';
import { trendChartPng } from '../render/trend-chart.ts';
import { t } from '../texts/index.ts';
import type { ReportData } from './report-data.ts';
import { LIGHT_FILL } from './report-pdf.ts';
import { reportTables } from './report-tables.ts';

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
const bold = { bold: true };
const ATTENTION: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE8E8' } };

export async function reportXlsx(data: ReportData, lang: Lang): Promise<Buffer> {
  const tables = reportTables(data, lang);
  const book = new ExcelJS.Workbook();
  book.creator = 'prestatiemonitor';
  book.title = tables.title;
  const card = book.addWorksheet(t(lang, 'report.scorecard'), { views: [{ state: 'frozen', ySplit: 4 }] });
  card.addRow([tables.title]).font = { bold: true, size: 14 };
  card.addRow([tables.subtitle]);
  card.addRow([]);
  card.addRow(tables.scorecard.columns).font = bold;
  for (const row of tables.scorecard.rows) card.addRow(row);
  card.columns.forEach((column, i) => {
    column.width = [8, 34, 18, 10, 10, 16, 40][i] ?? 12;
  });
  const first = 5;
  const last = first + tables.scorecard.rows.length - 1;
  // The lights: each status word's colour, as conditional formatting on the status column.
  const words = new Map<string, string>();
  tables.scorecard.rows.forEach((row, i) => {
    words.set(row[2] ?? '', LIGHT_FILL[tables.scorecard.lights[i] ?? 'none']);
  });
  card.addConditionalFormatting({
    ref: `C${first}:C${last}`,
    // Equal to the word, not containing it: "groen" is part of "groen, kwetsbaar".
    rules: [...words].map(([word, colour], priority) => ({
      type: 'expression',
      formulae: [`$C${first}="${word.replace(/"/g, '""')}"`],
      priority: priority + 1,
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(colour) } }, font: bold },
    })),
  });
  card.addRow([]);
  card.addRow([tables.consequence]).font = bold;
  card.addRow([]);
  card.addRow([tables.trendTitle]).font = bold;
  const chartRow = card.rowCount;
  const image = book.addImage({
    buffer: (await trendChartPng(data.trend)) as unknown as ExcelJS.Buffer,
    extension: 'png',
  });
  card.addImage(image, {
    tl: { col: 0, row: chartRow },
    ext: { width: 60 + 64 * data.trend.periods.length, height: 30 + 22 * data.trend.kpis.length },
  });
  // A sheet per KPI: its scorecard row, then its details; and the findings.
  for (const section of tables.sections) {
    const sheet = book.addWorksheet(section.kpi ?? section.title.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: section.kpi ? 2 : 0 }],
    });
    if (section.kpi) {
      const index = data.scorecard.kpis.findIndex((k) => k.id === section.kpi);
      sheet.addRow(tables.scorecard.columns).font = bold;
      sheet.addRow(tables.scorecard.rows[index] ?? []);
      sheet.addRow([]);
    }
    sheet.addRow([section.title]).font = bold;
    sheet.addRow(section.columns).font = bold;
    if (section.rows.length === 0) sheet.addRow([t(lang, 'report.none')]);
    const start = sheet.rowCount + 1;
    sheet.addRows(section.rows);
    // What needs attention (a request or session failing its KPI) stands out.
    section.attention?.forEach((flagged, i) => {
      if (flagged) sheet.getRow(start + i).fill = ATTENTION;
    });
    for (const line of section.lines ?? []) sheet.addRow([line]);
    sheet.columns.forEach((column) => {
      column.width = 22;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
