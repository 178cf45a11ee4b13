// `prestatiemonitor export`: the store back into a records file.
import { stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Lang } from '../i18n.ts';
import { t } from '../texts/index.ts';
import { parseCommandArgs } from './args.ts';
import { type CommandIo, UsageError } from './io.ts';
import { chooseContract, withStore } from './store-access.ts';

export async function exportCommand(argv: string[], io: CommandIo, lang: Lang): Promise<number> {
  const { values } = parseCommandArgs(argv, { out: { type: 'string' }, contract: { type: 'string' } }, lang);
  const out = typeof values.out === 'string' ? values.out : undefined;
  // Checked before the store is opened: a typo in the folder is the caller's, named as such.
  if (out !== undefined) await checkOutFolder(out, lang);
  const records = await withStore(async (store) => {
    const contract = await chooseContract(store, values.contract as string | undefined, lang);
    return store.records.exportRecords(contract);
  });
  const json = `${JSON.stringify(records, null, 2)}\n`;
  if (out === undefined) {
    io.out(json.trimEnd());
    return 0;
  }
  await writeFile(out, json).catch((error: NodeJS.ErrnoException) => {
    // A folder that is not writable, or --out naming a folder: the caller's to fix.
    throw new UsageError([
      t(lang, 'cli.error.outWrite', { value: out, reason: error.code ?? error.message }),
    ]);
  });
  io.err(t(lang, 'cli.export.written', { file: out }));
  return 0;
}

export async function checkOutFolder(out: string, lang: Lang): Promise<void> {
  const folder = dirname(out);
  const isFolder = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isFolder) throw new UsageError([t(lang, 'cli.error.outFolder', { folder, value: out })]);
}
