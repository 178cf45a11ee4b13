// The recovery plan as a subject of the questionnaire engine: the supplier's contacts write the
// plan (every version kept), a contract manager reviews each submission (`review-n`); the plan's
// state is read from the versions (domain/recovery.ts). After a plan, a review is asked; after a
// review, the plan is settled (accepted) or opened again with the reason (changes).
import type { QuestionnaireMessage } from '../channels/questionnaire-view.ts';
import {
  isSupplierVersion,
  isVersionOf,
  type RecoveryAsked,
  type RecoveryState,
  type RecoveryVersion,
  recoveryState,
  reviewRole,
  reviewRound,
} from '../domain/recovery.ts';
import { addDays, dayStart, formatInstant, localDate } from '../domain/time.ts';
import { UserError } from '../errors.ts';
import { type Answers, parseAnswers } from '../questionnaires/answers.ts';
import type { Text } from '../questionnaires/types.ts';
import { assignmentId, type RecoveryAssignment, type Stored } from '../store/assignments.ts';
import { RecoveryPlanStore } from '../store/recovery-plans.ts';
import { formatDate, formatDateTime, formatPeriod } from '../texts/format.ts';
import { both, type TextKey, t } from '../texts/index.ts';
import type { ContractView, Core } from './core.ts';
import { assign, refreshMessages, updateAssignment } from './questionnaire/engine.ts';
import type { Answered, SubjectKind } from './questionnaire/kind.ts';
import { alertNotice, recoverySets } from './recovery-plans.ts';

const store = (core: Core) => new RecoveryPlanStore(core.tables, core.contract);
const isReview = (a: RecoveryAssignment) => a.role !== 'supplier';
/** A review is answered within this long (it has no reminders: the manager is told once). */
const REVIEW_DAYS = 60;

function bothWith(key: TextKey, values: (lang: 'nl' | 'en') => Record<string, string | number>): Text {
  return { nl: t('nl', key, values('nl')), en: t('en', key, values('en')) };
}

function nameOf(view: ContractView, person: string): string {
  return view.people.get(person)?.name ?? person;
}

function facts(asked: RecoveryAsked | undefined, a: RecoveryAssignment, view: ContractView) {
  const supplier = view.suppliers.find((s) => s.id === a.supplier)?.name ?? a.supplier;
  const fact = (key: 'supplier' | 'period' | 'kpis' | 'due', value: (lang: 'nl' | 'en') => string) => ({
    title: both(`recovery.fact.${key}`),
    value: { nl: value('nl'), en: value('en') },
  });
  return [
    fact('supplier', () => supplier),
    fact('period', (lang) => formatPeriod(lang, a.period)),
    fact('kpis', () => (asked?.kpis ?? []).join(', ')),
    fact('due', (lang) => formatDate(lang, a.due, 'UTC')),
  ];
}

function planFacts(state: RecoveryState, view: ContractView) {
  const plan = state.latest;
  if (!plan) return [];
  const same = (text: string) => ({ nl: text, en: text });
  return [
    {
      title: both('recovery.fact.submitted'),
      value: {
        nl: `${formatDateTime('nl', plan.at, view.settings.timeZone)} — ${nameOf(view, plan.by)}`,
        en: `${formatDateTime('en', plan.at, view.settings.timeZone)} — ${nameOf(view, plan.by)}`,
      },
    },
    { title: both('recovery.fact.causes'), value: same(plan.causes) },
    { title: both('recovery.fact.actions'), value: same(plan.actions) },
    {
      title: both('recovery.fact.normMetOn'),
      value: { nl: formatDate('nl', plan.normMetOn, 'UTC'), en: formatDate('en', plan.normMetOn, 'UTC') },
    },
    ...(plan.link ? [{ title: both('recovery.fact.link'), value: same(plan.link) }] : []),
  ];
}

