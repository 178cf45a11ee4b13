// `prestatiemonitor validate`: checks a records file and lists every problem.
import type { Lang } from '../i18n.ts';
import { t } from '../texts/index.ts';
import { parseCommandArgs } from './args.ts';
import type { CommandIo } from './io.ts';
import { readRecordsArg } from './records-arg.ts';

export async function validateCommand(argv: string[], io: CommandIo, lang: Lang): Promise<number> {
  const { values } = parseCommandArgs(argv, { records: { type: 'string' } }, lang);
  const r = await readRecordsArg(values.records, lang);
  io.out(
    t(lang, 'cli.validate.ok', {
      file: String(values.records),
      suppliers: r.suppliers.length,
      people: r.people.length,
      sessions: r.sessions.length,
      evaluations: r.evaluations.length,
    }),
  );
  return 0;
}
