// A contract's regular meetings with each supplier (LEF's tactical meeting), prepared in chat. A
// contract manager plans one with `overleg <opdrachtnemer> <datum> [tijd]` (or it comes with the
// records file); a set number of working days before it (the contract's `meetingPreparationDays`,
// default five; Dutch public holidays counted) both parties get the preparation: the figures, what
// changed since the last meeting, open findings and recovery plans, the reflection questions, and a
// card for their agenda points. On the working day before the meeting the agenda closes and goes to
// everyone. Each step is an outbox item with a fixed id: planned twice, or run again, it is once.
import { HOUR } from '../clock.ts';
import { findFramework } from '../domain/frameworks/index.ts';
import { agendaDay, preparationDay } from '../domain/meetings.ts';
import type { Meeting } from '../domain/records.ts';
import { dayStart, localDate } from '../domain/time.ts';
import { isWorkingDay } from '../domain/working-days.ts';
import { UserError } from '../errors.ts';
import type { Lang } from '../i18n.ts';
import type { FactAssignment } from '../store/assignments.ts';
import type { FactVersion } from '../store/fact-versions.ts';
import { MeetingStore } from '../store/meetings.ts';
import { formatDate } from '../texts/format.ts';
import { both, bothOf, t } from '../texts/index.ts';
import { type ContractView, type Core, supplierName } from './core.ts';
import { recordChange } from './facts/audit.ts';
import { parseDay } from './lef-days.ts';
import { meetingSet, meetingWhen } from './meeting-view.ts';
import { tell } from './notices.ts';
import { assign, refreshMessages, updateAssignment } from './questionnaire/engine.ts';
import { kindOf } from './questionnaire/kinds.ts';

export const MEETING_JOBS = { prepare: 'meeting-prepare', agenda: 'meeting-agenda' } as const;

interface MeetingPayload {
  meeting: string;
  /** The day it was queued for: a meeting moved since is left to its new day's items. */
  date: string;
}
const SEND_HOUR = 9;
const LATE_AGENDA_HOUR = 8;

export const meetings = (core: Core) => new MeetingStore(core.tables, core.contract);

/** The meeting's name in the framework ("Tactisch overleg"). */
export function meetingName(view: ContractView): { nl: string; en: string } {
  return findFramework(view.contract.framework)?.meeting?.name ?? { nl: 'Overleg', en: 'Meeting' };
}

/** Who takes part: the client's contract managers and the supplier's contacts. */
export function participants(view: ContractView, supplier: string): string[] {
  return [...view.people.values()]
    .filter(
      (p) =>
        p.roles.includes('contractManager') ||
        (p.roles.includes('supplierContact') && p.supplier === supplier),
    )
    .map((p) => p.id);
}

/** When the preparation and the agenda go out (09:00 on their days; never before now). */
export function meetingMoments(meeting: Meeting, view: ContractView, now: number) {
  const zone = view.settings.timeZone;
  const at = (day: string) => dayStart(day, zone) + SEND_HOUR * HOUR;
  const prepared = Math.max(now, at(preparationDay(meeting, view.settings.meetingPreparationDays)));
  // Planned too late for the day before (or prepared that same day): the agenda closes early on the day itself.
  const dayBefore = at(agendaDay(meeting));
  const agenda = dayBefore > prepared ? dayBefore : dayStart(meeting.date, zone) + LATE_AGENDA_HOUR * HOUR;
  return { prepared, agenda };
}

/**
 * Queues the meeting's preparation and agenda (insert-if-absent: scheduling it again changes nothing).
 * The ids carry the date: a meeting moved to another day is prepared for that day, and the jobs of
 * its old day do nothing.
 */
export async function scheduleMeeting(core: Core, meeting: Meeting, view: ContractView): Promise<void> {
  const { prepared, agenda } = meetingMoments(meeting, view, core.clock.now());
  await core.outbox.enqueue([
    {
      id: `${MEETING_JOBS.prepare}|${meeting.id}|${meeting.date}`,
      kind: MEETING_JOBS.prepare,
      payload: { meeting: meeting.id, date: meeting.date },
      dueAt: prepared,
    },
    {
      id: `${MEETING_JOBS.agenda}|${meeting.id}|${meeting.date}`,
      kind: MEETING_JOBS.agenda,
      payload: { meeting: meeting.id, date: meeting.date },
      dueAt: agenda,
    },
  ]);
}

