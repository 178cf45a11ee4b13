// The --records argument of the commands: a file read and validated, or one line per problem.
import type { Records } from '../domain/records.ts';
import { formatIssues } from '../domain/validate.ts';
import type { Lang } from '../i18n.ts';
import { readRecordsFile } from '../records-file.ts';
import { UsageError } from './io.ts';

export async function readRecordsArg(value: string | boolean | undefined, lang: Lang): Promise<Records> {
  if (typeof value !== 'string') {
    throw new UsageError([
      lang === 'nl' ? '--records: geef het records-bestand op' : '--records: name the records file',
    ]);
  }
  const parsed = await readRecordsFile(value);
  if (!parsed.ok) throw new UsageError(formatIssues(parsed.issues, lang));
  return parsed.records;
}
