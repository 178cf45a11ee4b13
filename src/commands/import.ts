// `prestatiemonitor import`: a records file into the store, all or nothing (validated, and planned so
// that nothing too large is written), then the evaluations of open sessions scheduled.
import { formatIssues } from '../domain/validate.ts';
import { importRecordsFile } from '../flows/import-records.ts';
import { ImportRefusedError } from '../store/records-store.ts';
import { checkLang, parseCommandArgs } from './args.ts';
import { type CommandIo, UsageError } from './io.ts';
import { readRecordsArg } from './records-arg.ts';
import { withStore } from './store-access.ts';

export const IMPORT_HELP = {
  nl: `Gebruik: prestatiemonitor import --records BESTAND [--lang nl|en]

Controleert het hele bestand en schrijft niets als er iets mis is; voegt het daarna samen met de
opslag (antwoorden gaan nooit verloren) en plant de evaluatie van sessies waarvan de termijn nog
open is. Hetzelfde bestand opnieuw importeren verandert niets; een onderbroken import maakt een
tweede keer af.`,
  en: `Usage: prestatiemonitor import --records FILE [--lang nl|en]

Checks the whole file and writes nothing if anything is wrong; then merges it into the store
(answers are never lost) and schedules the evaluation of sessions whose window is still open.
Importing the same file again changes nothing; an interrupted import is completed by a second run.`,
} as const;

export async function importCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, lang } = parseCommandArgs(argv, { records: { type: 'string' }, lang: { type: 'string' } });
  if (values.help) {
    io.out(IMPORT_HELP[lang]);
    return 0;
  }
  checkLang(values.lang);
  const records = await readRecordsArg(values.records, lang);
  const clock = { now: () => io.now() };
  const result = await withStore((store) => importRecordsFile(store, records, clock)).catch(
    (error: unknown) => {
      if (error instanceof ImportRefusedError) throw new UsageError(formatIssues(error.issues, lang));
      throw error;
    },
  );
  io.out(
    lang === 'nl'
      ? `Geïmporteerd: contract ${records.contract.id}, ${result.written} records geschreven, ${result.unchanged} ongewijzigd, ${result.scheduled} evaluaties gepland.`
      : `Imported: contract ${records.contract.id}, ${result.written} records written, ${result.unchanged} unchanged, ${result.scheduled} evaluations scheduled.`,
  );
  return 0;
}