/** The daily step: every meeting still ahead and not prepared yet (from the records file too) is scheduled. */
export async function scheduleMeetings(core: Core, today: string): Promise<void> {
  const view = await core.contractView();
  for (const meeting of await meetings(core).list()) {
    if (meeting.date <= today) continue;
    // Prepared already (for this day): its agenda item is queued beside it; nothing to add.
    const cards = await core.assignments.forFact(core.contract, 'meeting', meeting.id);
    if (cards.some((c) => c.assignment.facts?.date === meeting.date)) continue;
    await scheduleMeeting(core, meeting, view);
  }
}

/** `overleg <opdrachtnemer> <datum> [tijd]`: a contract manager plans a meeting with a supplier. */
export async function planMeeting(core: Core, personId: string, args: string[]) {
  const view = await core.contractView();
  const person = view.people.get(personId);
  if (!person) throw new UserError('unknown-person');
  if (!person.roles.includes('contractManager')) throw new UserError('not-allowed');
  const zone = view.settings.timeZone;
  const today = localDate(core.clock.now(), zone);
  const example = nextMonth(today);
  const name = meetingName(view);
  const usage = both('meeting.usage', { supplier: view.suppliers[0]?.name ?? 'Facilitators', example });
  const dateAt = args.findIndex((a) => /^\d{1,4}-\d{1,2}-\d{1,4}$/.test(a));
  const timeAt = args.findIndex((a) => /^\d{1,2}[:.]\d{2}$/.test(a));
  const words = args.filter((_, i) => i !== dateAt && i !== timeAt);
  if (dateAt < 0 || words.length === 0) throw new UserError('bad-argument', {}, usage);
  const typedDate = args[dateAt] as string;
  const date = parseDay(typedDate);
  if (!date) throw new UserError('bad-argument', {}, both('meeting.badDate', { typed: typedDate, example }));
  if (date <= today) throw new UserError('not-possible', {}, both('meeting.past'));
  const time = timeAt >= 0 ? parseTime(args[timeAt] as string) : undefined;
  if (timeAt >= 0 && !time)
    throw new UserError('bad-argument', {}, both('meeting.badTime', { typed: args[timeAt] as string }));
  const typed = words.join(' ');
  const matches = matchSuppliers(view, typed);
  if (matches.length !== 1)
    throw new UserError(
      'bad-argument',
      {},
      matches.length === 0
        ? both('scorecard.noSupplier', { typed, names: view.suppliers.map((s) => s.name).join(', ') })
        : both('meeting.oneSupplier', { typed, names: matches.map((s) => s.name).join(', ') }),
    );
  const supplier = (matches[0] as { id: string }).id;
  const meeting: Meeting = { id: `overleg-${supplier}-${date}`, supplier, date, ...(time ? { time } : {}) };
  const values = (lang: Lang) => ({
    meeting: name[lang].toLowerCase(),
    supplier: supplierName(view, supplier),
    date: formatDate(lang, date, 'UTC'),
    when: meetingWhen(lang, meeting),
  });
  const created = await meetings(core).create(meeting);
  if (created)
    await recordChange(
      core,
      {
        at: core.clock.now(),
        by: personId,
        action: 'meeting-planned',
        subject: `${supplierName(view, supplier)} (${date})`,
        changes: time ? [{ field: 'time', to: time }] : [],
      },
      `meeting|${meeting.id}|planned`,
    );
  // Planned again after a crash half-way: the items are insert-if-absent.
  await scheduleMeeting(core, meeting, view);
  if (!created) throw new UserError('not-possible', {}, bothOf('meeting.exists', values));
  const { prepared, agenda } = meetingMoments(meeting, view, core.clock.now());
  const text = bothOf('meeting.planned', (lang) => ({
    ...values(lang),
    meeting: name[lang],
    prepared: prepared <= core.clock.now() ? 'now' : formatDate(lang, localDate(prepared, zone), 'UTC'),
    holiday: isWorkingDay(date) ? 'no' : 'yes',
    agenda: formatDate(lang, localDate(agenda, zone), 'UTC'),
    count: participants(view, supplier).length,
  }));
  return { kind: 'notice' as const, tone: 'good' as const, text };
}

