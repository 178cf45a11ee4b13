// What a recovery plan's questionnaire shows: for the supplier's contact the plan (filled in with it
// as it stands) and a note on where it stands; for a contract manager the plan itself as facts above
// the review. Read from the plan's versions (domain/recovery.ts).
import type { QuestionnaireMessage } from '../channels/questionnaire-view.ts';
import {
  isSupplierVersion,
  isVersionOf,
  type RecoveryAsked,
  type RecoveryState,
  type RecoveryVersion,
  recoveryState,
} from '../domain/recovery.ts';
import type { Answers } from '../questionnaires/answers.ts';
import { assignmentId, type RecoveryAssignment } from '../store/assignments.ts';
import { RecoveryPlanStore } from '../store/recovery-plans.ts';
import { formatDate, formatDateTime, formatPeriod } from '../texts/format.ts';
import { both, bothOf } from '../texts/index.ts';
import { type ContractView, type Core, supplierName } from './core.ts';
import type { MessageOptions } from './questionnaire/kind.ts';
import { recoverySets } from './recovery-plans.ts';

export const isReview = (a: RecoveryAssignment) => a.role !== 'supplier';
const store = (core: Core) => new RecoveryPlanStore(core.tables, core.contract);

export function nameOf(view: ContractView, person: string): string {
  return view.people.get(person)?.name ?? person;
}

function facts(asked: RecoveryAsked | undefined, a: RecoveryAssignment, view: ContractView) {
  const supplier = supplierName(view, a.supplier);
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
      text: bothOf('recovery.note.changes', () => ({
        name: nameOf(view, state.review?.by ?? ''),
        reason: (state.review?.decision === 'changes' && state.review.reason) || '',
      })),
    };
  if (state.status === 'accepted' && state.review)
    return {
      tone: 'good',
      text: bothOf('recovery.note.accepted', (lang) => ({
        name: nameOf(view, state.review?.by ?? ''),
        date: formatDate(lang, state.review?.at ?? '', zone),
      })),
    };
  if (state.status === 'submitted' && state.latest)
    return {
      tone: 'default',
      text: bothOf('recovery.note.waiting', (lang) => ({
        date: formatDate(lang, state.latest?.at ?? '', zone),
      })),
    };
  return undefined;
}

export function answersOf(version: RecoveryVersion | undefined): Answers | undefined {
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

export async function recoveryMessage(
  core: Core,
  a: RecoveryAssignment,
  options: MessageOptions = {},
): Promise<QuestionnaireMessage> {
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
      : bothOf('recovery.status', (lang) => ({ state: shownState, due: formatDate(lang, a.due, 'UTC') })),
    state: shownState,
    ...((options.answers ?? answersOf(own)) ? { answers: options.answers ?? answersOf(own) } : {}),
    ...(options.reminder
      ? { reminder: bothOf('recovery.reminder', (lang) => ({ date: formatDate(lang, a.due, 'UTC') })) }
      : {}),
  };
  if (!message.note) delete message.note;
  return message;
}
