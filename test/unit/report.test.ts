// The progress report from the demo records, as a person runs it (`prestatiemonitor report`): the
// PDF has its pages numbered, the DejaVu font embedded, and the scorecard's figures to the digit
// (read back with pdftotext; its pages turned into PNG with pdftoppm for docs/screenshots); the
// XLSX, read back with exceljs, has a sheet per KPI, the lights as conditional formatting, the trend
// as an image, and each KPI's figures as `scorecard --json` gives them. No test here depends on
// today's date: every figure is scored as of a fixed moment.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../../src/domain/scoring.ts';
import { formatPercent } from '../../src/texts/format.ts';
import { SCREENSHOTS } from '../e2e/local-bed.ts';
import { DEMO, inProcess } from '../support/cli-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'report-'));
const AS_OF = '2026-07-25T12:00:00+02:00';
const args = ['--records', DEMO, '--supplier', 'fbv', '--period', '2026-H1', '--as-of', AS_OF];

async function scorecardJson(): Promise<Scorecard> {
  const run = await inProcess(['scorecard', ...args, '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as Scorecard;
}

/** A ratio's figures as the report writes them in Dutch. */
function ratioCells(kpi: Scorecard['kpis'][number]) {
  if (!('passed' in kpi)) return undefined;
  return {
    value: kpi.value === undefined ? '—' : formatPercent('nl', kpi.value),
    counted: `${kpi.passed} van ${kpi.counted}`,
  };
}

describe('the progress report', () => {
  it('is a numbered PDF with the font embedded and the scorecard figures to the digit', async () => {
    const file = join(dir, 'fbv.pdf');
    const run = await inProcess(['report', ...args, '--format', 'pdf', '--out', file]);
    expect(run.code).toBe(0);
    expect(run.err).toContain(`Geschreven naar ${file}`);
    const fonts = execFileSync('pdffonts', [file]).toString();
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    const pages = Number(/Pagina 1 van (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Pagina ${pages} van ${pages}`);
    expect(text).toContain('Voortgangsrapportage Facilitators BV');
    const card = await scorecardJson();
    for (const kpi of card.kpis) {
      const cells = ratioCells(kpi);
      if (!cells) continue;
      // The KPI's row: its id, its value and its count, on one line of the table.
      expect(text).toMatch(new RegExp(`${kpi.id}\\b.*${cells.value.replace('.', '\\.')}.*${cells.counted}`));
    }
    // The pages as images, for the docs (and to look at).
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '2', file, join(dir, 'page')]);
    const images = readdirSync(dir)
      .filter((f) => f.startsWith('page'))
      .sort();
    expect(images).toHaveLength(2);
    images.forEach((image, i) => {
      renameSync(join(dir, image), join(SCREENSHOTS, `report-page-${i + 1}.png`));
    });
  });

  it('is an XLSX with a sheet per KPI, the lights as conditional formatting, the trend as an image, and the scorecard figures', async () => {
    const file = join(dir, 'fbv.xlsx');
    const run = await inProcess(['report', ...args, '--format', 'xlsx', '--out', file, '--lang', 'en']);
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Scorecard',
      'KPI1',
      'KPI2',
      'KPI3',
      'KPI4',
      'KPI5',
      'KPI6',
      'KPI7',
      'Findings and replies',
    ]);
    const sheet = book.getWorksheet('Scorecard');
    if (!sheet) throw new Error('no scorecard sheet');
    expect(sheet.getImages()).toHaveLength(1);
    const rules = (sheet as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(rules[0]?.ref).toBe('C5:C11');
    // One rule per status word, each on the word itself: amber for "green, at risk", not green.
    const formatting = rules[0] as unknown as {
      rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[];
    };
    const colourOf = (word: string) =>
      formatting.rules.find((r) => r.formulae[0] === `$C5="${word}"`)?.style.fill.bgColor.argb;
    expect(colourOf('green')).toBe('FF2E7D32');
    expect(colourOf('green, at risk')).toBe('FFF2A900');
    const card = await scorecardJson();
    const en = (kpi: Scorecard['kpis'][number]) =>
      'passed' in kpi
        ? {
            value: kpi.value === undefined ? '—' : formatPercent('en', kpi.value),
            counted: `${kpi.passed} of ${kpi.counted}`,
          }
        : undefined;
    card.kpis.forEach((kpi, i) => {
      const row = sheet.getRow(5 + i).values as string[];
      expect(row[1]).toBe(kpi.id);
      const cells = en(kpi);
      if (cells) {
        expect(row[4]).toBe(cells.value);
        expect(String(row[6])).toContain(cells.counted);
      }
      // The KPI's own sheet starts with the same row.
      const own = book.getWorksheet(kpi.id);
      expect((own?.getRow(2).values as string[] | undefined)?.[1]).toBe(kpi.id);
    });
  });

  it('names every wrong argument and writes nothing', async () => {
    const run = await inProcess([
      'report',
      '--records',
      DEMO,
      '--supplier',
      'nope',
      '--format',
      'docx',
      '--period',
      '2026-X',
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--format: kies pdf of xlsx (niet "docx")');
    expect(run.err).toContain('--supplier: onbekende opdrachtnemer "nope"');
    expect(run.err).toContain('2026-X');
  });
});
