// `prestatiemonitor import`: a records file into the store, all or nothing at validation.
import { checkLang, parseCommandArgs } from './args.ts';
import type { CommandIo } from './io.ts';
import { readRecordsArg } from './records-arg.ts';
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
  const records = await readRecordsArg(values.records, lang);
  const result = await withStore((store) => store.records.importRecords(records));
  io.out(
    lang === 'nl'
      ? `Geïmporteerd: contract ${records.contract.id}, ${result.written} records geschreven, ${result.unchanged} ongewijzigd.`
      : `Imported: contract ${records.contract.id}, ${result.written} records written, ${result.unchanged} unchanged.`,
  );
  return 0;
}
