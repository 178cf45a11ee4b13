// `prestatiemonitor report`: a supplier's progress report over a period as PDF or XLSX, from a
// records file or from the store, scored as `prestatiemonitor scorecard` scores it.
import { writeFile } from 'node:fs/promises';
import type { Records } from '../domain/records.ts';
import type { Lang } from '../i18n.ts';
import { reportData } from '../report/report-data.ts';
import { reportPdf } from '../report/report-pdf.ts';
import { reportXlsx } from '../report/report-xlsx.ts';
import { t } from '../texts/index.ts';
import { parseCommandArgs } from './args.ts';
import { checkOutFolder } from './export.ts';
import { type CommandIo, UsageError } from './io.ts';
import { readRecordsArg } from './records-arg.ts';
import { resolveArgs } from './scorecard.ts';
import { chooseContract, withStore } from './store-access.ts';

const FORMATS = ['pdf', 'xlsx'] as const;

export async function reportCommand(argv: string[], io: CommandIo, lang: Lang): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      records: { type: 'string' },
      contract: { type: 'string' },
      supplier: { type: 'string' },
      period: { type: 'string' },
      'as-of': { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    lang,
  );
  const format = values.format as string | undefined;
  const problems: string[] = [];
  if (!FORMATS.includes(format as (typeof FORMATS)[number]))
    problems.push(t(lang, 'cli.error.format', { value: format ?? '' }));
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (out !== undefined) await checkOutFolder(out, lang);
  const records: Records =
    typeof values.records === 'string'
      ? await readRecordsArg(values.records, lang)
      : await withStore(async (store) =>
          store.records.exportRecords(
            await chooseContract(store, values.contract as string | undefined, lang),
          ),
        );
  const known = records.suppliers.map((s) => s.id);
  if (typeof values.supplier !== 'string')
    problems.push(t(lang, 'cli.error.supplierRequired', { known: known.join(', ') }));
  let resolved: ReturnType<typeof resolveArgs> | undefined;
  try {
    resolved = resolveArgs(
      records.contract,
      known,
      {
        supplier: values.supplier as string | undefined,
        period: values.period as string | undefined,
        asOf: values['as-of'] as string | undefined,
        lang,
      },
      io.now(),
    );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    problems.push(...error.lines);
  }
  if (problems.length > 0 || !resolved?.supplier) throw new UsageError(problems);
  const data = reportData(records, resolved.supplier, resolved.period, resolved.asOf);
  const file = format === 'pdf' ? await reportPdf(data, lang) : await reportXlsx(data, lang);
  const target = out ?? `rapport-${resolved.supplier}-${resolved.period.id}.${format}`;
  await writeFile(target, file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError([
      t(lang, 'cli.error.outWrite', { value: target, reason: error.code ?? error.message }),
    ]);
  });
  io.err(t(lang, 'cli.export.written', { file: target }));
  return 0;
}
