// A fact a supplier's contact submits and a contract manager reviews, as a subject of the
// questionnaire engine: social return (KPI 7) now, the progress report (KPI 6) next. The supplier's
// contacts submit (role `supplier`); each submission is reviewed by every contract manager
// (`review-<ms>`: one review per submission, the first decision stands, only the latest submission
// can be confirmed); the decision is told to the contacts and written into the records by the
// fact's own spec. Every step is keyed, so a retry after a crash changes nothing, and audited.
import type { QuestionnaireMessage } from '../../channels/questionnaire-view.ts';
import { UserError } from '../../errors.ts';
import { parseAnswers } from '../../questionnaires/answers.ts';
import type { QuestionSet, Text } from '../../questionnaires/types.ts';
import type { FactAssignment, FactKind, Stored } from '../../store/assignments.ts';
import type { AuditEntry } from '../../store/audit.ts';
import type { Decision, ReviewStore, Submission } from '../../store/reviews.ts';
import type { ContractView, Core } from '../core.ts';
import { tell } from '../notices.ts';
import { assign, refreshMessages, updateAssignment } from '../questionnaire/engine.ts';
import type { MessageOptions, SubjectKind } from '../questionnaire/kind.ts';
import { recordChange } from './audit.ts';

/** A review is answered within this long. */
const REVIEW_DAYS = 60;

export const isReview = (a: FactAssignment) => a.role.startsWith('review-');
export const reviewed = (a: FactAssignment) => Number(a.role.slice('review-'.length));
export const fact = (a: FactAssignment, name: string) => a.facts?.[name] ?? '';

export interface ReviewedSpec {
  kind: FactKind;
  store(core: Core): ReviewStore;
  reviewSet: QuestionSet;
  message(core: Core, a: FactAssignment, options?: MessageOptions): Promise<QuestionnaireMessage>;
  /** What a submission changes in the records at once (a report's delivery). */
  onSubmitted?(core: Core, a: FactAssignment, view: ContractView, submission: Submission): Promise<void>;
  /** What the decision that stands on the latest submission changes in the records. */
  onDecided(
    core: Core,
    a: FactAssignment,
    view: ContractView,
    decision: Decision,
    submission: Submission,
  ): Promise<void>;
  /** Whether what the contacts owe is in, for reminders (default: any submission); a report rejected in time is not. */
  submitted?(core: Core, a: FactAssignment): Promise<boolean>;
  /** Whether the fact is settled and takes no more submissions (a report accepted, also by import). */
  settled?(core: Core, a: FactAssignment): Promise<boolean>;
  /** A confirmation ends the asking: the contacts' questionnaires close (a report accepted). */
  closeOnConfirm?: boolean;
  audit: Record<'submitted' | 'confirmed' | 'rejected', AuditEntry['action']>;
  /** How the audit trail names the subject ("Facilitators BV (2026-H1)"). */
  subjectName(a: FactAssignment): string;
  /** The contacts are told of a decision. */
  decided(a: FactAssignment, decision: Decision, name: string): Text;
  /** A manager whose confirmation came after a newer submission is told. */
  superseded: Text;
  describe(a: FactAssignment): Text;
}

export function reviewedKind(spec: ReviewedSpec): SubjectKind<FactAssignment> {
  return {
    message: (core, a, options) => spec.message(core, a, options),

    async admit(core, a, view) {
      const person = view.people.get(a.person);
      if (!isReview(a)) {
        // Still a contact of this supplier when answering (someone moved to another supplier is not).
        if (!person?.roles.includes('supplierContact') || person.supplier !== a.supplier)
          throw new UserError('not-allowed');
        if (await spec.settled?.(core, a)) throw new UserError('fact-decided');
        return;
      }
      if (!person?.roles.includes('contractManager')) throw new UserError('not-allowed');
      // One decision per submission, and only on the latest: a second manager, or a review that a
      // newer submission replaced, is told, not taken.
      const store = spec.store(core);
      const [decision, submissions] = await Promise.all([
        store.decision(a.subject, a.role),
        store.submissions(a.subject),
      ]);
      if (decision) throw new UserError('fact-decided');
      if ((submissions.at(-1)?.receivedAt ?? 0) > reviewed(a)) throw new UserError('fact-superseded');
    },

    parse(a, raw) {
      const parsed = parseAnswers(a.set, raw);
      if (!parsed.ok) throw new UserError('invalid', parsed.fields);
      return parsed.answers;
    },

    async keep(core, a, { answers, receivedAt }) {
      if (!isReview(a)) {
        await spec.store(core).submit(a.subject, { by: a.person, receivedAt, answers });
        return;
      }
      const decision: Decision = {
        by: a.person,
        receivedAt,
        decision: answers.decision === 'changes' ? 'changes' : 'confirm',
        ...(typeof answers.reason === 'string' ? { reason: answers.reason } : {}),
      };
      await spec.store(core).decide(a.subject, a.role, decision);
    },

    async hasAnswer(core, a) {
      const store = spec.store(core);
      if (isReview(a)) return (await store.decision(a.subject, a.role)) !== undefined;
      if (spec.submitted) return spec.submitted(core, a);
      return (await store.submissions(a.subject)).length > 0;
    },

    async afterChange(core, a, view, answered) {
      if (!answered) return;
      if (isReview(a)) await afterReview(spec, core, a, view, answered);
      else await afterSubmission(spec, core, a, view, { by: a.person, ...answered });
    },

    errors: { closed: 'fact-closed', notOpen: 'fact-closed' },

    describe: (a) => spec.describe(a),
  };
}

