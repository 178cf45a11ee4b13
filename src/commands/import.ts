// `prestatiemonitor import`: a records file into the store, all or nothing (validated, and planned so
// that nothing too large is written), then the evaluations of open sessions scheduled.
import { formatIssues } from '../domain/validate.ts';
import { importRecordsFile } from '../flows/import-records.ts';
import type { Lang } from '../i18n.ts';
import { ImportRefusedError } from '../store/records-store.ts';
import { t } from '../texts/index.ts';
import { parseCommandArgs } from './args.ts';
import { type CommandIo, UsageError } from './io.ts';
import { readRecordsArg } from './records-arg.ts';
import { withStore } from './store-access.ts';

export async function importCommand(argv: string[], io: CommandIo, lang: Lang): Promise<number> {
  const { values } = parseCommandArgs(argv, { records: { type: 'string' } }, lang);
  const records = await readRecordsArg(values.records, lang);
  const clock = { now: () => io.now() };
  const result = await withStore((store) => importRecordsFile(store, records, clock)).catch(
    (error: unknown) => {
      if (error instanceof ImportRefusedError) throw new UsageError(formatIssues(error.issues, lang));
      throw error;
    },
  );
  io.out(
    t(lang, 'cli.import.done', {
      contract: records.contract.id,
      written: result.written,
      unchanged: result.unchanged,
      scheduled: result.scheduled,
    }),
  );
  return 0;
}
