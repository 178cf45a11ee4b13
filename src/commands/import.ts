// `prestatiemonitor import`: a records file into the store, all or nothing at validation.
import { formatIssues } from '../domain/validate.ts';
import { readRecordsFile } from '../records-file.ts';
import { checkLang, parseCommandArgs } from './args.ts';
import { type CommandIo, UsageError } from './io.ts';
import { withStore } from './store-access.ts';

export const IMPORT_HELP = {
  nl: `Gebruik: prestatiemonitor import --records BESTAND [--lang nl|en]

Controleert het hele bestand en schrijft niets als er iets mis is; voegt het daarna samen met de
opslag (antwoorden gaan nooit verloren). Hetzelfde bestand opnieuw importeren verandert niets.`,
  en: `Usage: prestatiemonitor import --records FILE [--lang nl|en]

Checks the whole file and writes nothing if anything is wrong; then merges it into the store
(answers are never lost). Importing the same file again changes nothing.`,
} as const;

export async function importCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, lang } = parseCommandArgs(argv, { records: { type: 'string' }, lang: { type: 'string' } });
  if (values.help) {
    io.out(IMPORT_HELP[lang]);
    return 0;
  }
  checkLang(values.lang);
  if (typeof values.records !== 'string') {
    throw new UsageError([
      lang === 'nl' ? '--records: geef het records-bestand op' : '--records: name the records file',
    ]);
  }
  const parsed = await readRecordsFile(values.records);
  if (!parsed.ok) throw new UsageError(formatIssues(parsed.issues, lang));
  const result = await withStore((store) => store.records.importRecords(parsed.records));
  io.out(
    lang === 'nl'
      ? `Geïmporteerd: contract ${parsed.records.contract.id}, ${result.written} records geschreven, ${result.unchanged} ongewijzigd.`
      : `Imported: contract ${parsed.records.contract.id}, ${result.written} records written, ${result.unchanged} unchanged.`,
  );
  return 0;
}
