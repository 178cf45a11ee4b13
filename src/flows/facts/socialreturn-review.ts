// What follows an answer about social return (KPI 7), off the person's wait: a submission asks every
// contract manager to review it (reviews of earlier submissions close as replaced); a decision, the
// first one given, is told to the supplier's contacts and, confirmed, written into the records (only
// for the latest submission: a review that a newer one replaced confirms nothing) and KPI 7
// recomputed. Every step is keyed, so a retry after a crash changes nothing; each is in the audit trail.
import { applyConfirmed, type SocialReturnSubject } from '../../domain/social-return.ts';
import { dayStart, formatInstant } from '../../domain/time.ts';
import { socialReturnReviewSet } from '../../questionnaires/facts.ts';
import type { FactAssignment, Stored } from '../../store/assignments.ts';
import type { Submission } from '../../store/social-return.ts';
import { formatPeriod } from '../../texts/format.ts';
import type { ContractView, Core } from '../core.ts';
import { tell } from '../notices.ts';
import { assign, refreshMessages, updateAssignment } from '../questionnaire/engine.ts';
import { enqueueRecompute } from '../scorecard.ts';
import { recordChange } from './audit.ts';
import { dayOf, socialReturn } from './social-return.ts';
import { bothOf, fact, isReview, reviewed, socialReturnMessage } from './socialreturn-view.ts';

/** A review is answered within this long. */
const REVIEW_DAYS = 60;

/** A submission: every contract manager reviews it; reviews of earlier submissions close (superseded). */
export async function afterSubmission(
  core: Core,
  a: FactAssignment,
  view: ContractView,
  submission: Submission,
) {
  const role = `review-${submission.receivedAt}`;
  const all = await core.assignments.forFact(core.contract, 'socialreturn', a.subject);
  const managers = [...view.people.values()].filter((p) => p.roles.includes('contractManager'));
  const now = core.clock.now();
  await assign(
    core,
    managers.map((manager) => ({
      assignment: {
        kind: 'socialreturn' as const,
        contract: core.contract,
        subject: a.subject,
        supplier: a.supplier,
        role,
        person: manager.id,
        opensAt: now,
        closesAt: now + REVIEW_DAYS * 86_400_000,
        status: 'open' as const,
        set: socialReturnReviewSet,
        facts: { ...a.facts, by: submission.by, answers: JSON.stringify(submission.answers) },
      },
      answered: false,
    })),
    [],
  );
  await close(
    core,
    all.filter((s) => isReview(s.assignment) && reviewed(s.assignment) < submission.receivedAt),
  );
  const changes = Object.entries(submission.answers).map(([field, value]) => ({ field, to: String(value) }));
  await recordChange(
    core,
    {
      at: submission.receivedAt,
      by: submission.by,
      action: 'socialreturn-submitted',
      subject: subjectName(a),
      changes: [...(fact(a, 'period') ? [{ field: 'period', to: fact(a, 'period') }] : []), ...changes],
    },
    `socialreturn|${a.subject}|${submission.receivedAt}`,
  );
}

/** A decision: the first one stands; confirmed, it is written into the records and KPI 7 recomputed. */
export async function afterReview(
  core: Core,
  a: FactAssignment,
  view: ContractView,
  answered: { receivedAt: number },
) {
  const store = socialReturn(core);
  const decision = await store.decision(a.subject, a.role);
  // This submission is decided: every manager's copy of its review closes (this one too).
  const copies = (await core.assignments.forFact(core.contract, 'socialreturn', a.subject)).filter(
    (s) => s.assignment.role === a.role,
  );
  await close(core, copies);
  if (!decision || decision.by !== a.person || decision.receivedAt !== answered.receivedAt) return;
  const submissions = await store.submissions(a.subject);
  const submission = submissions.find((s) => s.receivedAt === reviewed(a));
  if (!submission) return;
  if (decision.decision === 'confirm' && submissions.at(-1) !== submission) {
    // Replaced meanwhile by a newer submission (its review was not open yet): that one is confirmed, not this.
    await tell(
      core,
      [a.person],
      bothOf('socialreturn.superseded', () => ({})),
      `socialreturn|${a.role}|replaced`,
      'warning',
    );
    return;
  }
  const zone = view.settings.timeZone;
  if (decision.decision === 'confirm') {
    await store.update(a.supplier, (entry) =>
      applyConfirmed(entry, subjectOf(a), submission.answers, dayOf(view, submission.receivedAt)),
    );
    const at = (day: string) => formatInstant(dayStart(day, zone), zone);
    await enqueueRecompute(core, a.supplier, at(dayOf(view, core.clock.now())), view);
    if (fact(a, 'upTo')) await enqueueRecompute(core, a.supplier, at(fact(a, 'upTo')), view);
  }
  await recordChange(
    core,
    {
      at: decision.receivedAt,
      by: decision.by,
      action: decision.decision === 'confirm' ? 'socialreturn-confirmed' : 'socialreturn-rejected',
      subject: subjectName(a),
      changes: decision.reason ? [{ field: 'reason', to: decision.reason }] : [],
    },
    `socialreturn|${a.subject}|${a.role}|decision`,
  );
  const contacts = (await core.assignments.forFact(core.contract, 'socialreturn', a.subject))
    .filter((s) => s.assignment.role === 'supplier')
    .map((s) => s.assignment.person);
  const name = view.people.get(decision.by)?.name ?? decision.by;
  await tell(
    core,
    contacts,
    bothOf('socialreturn.decided', (lang) => ({
      decided: decision.decision,
      name,
      what: fact(a, 'what'),
      period: fact(a, 'period') ? formatPeriod(lang, fact(a, 'period')) : '',
      reason: decision.reason ?? '',
    })),
    `socialreturn|${a.subject}|${a.role}`,
    decision.decision === 'confirm' ? 'good' : 'warning',
  );
  // The supplier's cards show the decision.
  for (const s of (await core.assignments.forFact(core.contract, 'socialreturn', a.subject)).filter(
    (x) => x.assignment.role === 'supplier',
  ))
    await refreshMessages(core, s.assignment, await socialReturnMessage(core, s.assignment, { view }));
}

function subjectOf(a: FactAssignment): SocialReturnSubject {
  return fact(a, 'what') === 'plan' ? { what: 'plan' } : { what: 'figures', upTo: fact(a, 'upTo') };
}

function subjectName(a: FactAssignment): string {
  return fact(a, 'period') ? `${fact(a, 'supplierName')} (${fact(a, 'period')})` : fact(a, 'supplierName');
}

async function close(core: Core, list: Stored<FactAssignment>[]) {
  for (const stored of list) {
    if (stored.assignment.status === 'closed') continue;
    const closed = await updateAssignment(core, stored, (x) =>
      x.status === 'closed' ? x : { ...x, status: 'closed' },
    );
    const assignment = closed.assignment as FactAssignment;
    await refreshMessages(core, assignment, await socialReturnMessage(core, assignment, { state: 'closed' }));
  }
}
