// A recovery plan's life, read from what was asked and every version of every answer (pure): asked
// → submitted → (changes asked → submitted again)* → accepted. Overdue when, at the end of its due
// day, no submission awaits review or stands accepted.
import type { IsoDate } from './time.ts';

/** What was asked, once per supplier and period with red KPIs. */
export interface RecoveryAsked {
  /** `<supplier>-<period>`. */
  plan: string;
  supplier: string;
  period: string;
  /** 21 days after the earliest finding of the period. */
  due: IsoDate;
  /** The red KPIs when it was asked. */
  kpis: string[];
  askedAt: string;
}

/** One version of one answer: the supplier's plan or a contract manager's review of a submission. */
export type RecoveryVersion = {
  plan: string;
  by: string;
  /** When it was received, in the contract's zone (ISO 8601 with offset). */
  at: string;
} & (
  | { role: 'supplier'; causes: string; actions: string; normMetOn: IsoDate; link?: string }
  | { role: `review-${number}`; decision: 'accept' | 'changes'; reason?: string }
);

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
  for (const version of versions) {
    if (state.status === 'accepted') break; // an accepted plan is final
    if (isSupplierVersion(version)) {
      state.latest = version;
      state.status = 'submitted';
      state.firstSubmittedAt ??= version.at;
    } else {
      state.review = version;
      state.reviews = Math.max(state.reviews, reviewNumber(version.role));
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

export function reviewNumber(role: string): number {
  const match = /^review-(\d+)$/.exec(role);
  return match ? Number(match[1]) : 0;
}
