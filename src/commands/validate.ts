// `prestatiemonitor validate`: checks a records file and lists every problem.
import { checkLang, parseCommandArgs } from './args.ts';
import type { CommandIo } from './io.ts';
import { readRecordsArg } from './records-arg.ts';

export const VALIDATE_HELP = {
  nl: `Gebruik: prestatiemonitor validate --records BESTAND [--lang nl|en]

Controleert een records-bestand en noemt elk probleem met het pad van het veld.`,
  en: `Usage: prestatiemonitor validate --records FILE [--lang nl|en]

Checks a records file and names every problem by the path of its field.`,
} as const;

export async function validateCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, lang } = parseCommandArgs(argv, { records: { type: 'string' }, lang: { type: 'string' } });
  if (values.help) {
    io.out(VALIDATE_HELP[lang]);
    return 0;
  }
  checkLang(values.lang);
  const r = await readRecordsArg(values.records, lang);
  io.out(
    lang === 'nl'
      ? `${values.records}: in orde (${r.suppliers.length} leveranciers, ${r.people.length} personen, ${r.sessions.length} sessies, ${r.evaluations.length} evaluaties)`
      : `${values.records}: valid (${r.suppliers.length} suppliers, ${r.people.length} people, ${r.sessions.length} sessions, ${r.evaluations.length} evaluations)`,
  );
  return 0;
}