const nextMonth = (today: string) => {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-15` : `${year}-${String(month + 1).padStart(2, '0')}-15`;
};

/**
 * The suppliers a typed name means: its id or whole name, or the start of words of its name, at
 * least three letters ("Facili", "proces co"): planning is an action, so a letter is not enough.
 */
function matchSuppliers(view: ContractView, typed: string): ContractView['suppliers'] {
  const wanted = typed.toLowerCase();
  const exact = view.suppliers.filter(
    (s) => s.id.toLowerCase() === wanted || s.name.toLowerCase() === wanted,
  );
  if (exact.length > 0 || wanted.replace(/\s/g, '').length < 3) return exact;
  const parts = wanted.split(/\s+/);
  return view.suppliers.filter((s) => {
    const words = s.name.toLowerCase().split(/[\s&,.-]+/);
    return parts.every((part) => words.some((word) => word.startsWith(part)));
  });
}

function parseTime(typed: string): string | undefined {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(typed);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? `${String(hours).padStart(2, '0')}:${match[2]}` : undefined;
}

/** The outbox job: each participant gets the preparation, with a card for their agenda points. */
export async function prepareMeeting(core: Core, payload: MeetingPayload): Promise<void> {
  const meeting = await meetings(core).get(payload.meeting);
  const view = await core.contractView();
  if (!meeting || meeting.date !== payload.date) return; // moved: its new day has its own items
  if (meeting.date <= localDate(core.clock.now(), view.settings.timeZone)) return;
  const { agenda } = meetingMoments(meeting, view, core.clock.now());
  const set = meetingSet(view, meeting, agenda);
  await assign(
    core,
    participants(view, meeting.supplier).map((person) => ({
      assignment: {
        kind: 'meeting',
        contract: core.contract,
        subject: meeting.id,
        role: 'participant',
        person,
        supplier: meeting.supplier,
        opensAt: core.clock.now(),
        closesAt: agenda,
        status: 'open',
        set,
        facts: { supplierName: supplierName(view, meeting.supplier), date: meeting.date },
      } satisfies FactAssignment,
      answered: false,
    })),
    [],
  );
}

/** The outbox job: the agenda cards close, and the agenda goes to everyone taking part. */
export async function sendAgenda(core: Core, payload: MeetingPayload): Promise<void> {
  const meeting = await meetings(core).get(payload.meeting);
  if (!meeting || meeting.date !== payload.date) return;
  const view = await core.contractView();
  const cards = await core.assignments.forFact(core.contract, 'meeting', meeting.id);
  for (const stored of cards) {
    if (stored.assignment.status === 'closed') continue;
    const closed = await updateAssignment(core, stored, (x) =>
      x.status === 'closed' ? x : { ...x, status: 'closed' },
    );
    await refreshMessages(
      core,
      closed.assignment,
      await kindOf(closed.assignment).message(core, closed.assignment, { state: 'closed', view }),
    );
  }
  const points = agendaLines(await meetings(core).agenda(meeting.id), view);
  const name = meetingName(view);
  const text = bothOf('meeting.agenda', (lang) => ({
    meeting: name[lang].toLowerCase(),
    supplier: supplierName(view, meeting.supplier),
    when: meetingWhen(lang, meeting),
    points:
      points.length > 0
        ? points.map((p, i) => `${i + 1}. ${t(lang, 'meeting.point', p)}`).join('\n')
        : t(lang, 'meeting.agendaEmpty'),
  }));
  // Those taking part now: someone who moved to another supplier since the preparation is not told.
  await tell(
    core,
    participants(view, meeting.supplier),
    text,
    `meeting|${meeting.id}|${meeting.date}|agenda`,
  );
}

/** The agenda as it stands (store/meetings.ts `agenda`): each participant's latest points, one per line, with their name. */
export function agendaLines(agenda: FactVersion[], view: ContractView): { point: string; name: string }[] {
  return agenda.flatMap((version) =>
    String(version.answers.points ?? '')
      .split('\n')
      .map((line) => line.trim().replace(/^[-•*]\s*/, ''))
      .filter((line) => line !== '')
      .map((point) => ({ point, name: view.people.get(version.by)?.name ?? version.by })),
  );
}
