// Reading a records file from disk: a missing file or broken JSON is reported like any other problem.
import { readFile } from 'node:fs/promises';
import { type ParseResult, parseRecords } from './domain/validate.ts';

export async function readRecordsFile(path: string): Promise<ParseResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? { nl: 'bestand niet gevonden', en: 'file not found' }
        : { nl: `kan niet lezen (${code})`, en: `cannot read (${code})` };
    return { ok: false, issues: [{ path: path, text: reason }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    return {
      ok: false,
      issues: [{ path, text: { nl: `geen geldige JSON: ${detail}`, en: `not valid JSON: ${detail}` } }],
    };
  }
  return parseRecords(json);
}
