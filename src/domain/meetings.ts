// A regular meeting's calendar and what changed since the one before: pure. The preparation goes
// out a number of working days before the meeting (Dutch public holidays counted); agenda points
// are taken until the working day before, when the list goes to everyone.
import type { Meeting } from './records.ts';
import type { KpiStatus, Scorecard } from './scoring.ts';
import { workingDaysBefore } from './working-days.ts';

export function preparationDay(meeting: Meeting, workingDays: number): string {
  return workingDaysBefore(meeting.date, workingDays);
}

/** The working day before the meeting: the agenda closes and goes out. */
export function agendaDay(meeting: Meeting): string {
  return workingDaysBefore(meeting.date, 1);
}

/** The supplier's meeting before this one, if any. */
export function previousMeeting(meetings: readonly Meeting[], meeting: Meeting): Meeting | undefined {
  return meetings
    .filter((m) => m.supplier === meeting.supplier && m.date < meeting.date)
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .at(-1);
}

export interface StatusChange {
  kpi: string;
  from: KpiStatus;
  to: KpiStatus;
}

/** The KPIs whose status differs between two scorecards, in the framework's order. */
export function changesSince(before: Scorecard, now: Scorecard): StatusChange[] {
  return now.kpis.flatMap((kpi) => {
    const then = before.kpis.find((k) => k.id === kpi.id)?.status;
    return then !== undefined && then !== kpi.status ? [{ kpi: kpi.id, from: then, to: kpi.status }] : [];
  });
}
