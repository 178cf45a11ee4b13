// `prestatiemonitor scorecard`: the scorecard of one supplier or all, as a table or as JSON.
import { type Period, parsePeriod, periodContaining } from '../domain/periods.ts';
import { type Contract, contractSettings, type Records } from '../domain/records.ts';
import { prepare, type Scorecard, type ScoreResult, scoreSupplier } from '../domain/scoring.ts';
import { dayStart, localDate, parseInstant } from '../domain/time.ts';
import { supplierName } from '../flows/core.ts';
import { ReconcileBusy, reconcileScorecard } from '../flows/findings.ts';
import type { Lang } from '../i18n.ts';
import { renderScorecardText } from '../render/scorecard-text.ts';
import { LockStore } from '../store/locks.ts';
import { OutboxStore } from '../store/outbox.ts';
import { ScorecardStore } from '../store/scorecards.ts';
import { t } from '../texts/index.ts';
import { parseCommandArgs } from './args.ts';
import { type CommandIo, UsageError } from './io.ts';
import { readRecordsArg } from './records-arg.ts';
import { chooseContract, withStore } from './store-access.ts';

export interface ScorecardArgs {
  supplier?: string;
  period?: string;
  asOf?: string;
  lang: Lang;
}

export interface ResolvedArgs {
  supplier?: string;
  period: Period;
  asOf: number;
}

/** Checks the arguments against the contract; throws a UsageError naming every argument that is wrong. */
export function resolveArgs(
  contract: Contract,
  supplierIds: string[],
  args: ScorecardArgs,
  now: number,
): ResolvedArgs {
  const problems: string[] = [];
  const lang = args.lang;
  const zone = contractSettings(contract).timeZone;
  let asOf = now;
  if (args.asOf !== undefined) {
    if (isCalendarDate(args.asOf)) asOf = dayStart(args.asOf, zone);
    else if (
      /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(args.asOf) &&
      !Number.isNaN(parseInstant(args.asOf))
    ) {
      asOf = parseInstant(args.asOf);
    } else {
      problems.push(t(lang, 'cli.error.asOf', { value: args.asOf }));
    }
  }
  const period =
    args.period === undefined
      ? periodContaining(localDate(asOf, zone), contract.assessment)
      : parsePeriod(args.period);
  if (!period) {
    problems.push(t(lang, 'cli.error.period', { value: String(args.period) }));
  }
  if (args.supplier !== undefined && !supplierIds.includes(args.supplier)) {
    problems.push(t(lang, 'cli.error.supplier', { value: args.supplier, known: supplierIds.join(', ') }));
  }
  if (problems.length > 0 || !period) throw new UsageError(problems);
  return { supplier: args.supplier, period, asOf };
}

/** A real day: 2026-13-45 has the shape of a date but names none (and would fail deep in the scoring). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Scores the records for resolved arguments: one result per supplier (or the one asked for). */
export function scoreRecords(records: Records, args: ResolvedArgs): ScoreResult[] {
  const context = prepare(records);
  const suppliers = args.supplier === undefined ? records.suppliers.map((s) => s.id) : [args.supplier];
  return suppliers.map((supplier) =>
    scoreSupplier(context, { supplier, period: args.period, asOf: args.asOf }),
  );
}

export async function scorecardCommand(argv: string[], io: CommandIo, lang: Lang): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      records: { type: 'string' },
      contract: { type: 'string' },
      supplier: { type: 'string' },
      period: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
    },
    lang,
  );
  const args: ScorecardArgs = {
    supplier: values.supplier as string | undefined,
    period: values.period as string | undefined,
    asOf: values['as-of'] as string | undefined,
    lang,
  };
  let records: Records;
  let results: ScoreResult[];
  if (typeof values.records === 'string') {
    records = await readRecordsArg(values.records, lang);
    const resolved = resolveArgs(
      records.contract,
      records.suppliers.map((s) => s.id),
      args,
      io.now(),
    );
    results = scoreRecords(records, resolved);
  } else {
    [records, results] = await withStore(async (store) => {
      const contractId = await chooseContract(store, values.contract as string | undefined, lang);
      const contract = await store.records.contract(contractId);
      if (!contract) {
        const ids = await store.records.contractIds();
        throw new UsageError([
          t(lang, 'cli.error.contractUnknown', {
            option: '--contract',
            value: contractId,
            known: ids.join(', '),
            count: ids.length,
          }),
        ]);
      }
      // Suppliers are checked after loading; the period decides which partitions to load.
      const firstPass = resolveArgs(
        contract,
        args.supplier ? [args.supplier] : [],
        { ...args, supplier: undefined },
        io.now(),
      );
      const loaded = await store.records.loadForScoring(contractId, firstPass.period, args.supplier);
      const resolved = resolveArgs(
        contract,
        loaded.suppliers.map((s) => s.id),
        args,
        io.now(),
      );
      const scored = scoreRecords(loaded, resolved);
      // Scored now (not as of another moment): reconciled with the findings like any recomputation,
      // so that a red found here is stored with its one alert, which the bot then posts.
      if (args.asOf === undefined) {
        const framework = prepare(loaded).framework;
        const access = {
          records: store.records,
          outbox: new OutboxStore(store.tables, contractId),
          locks: new LockStore(store.tables, contractId),
          contract: contractId,
        };
        const context = {
          settings: contractSettings(loaded.contract),
          suppliers: loaded.suppliers,
          people: loaded.people,
        };
        const materialised = new ScorecardStore(store.tables, contractId);
        for (const { scorecard } of scored) {
          const event = await reconcileScorecard(
            access,
            { scorecard, framework },
            resolved.asOf,
            context,
          ).catch((error: unknown) => {
            // The bot is reconciling the same scorecard right now: it stores the finding and alerts.
            if (!(error instanceof ReconcileBusy)) throw error;
          });
          // The bot's stored scorecard shows the findings: scored again when next read.
          if (event) await materialised.invalidate(scorecard.supplier, scorecard.period);
        }
      }
      return [loaded, scored] as const;
    });
  }
  const cards = results.map((r) => r.scorecard);
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
        supplierName: supplierName(records, card.supplier),
        lang,
        timeZone: context.settings.timeZone,
      }),
    )
    .join('\n\n');
}
