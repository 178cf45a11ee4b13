// `prestatiemonitor export`: the store back into a records file.
import { stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkLang, parseCommandArgs } from './args.ts';
import { type CommandIo, UsageError } from './io.ts';
import { chooseContract, withStore } from './store-access.ts';

export const EXPORT_HELP = {
  nl: `Gebruik: prestatiemonitor export [--out BESTAND] [--contract ID] [--lang nl|en]

Schrijft alle records van het contract als records-bestand (zonder --out naar de uitvoer).`,
  en: `Usage: prestatiemonitor export [--out FILE] [--contract ID] [--lang nl|en]

Writes all records of the contract as a records file (to standard output without --out).`,
} as const;

export async function exportCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, lang } = parseCommandArgs(argv, {
    out: { type: 'string' },
    contract: { type: 'string' },
    lang: { type: 'string' },
  });
  if (values.help) {
    io.out(EXPORT_HELP[lang]);
    return 0;
  }
  checkLang(values.lang);
  // Checked before the store is opened: a typo in the folder is the caller's, named as such.
  if (typeof values.out === 'string') await checkOutFolder(values.out, lang);
  const records = await withStore(async (store) => {
    const contract = await chooseContract(store, values.contract as string | undefined, lang);
    return store.records.exportRecords(contract);
  });
  const json = `${JSON.stringify(records, null, 2)}\n`;
  if (typeof values.out === 'string') {
    await writeFile(values.out, json);
    io.err(lang === 'nl' ? `Geschreven naar ${values.out}` : `Written to ${values.out}`);
  } else io.out(json.trimEnd());
  return 0;
}

async function checkOutFolder(out: string, lang: 'nl' | 'en'): Promise<void> {
  const folder = dirname(out);
  const isFolder = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isFolder)
    throw new UsageError([
      lang === 'nl'
        ? `--out: de map "${folder}" bestaat niet (waarde "${out}")`
        : `--out: the folder "${folder}" does not exist (value "${out}")`,
    ]);
}
