// `prestatiemonitor scorecard`: the scorecard of one supplier or all, as a table or as JSON.
import { parsePeriod } from '../domain/periods.ts';
import type { Records } from '../domain/records.ts';
import { contractSettings } from '../domain/records.ts';
import { prepare, type Scorecard, scoreSupplier } from '../domain/scoring.ts';
import { dayStart, parseInstant } from '../domain/time.ts';
import { formatIssues } from '../domain/validate.ts';
import type { Lang } from '../i18n.ts';
import { readRecordsFile } from '../records-file.ts';
import { renderScorecardText } from '../render/scorecard-text.ts';
import { checkLang, parseCommandArgs } from './args.ts';
import { type CommandIo, UsageError } from './io.ts';

export const SCORECARD_HELP = {
  nl: `Gebruik: prestatiemonitor scorecard --records BESTAND [opties]

Berekent de scorecard per leverancier en periode volgens het toetsplan.

  --records BESTAND   het records-bestand (JSON)
  --supplier ID       alleen deze leverancier (anders alle)
  --period PERIODE    2026-H1 of 2026-Q3 (standaard: de periode van --as-of)
  --as-of MOMENT      stand per dit moment, ISO 8601 (2026-07-01T00:00:00+02:00); standaard nu
  --json              JSON zoals beschreven in RECORDS.md
  --lang nl|en        taal van de uitvoer (standaard nl)`,
  en: `Usage: prestatiemonitor scorecard --records FILE [options]

Computes the scorecard per supplier and period, by the test plan.

  --records FILE      the records file (JSON)
  --supplier ID       only this supplier (otherwise all)
  --period PERIOD     2026-H1 or 2026-Q3 (default: the period containing --as-of)
  --as-of MOMENT      as of this moment, ISO 8601 (2026-07-01T00:00:00+02:00); default now
  --json              JSON as described in RECORDS.md
  --lang nl|en        output language (default nl)`,
} as const;

export interface ScorecardArgs {
  supplier?: string;
  period?: string;
  asOf?: string;
  lang: Lang;
}

/** Scores the records for the arguments given; throws a UsageError naming any argument that is wrong. */
export function scorecardsFor(records: Records, args: ScorecardArgs, now: number): Scorecard[] {
  const problems: string[] = [];
  const nl = args.lang === 'nl';
  const zone = contractSettings(records.contract).timeZone;
  let asOf = now;
  if (args.asOf !== undefined) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(args.asOf)) asOf = dayStart(args.asOf, zone);
    else if (
      /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(args.asOf) &&
      !Number.isNaN(parseInstant(args.asOf))
    ) {
      asOf = parseInstant(args.asOf);
    } else {
      problems.push(
        nl
          ? `--as-of: verwacht een ISO-moment met tijdzone (2026-07-01T00:00:00+02:00) of een datum, niet "${args.asOf}"`
          : `--as-of: expected an ISO moment with an offset (2026-07-01T00:00:00+02:00) or a date, not "${args.asOf}"`,
      );
    }
  }
  const period = args.period === undefined ? undefined : parsePeriod(args.period);
  if (args.period !== undefined && !period) {
    problems.push(
      nl
        ? `--period: verwacht een halfjaar of kwartaal zoals 2026-H1 of 2026-Q3, niet "${args.period}"`
        : `--period: expected a half-year or quarter such as 2026-H1 or 2026-Q3, not "${args.period}"`,
    );
  }
  if (args.supplier !== undefined && !records.suppliers.some((s) => s.id === args.supplier)) {
    const known = records.suppliers.map((s) => s.id).join(', ');
    problems.push(
      nl
        ? `--supplier: onbekende leverancier "${args.supplier}" (bekend: ${known})`
        : `--supplier: unknown supplier "${args.supplier}" (known: ${known})`,
    );
  }
  if (problems.length > 0) throw new UsageError(problems);

  const context = prepare(records);
  const suppliers = args.supplier === undefined ? records.suppliers.map((s) => s.id) : [args.supplier];
  return suppliers.map((supplier) => scoreSupplier(context, { supplier, period, asOf }).scorecard);
}

export async function scorecardCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, lang } = parseCommandArgs(argv, {
    records: { type: 'string' },
    supplier: { type: 'string' },
    period: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
  });
  if (values.help) {
    io.out(SCORECARD_HELP[lang]);
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
  const records = parsed.records;
  const cards = scorecardsFor(
    records,
    {
      supplier: values.supplier as string | undefined,
      period: values.period as string | undefined,
      asOf: values['as-of'] as string | undefined,
      lang,
    },
    io.now(),
  );
  if (values.json) {
    io.out(JSON.stringify(values.supplier === undefined ? cards : cards[0], null, 2));
    return 0;
  }
  io.out(renderScorecards(records, cards, lang));
  return 0;
}

export function renderScorecards(records: Records, cards: Scorecard[], lang: Lang): string {
  const context = prepare(records);
  return cards
    .map((card) =>
      renderScorecardText(card, {
        framework: context.framework,
        supplierName: records.suppliers.find((s) => s.id === card.supplier)?.name ?? card.supplier,
        lang,
      }),
    )
    .join('\n\n');
}
