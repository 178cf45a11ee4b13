// Social return (KPI 7) as confirmed in chat, written into a supplier's records entry: pure.
import type { SocialReturn } from './records.ts';

/** What a submission is about: the plan of approach, or the cumulative figures up to a day. */
export type SocialReturnSubject = { what: 'plan' } | { what: 'figures'; upTo: string };

/**
 * A confirmed submission applied to the supplier's entry. The plan's submission day is the first
 * confirmed one (a later correction does not make an on-time plan late); its date and link are the
 * latest. Figures replace those for the same day.
 */
export function applyConfirmed(
  entry: SocialReturn,
  subject: SocialReturnSubject,
  answers: Record<string, unknown>,
  submittedOn: string,
): SocialReturn {
  if (subject.what === 'plan')
    return {
      ...entry,
      planSubmittedOn: entry.planSubmittedOn ?? submittedOn,
      ...(typeof answers.planDate === 'string' ? { planDate: answers.planDate } : {}),
      ...(typeof answers.link === 'string' ? { planLink: answers.link } : {}),
    };
  const figures = entry.figures.filter((f) => f.upTo !== subject.upTo);
  figures.push({
    upTo: subject.upTo,
    revenue: Number(answers.revenue),
    sroiValue: Number(answers.sroiValue),
  });
  return { ...entry, figures: figures.sort((a, b) => (a.upTo < b.upTo ? -1 : 1)) };
}
