// The scorecard in chat: recomputed after answers and at a window's close, red KPIs stored as
// findings (so the recovery plan's date does not move) and posted as alerts; `/scorecard` for
// the roles that may see it.
import type { BotMessage, ScorecardView } from '../channels/channel.ts';
import { MINUTE } from '../clock.ts';
import { frameworkFeatures } from '../domain/frameworks/index.ts';
import type { Framework } from '../domain/frameworks/schema.ts';
import { type Period, parsePeriod, periodContaining } from '../domain/periods.ts';
import type { Finding, Person } from '../domain/records.ts';
import { isAtRisk, type Scorecard } from '../domain/scoring.ts';
import { formatInstant, localDate, parseInstant } from '../domain/time.ts';
import { UserError } from '../errors.ts';
import { kpiFigures } from '../render/kpi-figures.ts';
import { LockStore } from '../store/locks.ts';
import { both } from '../texts/index.ts';
import { type ContractView, type Core, supplierName } from './core.ts';
import { ALERT_JOB, reconcileScorecard } from './findings.ts';
import { ensureRecoveryPlan, recoveryPlanStatus } from './recovery-plans.ts';
import { computeScorecard, readScorecard, toStored } from './scorecard-read.ts';
import { scorecardTrend } from './scorecard-trend.ts';

export const SCORECARD_JOBS = { recompute: 'recompute-scorecard', alert: ALERT_JOB } as const;

/** Coalesces recomputations per supplier, period and minute: a burst of answers recomputes once. */
export async function enqueueRecompute(
  core: Core,
  supplier: string,
  sessionStart: string,
  known?: ContractView,
): Promise<void> {
  const view = known ?? (await core.contractView());
  const period = periodContaining(
    localDate(parseInstant(sessionStart), view.settings.timeZone),
    view.contract.assessment,
  );
  const now = core.clock.now();
  const bucket = Math.floor(now / MINUTE);
  // Stale first: from here `/scorecard` scores afresh until the recomputation has stored it.
  await core.scorecards.invalidate(supplier, period.id);
  await core.outbox.enqueue([
    {
      id: `${SCORECARD_JOBS.recompute}|${supplier}|${period.id}|${bucket}`,
      kind: SCORECARD_JOBS.recompute,
      payload: { supplier, period: period.id },
      dueAt: now,
    },
  ]);
}

/**
 * Scores, reconciles the scorecard with its findings (a change is stored with its one alert) and
 * stores it for `/scorecard`. A change that lands while this runs marks the row again, and the
 * write, naming the row as it was before, fails: the scorecard is then scored once more.
 */
export async function recomputeScorecard(
  core: Core,
  payload: { supplier: string; period: string },
): Promise<void> {
  const period = parsePeriod(payload.period);
  if (!period) return;
  for (let attempt = 1; attempt <= RECOMPUTE_ATTEMPTS; attempt++) {
    const row = await core.scorecards.read(payload.supplier, period.id);
    const scored = await computeScorecard(core, payload.supplier, period);
    const view = await core.contractView();
    const event = await reconcileScorecard(
      {
        records: core.records,
        outbox: core.outbox,
        locks: new LockStore(core.tables, core.contract),
        contract: core.contract,
      },
      scored,
      core.clock.now(),
      { settings: view.settings, suppliers: view.suppliers, people: view.people.values() },
    );
    const findings = event
      ? (await core.records.findingsOf(core.contract, payload.supplier, period.id)).map((f) => f.finding)
      : scored.findings;
    // Red asks for a recovery plan, once (asked again after a crash in between: insert-if-absent).
    if (scored.scorecard.red.length > 0) await ensureRecoveryPlan(core, scored.scorecard, view);
    if (await core.scorecards.write(toStored(core, { ...scored, findings }, view), row.etag)) return;
  }
}

const RECOMPUTE_ATTEMPTS = 3;

/** Which suppliers a person may see the scorecard of: the client side all, a supplier's contact its own. */
export function visibleSuppliers(person: Person, all: string[]): string[] {
  const clientSide = person.roles.some((r) =>
    ['contractManager', 'manager', 'lefTeam', 'relationshipManager'].includes(r),
  );
  if (clientSide) return all;
  if (person.roles.includes('supplierContact') && person.supplier)
    return all.filter((s) => s === person.supplier);
  return [];
}

/** What a person typed that is meant as a period (after normalising `2026h1` to `2026-H1`). */
const PERIOD_LIKE = /^\d{4}-[HQ]\d*$/;

/**
 * `/scorecard [supplier] [period]`: one scorecard message per supplier the person may see. A
 * supplier's contact is matched against their own supplier only, so that an answer never tells
 * them which other suppliers exist.
 */
