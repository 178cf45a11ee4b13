// A LEF day's attendance from every answer given about it in chat, in whatever order the answers
// are processed (pure): for each person, the LEF team's latest mark decides present or absent; an
// excuse counts from the moment of the person's first one (with their latest reason), also when the
// LEF team marks them excused; marked excused by the team without one of their own, it is
// registered at that mark (on the day: late). An excuse does not undo a mark of the team. The latest
// contribution of a present person is theirs. People nobody answered about keep their entry (imported).
import type { LefDay } from './records.ts';
import { formatInstant } from './time.ts';

/** One answer about the day, its values keyed by person for the cards (an excuse: `reason`). */
export interface DayAnswerOf {
  role: string;
  person: string;
  answers: Record<string, string | number | boolean>;
  receivedAt: number;
}

type Entry = LefDay['attendance'][number];

export function attendanceOf(day: LefDay, answers: readonly DayAnswerOf[], zone: string): Entry[] {
  const ordered = [...answers].sort((a, b) => a.receivedAt - b.receivedAt);
  const entries = new Map(day.attendance.map((e) => [e.person, e]));
  const people = new Set<string>();
  for (const a of ordered) {
    if (a.role === 'invitee') people.add(a.person);
    else for (const person of Object.keys(a.answers)) people.add(person);
  }
  for (const person of people) {
    const excuses = ordered.filter((a) => a.role === 'invitee' && a.person === person);
    const marks = ordered.filter((a) => a.role === 'attendance' && typeof a.answers[person] === 'string');
    const lastMark = marks.at(-1);
    const mark = lastMark?.answers[person];
    const first = excuses[0];
    const reason = String(excuses.at(-1)?.answers.reason ?? '');
    let entry: Entry | undefined;
    const before = entries.get(person);
    if (mark === 'present' || mark === 'absent')
      entry = {
        person,
        status: mark,
        ...(mark === 'present' && before?.contribution ? { contribution: before.contribution } : {}),
      };
    else if (first)
      entry = { person, status: 'excused', reason, registeredAt: formatInstant(first.receivedAt, zone) };
    else if (mark === 'excused' && lastMark)
      entry = {
        person,
        status: 'excused',
        reason: '—',
        registeredAt: formatInstant(lastMark.receivedAt, zone),
      };
    else entry = before;
    if (!entry) continue;
    const contribution = ordered.filter((a) => a.role === 'contribution' && person in a.answers).at(-1)
      ?.answers[person];
    if (entry.status === 'present' && typeof contribution === 'string') {
      const { contribution: _old, ...rest } = entry;
      entry = contribution.trim() === '' ? rest : { ...rest, contribution };
    }
    entries.set(person, entry);
  }
  return [...entries.values()];
}
