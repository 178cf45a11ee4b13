// A recovery plan's life, read from what was asked and every version of every answer (pure): asked
// → submitted → (changes asked → submitted again)* → accepted. Overdue when, at the end of its due
// day, no submission awaits review or stands accepted.
import { z } from 'zod';

/** Ids and texts as the records file limits them (domain/records.ts LIMITS: id 200, text 2000). */
const Id = z.string().min(1).max(200);
const Text = z.string().trim().min(1).max(2000);
const Day = z.iso.date();
const DateTime = z.iso.datetime({ offset: true });

/** One version of one answer: the supplier's plan or a contract manager's review of a submission. */
export const RecoveryVersionShape = z.discriminatedUnion('role', [
  z.strictObject({
    role: z.literal('supplier'),
    by: Id,
    at: DateTime,
    causes: Text,
    actions: Text,
    normMetOn: Day,
    link: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  }),
  z.strictObject({
    role: z.literal('review'),
    /** Which review: the first of the plan, or the one after changes were asked (2, 3, …). */
    round: z.number().int().min(1).max(1000),
    by: Id,
    at: DateTime,
    decision: z.enum(['accept', 'changes']),
    reason: Text.optional(),
  }),
]);

/** A plan in the records file: what was asked, and every version in the order received. */
export const RecoveryPlanShape = z.strictObject({
  supplier: Id,
  period: z.string().max(20),
  /** 21 days after the earliest finding of the period. */
  due: Day,
  /** The red KPIs when it was asked. */
  kpis: z.array(Id),
  askedAt: DateTime,
  versions: z.array(RecoveryVersionShape),
});
export type RecoveryPlan = z.infer<typeof RecoveryPlanShape>;

/** What was asked, once per supplier and period with red KPIs; `plan` is `<supplier>-<period>`. */
export type RecoveryAsked = Omit<RecoveryPlan, 'versions'> & { plan: string };

/** A version as stored, naming its plan. */
export type RecoveryVersion = z.infer<typeof RecoveryVersionShape> & { plan: string };

export type SupplierVersion = Extract<RecoveryVersion, { role: 'supplier' }>;
export type ReviewVersion = Exclude<RecoveryVersion, SupplierVersion>;

export type RecoveryStatus = 'asked' | 'submitted' | 'changes' | 'accepted';

export interface RecoveryState {
  status: RecoveryStatus;
  /** The plan as it stands (the latest supplier version). */
  latest?: SupplierVersion;
  /** The latest review, if any. */
  review?: ReviewVersion;
  /** The highest review number given (a repeat of one review counts once): the next is `review-<n + 1>`. */
  reviews: number;
  /** When it was first submitted and when accepted (ISO), if so. */
  firstSubmittedAt?: string;
  acceptedAt?: string;
}

export function isSupplierVersion(version: RecoveryVersion): version is SupplierVersion {
  return version.role === 'supplier';
}

/** The state after these versions, in the order they were received. */
export function recoveryState(versions: RecoveryVersion[]): RecoveryState {
  const state: RecoveryState = { status: 'asked', reviews: 0 };
  // In the order received; at the same moment (clocks of two instances) a plan comes before its review.
  const ordered = [...versions].sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) || Number(!isSupplierVersion(a)) - Number(!isSupplierVersion(b)),
  );
  for (const version of ordered) {
    if (state.status === 'accepted') break; // an accepted plan is final
    if (isSupplierVersion(version)) {
      state.latest = version;
      state.status = 'submitted';
      state.firstSubmittedAt ??= version.at;
    } else {
      state.review = version;
      state.reviews = Math.max(state.reviews, version.round);
      state.status = version.decision === 'accept' ? 'accepted' : 'changes';
      if (version.decision === 'accept') state.acceptedAt = version.at;
    }
  }
  return state;
}

/** Whether the plan is overdue: nothing awaiting review or accepted once its due day has ended. */
export function isOverdue(state: RecoveryState): boolean {
  return state.status === 'asked' || state.status === 'changes';
}

export function planId(supplier: string, period: string): string {
  return `${supplier}-${period}`;
}

/** The assignment role of a review round (`review-2`), and back. */
export function reviewRole(round: number): `review-${number}` {
  return `review-${round}`;
}
export function reviewRound(role: string): number {
  const match = /^review-(\d+)$/.exec(role);
  return match ? Number(match[1]) : 0;
}

/** Whether a version is the answer of an assignment in `role` (`supplier`, `review-n`). */
export function isVersionOf(version: RecoveryVersion, role: string): boolean {
  return version.role === 'supplier' ? role === 'supplier' : reviewRole(version.round) === role;
}