/** A submission: every contract manager reviews it; reviews of earlier submissions close (superseded). */
async function afterSubmission(
  spec: ReviewedSpec,
  core: Core,
  a: FactAssignment,
  view: ContractView,
  submission: Submission,
) {
  const role = `review-${submission.receivedAt}`;
  const all = await core.assignments.forFact(core.contract, spec.kind, a.subject);
  const managers = [...view.people.values()].filter((p) => p.roles.includes('contractManager'));
  const now = core.clock.now();
  await spec.onSubmitted?.(core, a, view, submission);
  await assign(
    core,
    managers.map((manager) => ({
      assignment: {
        kind: spec.kind,
        contract: core.contract,
        subject: a.subject,
        supplier: a.supplier,
        role,
        person: manager.id,
        opensAt: now,
        closesAt: now + REVIEW_DAYS * 86_400_000,
        status: 'open' as const,
        set: spec.reviewSet,
        facts: { ...a.facts, by: submission.by, answers: JSON.stringify(submission.answers) },
      },
      answered: false,
    })),
    [],
  );
  await close(
    spec,
    core,
    all.filter((s) => isReview(s.assignment) && reviewed(s.assignment) < submission.receivedAt),
  );
  const changes = Object.entries(submission.answers).map(([field, value]) => ({ field, to: String(value) }));
  await recordChange(
    core,
    {
      at: submission.receivedAt,
      by: submission.by,
      action: spec.audit.submitted,
      subject: spec.subjectName(a),
      changes: [...(fact(a, 'period') ? [{ field: 'period', to: fact(a, 'period') }] : []), ...changes],
    },
    `${spec.kind}|${a.subject}|${submission.receivedAt}`,
  );
}

/** A decision: the first one stands; the spec writes it into the records; the contacts are told. */
async function afterReview(
  spec: ReviewedSpec,
  core: Core,
  a: FactAssignment,
  view: ContractView,
  answered: { receivedAt: number },
) {
  const store = spec.store(core);
  const decision = await store.decision(a.subject, a.role);
  const everyone = () => core.assignments.forFact(core.contract, spec.kind, a.subject);
  // This submission is decided: every manager's copy of its review closes (this one too).
  await close(
    spec,
    core,
    (await everyone()).filter((s) => s.assignment.role === a.role),
  );
  if (!decision || decision.by !== a.person || decision.receivedAt !== answered.receivedAt) return;
  const submissions = await store.submissions(a.subject);
  const submission = submissions.find((s) => s.receivedAt === reviewed(a));
  if (!submission) return;
  if (decision.decision === 'confirm' && submissions.at(-1) !== submission) {
    // Replaced meanwhile by a newer submission (its review was not open yet): that one is confirmed, not this.
    await tell(core, [a.person], spec.superseded, `${spec.kind}|${a.role}|replaced`, 'warning');
    return;
  }
  await spec.onDecided(core, a, view, decision, submission);
  await recordChange(
    core,
    {
      at: decision.receivedAt,
      by: decision.by,
      action: decision.decision === 'confirm' ? spec.audit.confirmed : spec.audit.rejected,
      subject: spec.subjectName(a),
      changes: decision.reason ? [{ field: 'reason', to: decision.reason }] : [],
    },
    `${spec.kind}|${a.subject}|${a.role}|decision`,
  );
  const contacts = (await everyone()).filter((s) => s.assignment.role === 'supplier');
  const name = view.people.get(decision.by)?.name ?? decision.by;
  // Told: the supplier's contacts now (someone who moved to another supplier since is not).
  const current = (id: string) => {
    const person = view.people.get(id);
    return person?.roles.includes('supplierContact') === true && person.supplier === a.supplier;
  };
  await tell(
    core,
    contacts.map((s) => s.assignment.person).filter(current),
    spec.decided(a, decision, name),
    `${spec.kind}|${a.subject}|${a.role}`,
    decision.decision === 'confirm' ? 'good' : 'warning',
  );
  if (decision.decision === 'confirm' && spec.closeOnConfirm) await close(spec, core, contacts);
  // The supplier's cards show the decision.
  for (const s of (await everyone()).filter(
    (x) => x.assignment.role === 'supplier' && current(x.assignment.person),
  ))
    await refreshMessages(
      core,
      s.assignment,
      await spec.message(core, s.assignment as FactAssignment, { view }),
    );
}

async function close(spec: ReviewedSpec, core: Core, list: Stored<FactAssignment>[]) {
  for (const stored of list) {
    if (stored.assignment.status === 'closed') continue;
    const closed = await updateAssignment(core, stored, (x) =>
      x.status === 'closed' ? x : { ...x, status: 'closed' },
    );
    const assignment = closed.assignment as FactAssignment;
    await refreshMessages(core, assignment, await spec.message(core, assignment, { state: 'closed' }));
  }
}
