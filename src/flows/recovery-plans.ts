// The recovery plan of section 3 of the test plan, asked in chat on the questionnaire engine: when
// a supplier's period turns red, its contacts are asked for a plan (causes, actions, the date the
// norm is met again, an optional link), reminded 7 and 2 days before it is due, and a contract
// manager accepts each submission or asks for changes with a reason. At the end of the due day a
// plan with nothing awaiting review or accepted is alerted as overdue. A late plan is still taken
// (four weeks after its due date), and said to be late.
import type { BotMessage } from '../channels/channel.ts';
import { HOUR } from '../clock.ts';
import { findFramework } from '../domain/frameworks/index.ts';
import type { Person } from '../domain/records.ts';
import { isOverdue, planId, type RecoveryAsked, recoveryState } from '../domain/recovery.ts';
import type { Scorecard } from '../domain/scoring.ts';
import { addDays, dayStart, formatInstant, localDate } from '../domain/time.ts';
import { UserError } from '../errors.ts';
import type { RecoveryAssignment } from '../store/assignments.ts';
import { RecoveryPlanStore } from '../store/recovery-plans.ts';
import { formatDate, formatPeriod } from '../texts/format.ts';
import { t } from '../texts/index.ts';
import { ALERT_JOBS } from './alerts.ts';
import { type ContractView, type Core, supplierName } from './core.ts';
import { assign } from './questionnaire/engine.ts';

export const RECOVERY_JOBS = { overdue: 'recovery-overdue' } as const;

/** How long after its due date a plan is still taken (late). */
const LATE_DAYS = 28;
/** Reminders this many days before the due date, in the morning. */
const REMINDER_DAYS = [7, 2];
const REMINDER_HOUR = 9;

export function recoverySets(view: ContractView) {
  const sets = findFramework(view.contract.framework)?.recoveryPlan;
  if (!sets) throw new UserError('recovery-not-open');
  return sets;
}

/**
 * Asks for the recovery plan of a red scorecard, once per supplier and period (later changes of
 * the red KPIs change nothing asked): the supplier's contacts get the questionnaire now, two
 * reminders, and the overdue check is queued for the end of the due day.
 */
export async function askRecoveryPlan(
  core: Core,
  scorecard: Scorecard,
  view: ContractView,
): Promise<boolean> {
  const due = scorecard.recoveryPlanDue;
  if (!due || scorecard.red.length === 0 || !findFramework(view.contract.framework)?.recoveryPlan)
    return false;
  const zone = view.settings.timeZone;
  const now = core.clock.now();
  // A plan that was due before the bot could ask for it (findings from before its time, imported)
  // is not asked now: the scorecard still shows its due date, and the plan lives where it did.
  if (due < localDate(now, zone)) return false;
  const asked: RecoveryAsked = {
    plan: planId(scorecard.supplier, scorecard.period),
    supplier: scorecard.supplier,
    period: scorecard.period,
    due,
    kpis: scorecard.red,
    askedAt: formatInstant(now, zone),
  };
  const contacts = [...view.people.values()].filter(
    (p) => p.roles.includes('supplierContact') && p.supplier === scorecard.supplier,
  );
  const closesAt = dayStart(addDays(due, LATE_DAYS + 1), zone);
  await assign(
    core,
    recoveryAssignments(core, asked, view, 'supplier', contacts, { opensAt: now, closesAt }),
    REMINDER_DAYS.map((days) => dayStart(addDays(due, -days), zone) + REMINDER_HOUR * HOUR),
  );
  await core.outbox.enqueue([
    {
      id: `${RECOVERY_JOBS.overdue}|${asked.plan}`,
      kind: RECOVERY_JOBS.overdue,
      payload: { plan: asked.plan },
      dueAt: dayStart(addDays(due, 1), zone),
    },
    ...(contacts.length === 0 ? [alertNotice(asked, view, 'noContacts', now)] : []),
  ]);
  // Marked asked last: a crash before it asks again, to the same assignments and items
  // (insert-if-absent), so nothing is asked twice and nothing is left unasked.
  await new RecoveryPlanStore(core.tables, core.contract).ask(asked);
  return true;
}

/** The assignments of one role of a plan, for `assign` (insert-if-absent: asking again asks nobody twice). */
export function recoveryAssignments(
  core: Core,
  plan: Pick<RecoveryAssignment, 'plan' | 'supplier' | 'period' | 'due'>,
  view: ContractView,
  role: RecoveryAssignment['role'],
  people: readonly Person[],
  window: { opensAt: number; closesAt: number },
): { assignment: RecoveryAssignment; answered: boolean }[] {
  return people.map((person) => ({
    assignment: {
      kind: 'recovery',
      contract: core.contract,
      plan: plan.plan,
      role,
      person: person.id,
      supplier: plan.supplier,
      supplierName: supplierName(view, plan.supplier),
      period: plan.period,
      due: plan.due,
      ...window,
      status: 'open',
    },
    answered: false,
  }));
}

/** Asks for the plan of a red scorecard unless it was asked already (one read when it was). */
export async function ensureRecoveryPlan(
  core: Core,
  scorecard: Scorecard,
  view: ContractView,
): Promise<void> {
  const plan = planId(scorecard.supplier, scorecard.period);
  const { asked } = await new RecoveryPlanStore(core.tables, core.contract).plan(plan);
  if (!asked) await askRecoveryPlan(core, scorecard, view);
}

/** Where the plan of a supplier's period stands, for the scorecard; undefined when none was asked. */
export async function recoveryPlanStatus(core: Core, supplier: string, period: string) {
  const { asked, versions } = await new RecoveryPlanStore(core.tables, core.contract).plan(
    planId(supplier, period),
  );
  return asked ? recoveryState(versions).status : undefined;
}

/** At the end of the due day: a plan with nothing awaiting review or accepted is alerted. */
export async function checkRecoveryOverdue(core: Core, payload: { plan: string }): Promise<void> {
  const { asked, versions } = await new RecoveryPlanStore(core.tables, core.contract).plan(payload.plan);
  if (!asked) return;
  const state = recoveryState(versions);
  if (!isOverdue(state)) return;
  const view = await core.contractView();
  await core.outbox.enqueue([alertNotice(asked, view, 'overdue', core.clock.now(), { state: state.status })]);
}

/** A notice about a plan for the alert channel (waiting for one like an alert), once per key. */
export function alertNotice(
  asked: RecoveryAsked,
  view: ContractView,
  what: 'overdue' | 'noContacts' | 'submitted' | 'accepted' | 'changesAsked',
  now: number,
  options: { state?: string; key?: string; values?: Record<string, string | number> } = {},
) {
  const supplier = supplierName(view, asked.supplier);
  const text = (lang: 'nl' | 'en') =>
    t(lang, `recovery.${what}`, {
      supplier,
      period: formatPeriod(lang, asked.period),
      due: formatDate(lang, asked.due, 'UTC'),
      kpis: asked.kpis.join(', '),
      count: asked.kpis.length,
      state: options.state ?? '',
      late: 'no',
      again: 'no',
      name: '',
      reason: '',
      ...options.values,
    });
  const notice: BotMessage = {
    kind: 'notice',
    tone: what === 'accepted' ? 'good' : what === 'submitted' ? 'warning' : 'attention',
    text: { nl: text('nl'), en: text('en') },
  };
  return {
    // One notice per plan and event: the same event queued again (a retry) is the same item.
    id: `${ALERT_JOBS.notice}|recovery|${what}|${asked.plan}|${options.key ?? ''}`,
    kind: ALERT_JOBS.notice,
    payload: { notice, queuedAt: now },
    dueAt: now,
  };
}