function supplierNote(state: RecoveryState, view: ContractView): QuestionnaireMessage['note'] {
  const zone = view.settings.timeZone;
  if (state.status === 'changes' && state.review)
    return {
      tone: 'attention',
      text: bothWith('recovery.note.changes', () => ({
        name: nameOf(view, state.review?.by ?? ''),
        reason: (state.review?.decision === 'changes' && state.review.reason) || '',
      })),
    };
  if (state.status === 'accepted' && state.review)
    return {
      tone: 'good',
      text: bothWith('recovery.note.accepted', (lang) => ({
        name: nameOf(view, state.review?.by ?? ''),
        date: formatDate(lang, state.review?.at ?? '', zone),
      })),
    };
  if (state.status === 'submitted' && state.latest)
    return {
      tone: 'default',
      text: bothWith('recovery.note.waiting', (lang) => ({
        date: formatDate(lang, state.latest?.at ?? '', zone),
      })),
    };
  return undefined;
}

function answersOf(version: RecoveryVersion | undefined): Answers | undefined {
  if (!version) return undefined;
  if (isSupplierVersion(version))
    return {
      causes: version.causes,
      actions: version.actions,
      normMetOn: version.normMetOn,
      ...(version.link ? { link: version.link } : {}),
    };
  return { decision: version.decision, ...(version.reason ? { reason: version.reason } : {}) };
}

function toVersion(a: RecoveryAssignment, answers: Answers, at: string): RecoveryVersion {
  const base = { plan: a.plan, by: a.person, at };
  if (a.role === 'supplier')
    return {
      ...base,
      role: 'supplier',
      causes: String(answers.causes),
      actions: String(answers.actions),
      normMetOn: String(answers.normMetOn),
      ...(answers.link ? { link: String(answers.link) } : {}),
    };
  return {
    ...base,
    role: 'review',
    round: reviewRound(a.role),
    decision: answers.decision === 'accept' ? 'accept' : 'changes',
    ...(answers.reason ? { reason: String(answers.reason) } : {}),
  };
}