/**
 * The suppliers and period `/scorecard` (or `rapport`) is asked for, as far as the person may see
 * them: UserError naming what is wrong (an unknown period, one outside the contract, no such supplier).
 */
export async function scorecardRequest(core: Core, personId: string, args: string[]) {
  const view = await core.contractView();
  const person = view.people.get(personId);
  if (!person) throw new UserError('unknown-person');
  const allowed = visibleSuppliers(
    person,
    view.suppliers.map((s) => s.id),
  );
  if (allowed.length === 0) throw new UserError('not-allowed');

  let period: Period | undefined;
  let supplierArg: string | undefined;
  let asTyped = '';
  for (const arg of args) {
    const normal = arg.toUpperCase().replace(/^(\d{4})-?/, '$1-');
    const asPeriod = parsePeriod(normal);
    if (asPeriod) {
      period = asPeriod;
      asTyped = normal;
    } else if (PERIOD_LIKE.test(normal)) throw new UserError('unknown-period', {}, { nl: arg, en: arg });
    else supplierArg = supplierArg ? `${supplierArg} ${arg}` : arg;
  }
  const today = localDate(core.clock.now(), view.settings.timeZone);
  // Years first: parsePeriod's dates are only meaningful for four-digit years (9999-H2 has no last day).
  const year = (date: string) => Number(date.slice(0, 4));
  const outside =
    period &&
    (period.year < year(view.contract.startDate) ||
      period.year > year(today) ||
      period.last < view.contract.startDate ||
      period.first > today);
  if (outside) throw new UserError('period-outside-contract', {}, { nl: asTyped, en: asTyped });

  const visible = view.suppliers.filter((s) => allowed.includes(s.id));
  let suppliers = allowed;
  if (supplierArg !== undefined) {
    const wanted = supplierArg.toLowerCase();
    const match = visible.filter(
      (s) => s.id.toLowerCase() === wanted || s.name.toLowerCase().includes(wanted),
    );
    if (match.length === 0) {
      const names = visible.map((s) => s.name).join(', ');
      throw new UserError('bad-argument', {}, both('scorecard.noSupplier', { typed: supplierArg, names }));
    }
    suppliers = match.map((s) => s.id);
  }
  const chosen = period ?? periodContaining(today, view.contract.assessment);
  return { view, suppliers, period: chosen };
}

export async function scorecardMessages(core: Core, personId: string, args: string[]): Promise<BotMessage[]> {
  const { view, suppliers, period: chosen } = await scorecardRequest(core, personId, args);
  // Each supplier's scorecard, its trend and its plan read side by side; the order stays the suppliers'.
  return Promise.all(
    suppliers.map(async (supplier): Promise<BotMessage> => {
      const current = await readScorecard(core, supplier, chosen, view);
      const { scorecard, framework, findings } = current;
      // Lights over time say nothing where no KPI has a verdict (trends, descriptions): no chart there.
      const lights = frameworkFeatures(framework).verdicts;
      const [trend, plan] = await Promise.all([
        lights ? scorecardTrend(core, current, chosen, view) : undefined,
        scorecard.recoveryPlanDue ? recoveryPlanStatus(core, supplier, chosen.id) : undefined,
      ]);
      return {
        kind: 'scorecard',
        scorecard: {
          ...scorecardView(scorecard, framework, view, findings),
          ...(trend ? { trend } : {}),
          ...(plan ? { recoveryPlan: plan } : {}),
        },
      };
    }),
  );
}

export function scorecardView(
  card: Scorecard,
  framework: Framework,
  view: ContractView,
  findings: Finding[] = [],
): ScorecardView {
  const consequence = framework.consequences.find((c) => c.id === card.consequence);
  return {
    supplier: card.supplier,
    supplierName: supplierName(view, card.supplier),
    period: card.period,
    asOf: formatInstant(parseInstant(card.asOf), view.settings.timeZone),
    kpis: card.kpis.map((kpi) => {
      const meta = framework.kpis.find((k) => k.id === kpi.id);
      const reply = findings.find(
        (f) => f.supplier === card.supplier && f.period === card.period && f.kpi === kpi.id,
      )?.reply;
      return {
        ...(reply ? { reply: { name: view.people.get(reply.by)?.name ?? reply.by, text: reply.text } } : {}),
        id: kpi.id,
        name: meta?.name ?? { nl: kpi.id, en: kpi.id },
        status: kpi.status,
        atRisk: 'passed' in kpi && isAtRisk(kpi),
        figures: kpiFigures(kpi, meta?.rule.kind),
      };
    }),
    consequence: consequence?.text ?? { nl: card.consequence, en: card.consequence },
    ...(card.recoveryPlanDue ? { recoveryPlanDue: card.recoveryPlanDue } : {}),
    timeZone: view.settings.timeZone,
  };
}
