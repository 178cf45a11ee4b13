// The --records argument of the commands: a file read, parsed and validated, or one line per problem.
// A file that cannot be read or is not JSON is named with its argument, like any other bad value.
import { readFile } from 'node:fs/promises';
import type { Records } from '../domain/records.ts';
import { formatIssues, parseRecords } from '../domain/validate.ts';
import type { Lang } from '../i18n.ts';
import { t } from '../texts/index.ts';
import { UsageError } from './io.ts';

export async function readRecordsArg(value: string | boolean | undefined, lang: Lang): Promise<Records> {
  if (typeof value !== 'string') throw new UsageError([t(lang, 'cli.error.records')]);
  let text: string;
  try {
    text = await readFile(value, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UsageError([
      code === 'ENOENT'
        ? t(lang, 'cli.error.recordsNotFound', { value })
        : t(lang, 'cli.error.recordsUnreadable', { value, code }),
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError([notJson(value, text, (error as Error).message, lang)]);
  }
  const parsed = parseRecords(json);
  if (!parsed.ok) throw new UsageError(formatIssues(parsed.issues, lang));
  return parsed.records;
}

/** Where the JSON breaks, as the line and column an editor shows, when node says where. */
function notJson(value: string, text: string, message: string, lang: Lang): string {
  const match = /at position (\d+)/.exec(message);
  const position = match ? Number(match[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  if (position === undefined) return t(lang, 'cli.error.recordsNotJson', { value, line: 0, column: 0 });
  const before = text.slice(0, position).split('\n');
  return t(lang, 'cli.error.recordsNotJson', {
    value,
    line: before.length,
    column: (before.at(-1)?.length ?? 0) + 1,
  });
}
