// Where a reviewed fact (reviewed.ts) stands, as its cards show it: on a manager's review card the
// submission under review and the decision on it; on a contact's card the latest submission and
// the decision on that one.
import type { Answers } from '../../questionnaires/answers.ts';
import type { FactAssignment } from '../../store/assignments.ts';
import type { Decision, ReviewStore, Submission } from '../../store/reviews.ts';
import type { ContractView } from '../core.ts';
import { fact } from './reviewed.ts';

export interface ReviewSide {
  decision: Decision | undefined;
  /** What was submitted, as the review card was made with it. */
  submitted: Answers;
  /** Who submitted it, by name. */
  by: string;
  /** Whether the decision is this card's reader's. */
  mine: boolean;
  /** The reader's own decision as the card's answers. */
  answers: Answers | undefined;
}

export async function reviewSide(
  store: ReviewStore,
  a: FactAssignment,
  view: ContractView,
): Promise<ReviewSide> {
  const decision = await store.decision(a.subject, a.role);
  const mine = decision?.by === a.person;
  return {
    decision,
    submitted: JSON.parse(fact(a, 'answers') || '{}') as Answers,
    by: view.people.get(fact(a, 'by'))?.name ?? fact(a, 'by'),
    mine,
    answers:
      decision && mine
        ? { decision: decision.decision, ...(decision.reason ? { reason: decision.reason } : {}) }
        : undefined,
  };
}

export async function submitterSide(
  store: ReviewStore,
  a: FactAssignment,
): Promise<{ last: Submission | undefined; decision: Decision | undefined }> {
  const last = (await store.submissions(a.subject)).at(-1);
  const decision = last ? await store.decision(a.subject, `review-${last.receivedAt}`) : undefined;
  return { last, decision };
}
