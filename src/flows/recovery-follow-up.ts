// What follows an answer about a recovery plan, off the person's wait: after a plan, its review is
// asked of the contract managers (or the open review shows the plan as it stands), and the other
// contacts of the supplier see it submitted; after a review, the plan is settled (accepted) or
// opened again with the reason (changes asked). Everything is keyed, so a retry after a crash
// asks, tells and posts nothing twice.

import { recoveryState, reviewRole } from '../domain/recovery.ts';
import { addDays, dayStart, formatInstant } from '../domain/time.ts';
import type { RecoveryAssignment, Stored } from '../store/assignments.ts';
import { RecoveryPlanStore } from '../store/recovery-plans.ts';
import { formatDateTime, formatPeriod } from '../texts/format.ts';
import { bothOf } from '../texts/index.ts';
import { type ContractView, type Core, supplierName } from './core.ts';
import { assign, refreshMessages, updateAssignment } from './questionnaire/engine.ts';
import type { Answered } from './questionnaire/kind.ts';
import { alertNotice, recoveryAssignments } from './recovery-plans.ts';
import { nameOf, recoveryMessage } from './recovery-view.ts';

/** A review is answered within this long (it has no reminders: the manager is told once). */
const REVIEW_DAYS = 60;

const store = (core: Core) => new RecoveryPlanStore(core.tables, core.contract);

/** A plan submitted (or changed): the contract managers review it, in a new review once one was given. */
export async function afterPlan(core: Core, a: RecoveryAssignment, view: ContractView, answered: Answered) {
  const { asked, versions } = await store(core).plan(a.plan);
  if (!asked) return;
  const state = recoveryState(versions);
  const zone = view.settings.timeZone;
  if (state.status === 'accepted') {
    // Taken after the plan was accepted (another instance still had it open): kept, and said so.
    const text = bothOf('recovery.afterAccepted', (lang) => ({
      date: formatDateTime(lang, formatInstant(answered.receivedAt, zone), zone),
    }));
    await core.sendTo(
      a.person,
      { kind: 'notice', tone: 'warning', text },
      `recovery-after|${a.plan}|${answered.receivedAt}`,
    );
    return;
  }
  const plans = await core.assignments.forPlan(core.contract, a.plan);
  // The other contacts of the supplier see the plan submitted (and may still change it).
  for (const other of plans.filter(
    (s) => s.assignment.role === 'supplier' && s.assignment.person !== a.person,
  )) {
    const marked = await updateAssignment(core, other, (x) =>
      x.status === 'open' ? { ...x, status: 'answered', answeredAt: answered.receivedAt } : x,
    );
    const assignment = marked.assignment as RecoveryAssignment;
    await refreshMessages(core, assignment, await recoveryMessage(core, assignment, { view }));
  }
  const round = state.reviews + 1;
  const role = reviewRole(round);
  const now = core.clock.now();
  const managers = [...view.people.values()].filter((p) => p.roles.includes('contractManager'));
  // Asked again on every change: insert-if-absent with fixed item ids, so a follow-up that stopped
  // half-way asks whom it had not asked yet, and nobody twice.
  await assign(
    core,
    recoveryAssignments(core, a, view, role, managers, {
      opensAt: now,
      closesAt: now + REVIEW_DAYS * 86_400_000,
    }),
    [],
  );
  // A review opened before this change shows the plan as it stands now.
  for (const review of plans.filter((s) => s.assignment.role === role && s.assignment.status === 'open'))
    await refreshMessages(core, review.assignment, await recoveryMessage(core, review.assignment, { view }));
  const late = answered.receivedAt >= dayStart(addDays(a.due, 1), zone) ? 'yes' : 'no';
  await core.outbox.enqueue([
    alertNotice(asked, view, 'submitted', now, {
      key: role,
      values: { name: nameOf(view, a.person), late, again: round > 1 ? 'yes' : 'no' },
    }),
  ]);
}

/** A review given: the plan accepted (everything settled) or opened again for changes, with the reason. */
export async function afterReview(core: Core, a: RecoveryAssignment, view: ContractView, answered: Answered) {
  const { asked, versions } = await store(core).plan(a.plan);
  if (!asked) return;
  const plans = await core.assignments.forPlan(core.contract, a.plan);
  // This round is decided: every manager's copy of it closes (the engine shows this one closed).
  await settle(
    core,
    plans.filter((s) => s.assignment.role === a.role),
  );
  const zone = view.settings.timeZone;
  const decision = versions.find((v) => v.role === 'review' && reviewRole(v.round) === a.role);
  if (decision && (decision.by !== a.person || decision.at !== formatInstant(answered.receivedAt, zone))) {
    // Another manager decided this round first (a moment earlier, or on another instance).
    const text = bothOf('recovery.reviewTaken', (lang) => ({
      name: nameOf(view, decision.by),
      decision: decision.role === 'review' ? decision.decision : '',
      date: formatDateTime(lang, decision.at, zone),
    }));
    await core.sendTo(
      a.person,
      { kind: 'notice', tone: 'warning', text },
      `recovery-taken|${a.plan}|${a.role}|${a.person}`,
    );
    return;
  }
  const state = recoveryState(versions);
  const suppliers = plans.filter((s) => s.assignment.role === 'supplier');
  const name = nameOf(view, a.person);
  const values = (lang: 'nl' | 'en') => ({
    supplier: supplierName(view, a.supplier),
    period: formatPeriod(lang, a.period),
    name,
    reason: state.review?.role === 'review' ? (state.review.reason ?? '') : '',
  });
  if (state.status === 'accepted') {
    await settle(core, suppliers);
    const text = bothOf('recovery.accepted', values);
    for (const s of suppliers)
      await core.sendTo(
        s.assignment.person,
        { kind: 'notice', tone: 'good', text },
        `recovery-accepted|${a.plan}|${s.assignment.person}`,
      );
    await core.outbox.enqueue([
      alertNotice(asked, view, 'accepted', core.clock.now(), { key: a.role, values: { name } }),
    ]);
    return;
  }
  if (state.status !== 'changes') return;
  // Open again for the supplier's contacts, with the reason on top of the plan as it stood.
  for (const s of suppliers) {
    const reopened = await updateAssignment(core, s, (x) =>
      x.status === 'open' ? x : { ...x, status: 'open' },
    );
    const assignment = reopened.assignment as RecoveryAssignment;
    const message = await recoveryMessage(core, assignment, { view, state: 'open' });
    await core.sendTo(
      assignment.person,
      message,
      `recovery-changes|${a.plan}|${a.role}|${assignment.person}`,
    );
  }
  await core.outbox.enqueue([
    alertNotice(asked, view, 'changesAsked', core.clock.now(), {
      key: a.role,
      values: { name, reason: values('nl').reason },
    }),
  ]);
}

/** Closes assignments whatever their state (answered too), each showing it. */
async function settle(core: Core, list: Stored<RecoveryAssignment>[]) {
  for (const stored of list) {
    if (stored.assignment.status === 'closed') continue;
    const closed = await updateAssignment(core, stored, (x) =>
      x.status === 'closed' ? x : { ...x, status: 'closed' },
    );
    const assignment = closed.assignment as RecoveryAssignment;
    await refreshMessages(core, assignment, await recoveryMessage(core, assignment, { state: 'closed' }));
  }
}