export const recoveryKind: SubjectKind<RecoveryAssignment> = {
  async message(core, a, options = {}) {
    const view = options.view ?? (await core.contractView());
    const { asked, versions } = await store(core).plan(a.plan);
    const state = recoveryState(versions);
    const sets = recoverySets(view);
    const shownState = options.state ?? a.status;
    const review = isReview(a);
    const own = versions.filter((v) => isVersionOf(v, a.role) && (review ? v.by === a.person : true)).at(-1);
    const message: QuestionnaireMessage = {
      kind: 'questionnaire',
      assignmentId: assignmentId(a),
      set: review ? sets.review : sets.plan,
      facts: [...facts(asked, a, view), ...(review ? planFacts(state, view) : [])],
      ...(review ? {} : { note: supplierNote(state, view) }),
      status: review
        ? both('recovery.reviewStatus', { state: shownState })
        : bothWith('recovery.status', (lang) => ({ state: shownState, due: formatDate(lang, a.due, 'UTC') })),
      state: shownState,
      ...((options.answers ?? answersOf(own)) ? { answers: options.answers ?? answersOf(own) } : {}),
      ...(options.reminder
        ? { reminder: bothWith('recovery.reminder', (lang) => ({ date: formatDate(lang, a.due, 'UTC') })) }
        : {}),
    };
    if (!message.note) delete message.note;
    return message;
  },

  parse(a, raw, view) {
    const sets = recoverySets(view);
    const parsed = parseAnswers(isReview(a) ? sets.review : sets.plan, raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    // The norm is met again on a day to come, not before the plan was asked.
    const asked = localDate(a.opensAt, view.settings.timeZone);
    if (!isReview(a) && String(parsed.answers.normMetOn) < asked)
      throw new UserError('invalid', {
        normMetOn: bothWith('recovery.datePast', (lang) => ({ date: formatDate(lang, asked, 'UTC') })),
      });
    return parsed.answers;
  },

  async keep(core, a, { answers, receivedAt }, view) {
    const at = formatInstant(receivedAt, view.settings.timeZone);
    await store(core).add(a.plan, toVersion(a, answers, at), receivedAt);
  },

  async hasAnswer(core, a) {
    const { versions } = await store(core).plan(a.plan);
    // One plan per supplier: once any of its contacts submitted it, nobody is reminded.
    return versions.some((v) =>
      isReview(a) ? v.role === a.role && v.by === a.person : v.role === 'supplier',
    );
  },

  async afterChange(core, a, view, answered) {
    if (!answered) return;
    if (isReview(a)) await afterReview(core, a, view, answered);
    else await afterPlan(core, a, view, answered);
  },

  errors: { closed: 'recovery-closed', notOpen: 'recovery-not-open' },

  describe(a) {
    return {
      nl: t('nl', 'recovery.describe', { supplier: a.supplier, period: formatPeriod('nl', a.period) }),
      en: t('en', 'recovery.describe', { supplier: a.supplier, period: formatPeriod('en', a.period) }),
    };
  },
};

/** A plan submitted (or changed): the contract managers review it, in a new review once one was given. */
async function afterPlan(core: Core, a: RecoveryAssignment, view: ContractView, answered: Answered) {
  const { asked, versions } = await store(core).plan(a.plan);
  if (!asked) return;
  const state = recoveryState(versions);
  const zone = view.settings.timeZone;
  if (state.status === 'accepted') {
    // Taken after the plan was accepted (another instance still had it open): kept, and said so.
    const text = bothWith('recovery.afterAccepted', (lang) => ({
      date: formatDateTime(lang, formatInstant(answered.receivedAt, zone), zone),
    }));
    await core.sendTo(
      a.person,
      { kind: 'notice', tone: 'warning', text },
      `recovery-after|${a.plan}|${answered.receivedAt}`,
    );
    return;
  }
  const role = reviewRole(state.reviews + 1);
  const plans = await core.assignments.forPlan(core.contract, a.plan);
  const reviews = plans.filter((s) => s.assignment.role === role);
  if (reviews.length > 0) {
    // The review is open already: it shows the plan as it stands now.
    for (const review of reviews.filter((r) => r.assignment.status === 'open'))
      await refreshMessages(
        core,
        review.assignment,
        await recoveryKind.message(core, review.assignment, { view }),
      );
    return;
  }
  const now = core.clock.now();
  const managers = [...view.people.values()].filter((p) => p.roles.includes('contractManager'));
  await assign(
    core,
    managers.map((person) => ({
      assignment: {
        kind: 'recovery',
        contract: core.contract,
        plan: a.plan,
        role,
        person: person.id,
        supplier: a.supplier,
        period: a.period,
        due: a.due,
        opensAt: now,
        closesAt: now + REVIEW_DAYS * 86_400_000,
        status: 'open',
      } satisfies RecoveryAssignment,
      answered: false,
    })),
    [],
  );
  const late = answered.receivedAt >= dayStart(addDays(a.due, 1), zone) ? 'yes' : 'no';
  await core.outbox.enqueue([
    alertNotice(asked, view, 'submitted', now, { key: role, values: { name: nameOf(view, a.person), late } }),
  ]);
}

/** A review given: the plan accepted (everything settled) or opened again for changes, with the reason. */
async function afterReview(core: Core, a: RecoveryAssignment, view: ContractView, answered: Answered) {
  const { asked, versions } = await store(core).plan(a.plan);
  if (!asked) return;
  const state = recoveryState(versions);
  const plans = await core.assignments.forPlan(core.contract, a.plan);
  // This review is given: the other managers' copies of it close (the engine shows this one closed).
  await settle(
    core,
    plans.filter((s) => s.assignment.role === a.role),
  );
  const suppliers = plans.filter((s) => s.assignment.role === 'supplier');
  const name = nameOf(view, a.person);
  if (state.status === 'accepted') {
    await settle(core, suppliers);
    const supplierName = view.suppliers.find((s) => s.id === a.supplier)?.name ?? a.supplier;
    const text = bothWith('recovery.accepted', (lang) => ({
      supplier: supplierName,
      period: formatPeriod(lang, a.period),
      name,
    }));
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
    const message = await recoveryKind.message(core, assignment, { view, state: 'open' });
    await core.sendTo(
      assignment.person,
      message,
      `recovery-changes|${a.plan}|${a.role}|${assignment.person}|${answered.receivedAt}`,
    );
  }
}

/** Closes assignments whatever their state (answered too), each showing it. */
async function settle(core: Core, list: Stored<RecoveryAssignment>[]) {
  for (const stored of list) {
    if (stored.assignment.status === 'closed') continue;
    const closed = await updateAssignment(core, stored, (x) =>
      x.status === 'closed' ? x : { ...x, status: 'closed' },
    );
    const assignment = closed.assignment as RecoveryAssignment;
    await refreshMessages(
      core,
      assignment,
      await recoveryKind.message(core, assignment, { state: 'closed' }),
    );
  }
}
