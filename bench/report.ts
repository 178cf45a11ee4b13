// A half-year progress report for one supplier with 5,000 sessions (and their requests and
// evaluations) of its own: gathering the data (scoring the period and the trend), then the PDF and
// the XLSX. The bound: under 3 s for the report.
import { parsePeriod } from '../src/domain/periods.ts';
import { reportData } from '../src/report/report-data.ts';
import { reportPdf } from '../src/report/report-pdf.ts';
import { reportXlsx } from '../src/report/report-xlsx.ts';
import { syntheticRecords } from '../test/support/synthetic.ts';
import { time } from './stats.ts';

export async function benchReport(): Promise<Record<string, unknown>> {
  // 10,000 sessions over both suppliers: 5,000 of them s1's.
  const records = syntheticRecords(10_000);
  const period = parsePeriod('2026-H1');
  if (!period) throw new Error('period');
  const asOf = Date.parse('2026-07-15T00:00:00+02:00');
  let pages = 0;
  let bytes = { pdf: 0, xlsx: 0 };
  const data = await time(3, () => {
    reportData(records, 's1', period, asOf);
  });
  const pdf = await time(3, async () => {
    const file = await reportPdf(reportData(records, 's1', period, asOf), 'nl');
    bytes = { ...bytes, pdf: file.length };
    pages = (file.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  });
  const xlsx = await time(3, async () => {
    const file = await reportXlsx(reportData(records, 's1', period, asOf), 'nl');
    bytes = { ...bytes, xlsx: file.length };
  });
  const sessions = reportData(records, 's1', period, asOf).sessions.length;
  return { name: `half-year report of one supplier, ${sessions} sessions`, data, pdf, xlsx, pages, bytes };
}
