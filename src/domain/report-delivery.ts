// A progress report's delivery and judgement in chat (KPI 6), written into the records' report entry:
// pure. The delivery day is what KPI 6 judges against the due date; the contract manager's judgement
// accepts it, or rejects it with a reason.
import type { Report } from './records.ts';

/**
 * A delivery. While a report awaits judgement its first delivery day stands (a better version sent
 * meanwhile does not make an on-time report late); after a rejection the new delivery's day counts.
 * The explanations are the latest.
 */
export function applyDelivery(
  entry: Report,
  deliveredOn: string,
  explanations: Record<string, string>,
): Report {
  const { accepted, reason: _reason, explanations: _old, ...rest } = entry;
  // Accepted (in chat or by an imported file): settled, a later delivery changes nothing.
  if (accepted === true) return entry;
  const awaiting = entry.deliveredOn !== undefined && accepted === undefined;
  return {
    ...rest,
    deliveredOn: awaiting ? (entry.deliveredOn as string) : deliveredOn,
    ...(Object.keys(explanations).length > 0 ? { explanations } : {}),
  };
}

/**
 * A judgement, given on `day`. Accepted, the report counts as delivered on its delivery day. Rejected
 * on or before the due date, it is as if not delivered (the supplier can still deliver in time);
 * rejected after it, it stays delivered and not accepted: KPI 6 is not met.
 */
export function applyJudgement(
  entry: Report,
  judgement: { accepted: boolean; reason?: string; day: string; due: string },
): Report {
  const { deliveredOn, accepted: _accepted, reason: _reason, ...rest } = entry;
  if (judgement.accepted) return { ...rest, ...(deliveredOn ? { deliveredOn } : {}), accepted: true };
  const reason = judgement.reason ? { reason: judgement.reason } : {};
  if (judgement.day <= judgement.due) return { ...rest, ...reason };
  return { ...rest, ...(deliveredOn ? { deliveredOn } : {}), accepted: false, ...reason };
}
