// Social return as a subject of the questionnaire engine (KPI 7): a supplier's contact submits the
// plan of approach or the half-year's figures (`supplier`), and each submission is confirmed or sent
// back with a reason by a contract manager (`review-<ms>`: one review per submission, the first
// decision stands). How it looks: socialreturn-view.ts; what follows: socialreturn-review.ts.
import { UserError } from '../../errors.ts';
import { parseAnswers } from '../../questionnaires/answers.ts';
import type { FactAssignment } from '../../store/assignments.ts';
import type { Decision } from '../../store/social-return.ts';
import { formatPeriod } from '../../texts/format.ts';
import type { SubjectKind } from '../questionnaire/kind.ts';
import { socialReturn } from './social-return.ts';
import { afterReview, afterSubmission } from './socialreturn-review.ts';
import { bothOf, fact, isReview, reviewed, socialReturnMessage } from './socialreturn-view.ts';

export const socialReturnKind: SubjectKind<FactAssignment> = {
  message: (core, a, options) => socialReturnMessage(core, a, options),

  async admit(core, a, view) {
    const person = view.people.get(a.person);
    if (!isReview(a)) {
      // Still a contact of this supplier when answering (someone moved to another supplier is not).
      if (!person?.roles.includes('supplierContact') || person.supplier !== a.supplier)
        throw new UserError('not-allowed');
      return;
    }
    if (!person?.roles.includes('contractManager')) throw new UserError('not-allowed');
    // One decision per submission, and only on the latest: a second manager, or a review that a
    // newer submission replaced, is told, not taken.
    const store = socialReturn(core);
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
      await socialReturn(core).submit(a.subject, { by: a.person, receivedAt, answers });
      return;
    }
    const decision: Decision = {
      by: a.person,
      receivedAt,
      decision: answers.decision === 'changes' ? 'changes' : 'confirm',
      ...(typeof answers.reason === 'string' ? { reason: answers.reason } : {}),
    };
    await socialReturn(core).decide(a.subject, a.role, decision);
  },

  async hasAnswer(core, a) {
    if (isReview(a)) return (await socialReturn(core).decision(a.subject, a.role)) !== undefined;
    return (await socialReturn(core).submissions(a.subject)).length > 0;
  },

  async afterChange(core, a, view, answered) {
    if (!answered) return;
    if (isReview(a)) await afterReview(core, a, view, answered);
    else await afterSubmission(core, a, view, { by: a.person, ...answered });
  },

  errors: { closed: 'fact-closed', notOpen: 'fact-closed' },

  describe(a) {
    return bothOf('socialreturn.describe', (lang) => ({
      what: fact(a, 'what'),
      supplier: fact(a, 'supplierName'),
      period: fact(a, 'period') ? formatPeriod(lang, fact(a, 'period')) : '',
    }));
  },
};
