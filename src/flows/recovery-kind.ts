// The recovery plan as a subject of the questionnaire engine: the supplier's contacts write the
// plan (every version kept), a contract manager reviews each submission (`review-n`, one decision
// per round); the plan's state is read from the versions (domain/recovery.ts). What the
// questionnaire shows is recovery-view.ts, what follows an answer recovery-follow-up.ts.
import { isVersionOf, type RecoveryVersion, recoveryState, reviewRound } from '../domain/recovery.ts';
import { formatInstant, localDate } from '../domain/time.ts';
import { UserError } from '../errors.ts';
import { type Answers, parseAnswers } from '../questionnaires/answers.ts';
import type { RecoveryAssignment } from '../store/assignments.ts';
import { RecoveryPlanStore } from '../store/recovery-plans.ts';
import { formatDate, formatPeriod } from '../texts/format.ts';
import { bothOf, t } from '../texts/index.ts';
import type { Core } from './core.ts';
import type { SubjectKind } from './questionnaire/kind.ts';
import { afterPlan, afterReview } from './recovery-follow-up.ts';
import { recoverySets } from './recovery-plans.ts';
import { isReview, recoveryMessage } from './recovery-view.ts';

const store = (core: Core) => new RecoveryPlanStore(core.tables, core.contract);

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
  message: (core, a, options) => recoveryMessage(core, a, options),

  async admit(core, a) {
    // A decision closes the plan (or a review round) before its window does, and maybe on another
    // instance: read where it stands, so that an answer after it is refused, not acknowledged.
    const state = recoveryState((await store(core).plan(a.plan)).versions);
    if (state.status === 'accepted') throw new UserError('recovery-closed');
    if (isReview(a) && state.reviews >= reviewRound(a.role)) throw new UserError('recovery-closed');
  },

  parse(a, raw, view) {
    const sets = recoverySets(view);
    const parsed = parseAnswers(isReview(a) ? sets.review : sets.plan, raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    // The norm is met again on a day to come, not before the plan was asked.
    const asked = localDate(a.opensAt, view.settings.timeZone);
    if (!isReview(a) && String(parsed.answers.normMetOn) < asked)
      throw new UserError('invalid', {
        normMetOn: bothOf('recovery.datePast', (lang) => ({ date: formatDate(lang, asked, 'UTC') })),
      });
    return parsed.answers;
  },

  async keep(core, a, { answers, receivedAt }, view) {
    const at = formatInstant(receivedAt, view.settings.timeZone);
    // A review round decided first by someone else keeps that decision (the follow-up says so).
    await store(core).add(a.plan, toVersion(a, answers, at), receivedAt);
  },

  async hasAnswer(core, a) {
    const { versions } = await store(core).plan(a.plan);
    // One plan per supplier: once any of its contacts submitted it, nobody is reminded.
    return versions.some((v) => isVersionOf(v, a.role) && (isReview(a) ? v.by === a.person : true));
  },

  async afterChange(core, a, view, answered) {
    if (!answered) return;
    if (isReview(a)) await afterReview(core, a, view, answered);
    else await afterPlan(core, a, view, answered);
  },

  errors: { closed: 'recovery-closed', notOpen: 'recovery-not-open' },

  describe(a) {
    const supplier = a.supplierName ?? a.supplier;
    return {
      nl: t('nl', 'recovery.describe', { supplier, period: formatPeriod('nl', a.period) }),
      en: t('en', 'recovery.describe', { supplier, period: formatPeriod('en', a.period) }),
    };
  },
};
