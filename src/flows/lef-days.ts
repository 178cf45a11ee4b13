// LEF days in chat (KPI 4), on the questionnaire engine: the LEF team (or a contract manager) plans
// a day with `lefdag <datum>`; every facilitator onboarded before it is invited and may excuse
// themselves with a reason (before the day it counts as agreed in advance, on or after it is taken
// and marked late), reminded a week and a day before; at the day's start the LEF team gets one
// attendance card listing every expected facilitator per supplier; once registered, each
// supplier's contact adds the active contribution of their facilitators who were there.
import { HOUR } from '../clock.ts';
import type { LefDay, Person } from '../domain/records.ts';
import { addDays, dayStart, isValidDay, localDate } from '../domain/time.ts';
import { UserError } from '../errors.ts';
import { attendanceSet, contributionSet, type DayPerson } from '../questionnaires/lef-day.ts';
import type { LefDayAssignment } from '../store/assignments.ts';
import { LefDayStore } from '../store/lef-days.ts';
import { formatDate } from '../texts/format.ts';
import { both, t } from '../texts/index.ts';
import { type ContractView, type Core, supplierName } from './core.ts';
import { recordChange } from './facts/audit.ts';
import { assign } from './questionnaire/engine.ts';

export const LEF_DAY_JOBS = { attendance: 'lefday-attendance', invite: 'lefday-invite' } as const;

/** Excuses and the attendance are taken this long after the day (late ones, corrections). */
const OPEN_AFTER_DAYS = 14;
const REMINDER_HOUR = 9;

export const lefDays = (core: Core) => new LefDayStore(core.tables, core.contract);

/** Who plans LEF days: the client's LEF team and contract managers (the LEF team registers attendance). */
export function mayPlanLefDays(person: Person): boolean {
  return person.roles.some((r) => r === 'lefTeam' || r === 'contractManager');
}

/** The facilitators expected on a day: onboarded before it (SCORING.md, KPI 4), by supplier. */
export function expectedOn(date: string, view: ContractView): DayPerson[] {
  const nameOfSupplier = (id: string | undefined) => (id === undefined ? '' : supplierName(view, id));
  return [...view.people.values()]
    .filter((p) => p.roles.includes('facilitator') && p.onboardedOn !== undefined && p.onboardedOn < date)
    .map((p) => ({ id: p.id, name: p.name, supplierName: nameOfSupplier(p.supplier) }))
    .sort((a, b) => a.supplierName.localeCompare(b.supplierName, 'nl') || a.name.localeCompare(b.name, 'nl'));
}

/** `2027-03-10` or `10-3-2027` (Dutch order), or undefined. */
export function parseDay(typed: string): string | undefined {
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(typed);
  const day = dutch ? `${dutch[3]}-${dutch[2]?.padStart(2, '0')}-${dutch[1]?.padStart(2, '0')}` : typed;
  return isValidDay(day) ? day : undefined;
}

/** `lefdag <datum>`: plans the day and invites its facilitators. */
export async function planLefDay(core: Core, personId: string, typed: string) {
  const view = await core.contractView();
  const person = view.people.get(personId);
  if (!person) throw new UserError('unknown-person');
  if (!mayPlanLefDays(person)) throw new UserError('not-allowed');
  const zone = view.settings.timeZone;
  const today = localDate(core.clock.now(), zone);
  const example = addDays(today, 30);
  if (typed === '') throw new UserError('bad-argument', {}, both('lefday.usage', { example }));
  const date = parseDay(typed);
  if (!date) throw new UserError('bad-argument', {}, both('lefday.badDate', { typed, example }));
  if (date <= today) throw new UserError('bad-argument', {}, both('lefday.past'));
  const day: LefDay = { id: `lefdag-${date}`, date, attendance: [] };
  const when = (lang: 'nl' | 'en') => formatDate(lang, date, 'UTC');
  const created = await lefDays(core).create(day);
  if (created)
    await recordChange(
      core,
      { at: core.clock.now(), by: personId, action: 'lefday-planned', subject: date, changes: [] },
      `lefday|${day.id}|planned`,
    );
  // Planned again after a crash half-way: the invitations and the day's items are insert-if-absent.
  const invited = await inviteExpected(core, day, view);
  await core.outbox.enqueue([
    {
      id: `${LEF_DAY_JOBS.attendance}|${day.id}`,
      kind: LEF_DAY_JOBS.attendance,
      payload: { day: day.id },
      dueAt: dayStart(date, zone),
    },
    // At each reminder's moment, whoever is expected by then and was not invited yet is invited.
    ...REMINDER_DAYS.map((days) => ({
      id: `${LEF_DAY_JOBS.invite}|${day.id}|${days}`,
      kind: LEF_DAY_JOBS.invite,
      payload: { day: day.id },
      dueAt: reminderAt(date, days, zone),
    })),
  ]);
  if (!created)
    throw new UserError(
      'bad-argument',
      {},
      {
        nl: t('nl', 'lefday.exists', { date: when('nl') }),
        en: t('en', 'lefday.exists', { date: when('en') }),
      },
    );
  const text = (lang: 'nl' | 'en') => t(lang, 'lefday.planned', { date: when(lang), count: invited });
  return { kind: 'notice' as const, tone: 'good' as const, text: { nl: text('nl'), en: text('en') } };
}

const REMINDER_DAYS = [7, 1];
const reminderAt = (date: string, days: number, zone: string) =>
  dayStart(addDays(date, -days), zone) + REMINDER_HOUR * HOUR;

/** Invites every facilitator expected on the day (insert-if-absent); returns how many are expected. */
async function inviteExpected(core: Core, day: LefDay, view: ContractView): Promise<number> {
  const zone = view.settings.timeZone;
  const expected = expectedOn(day.date, view);
  const now = core.clock.now();
  const closesAt = dayStart(addDays(day.date, OPEN_AFTER_DAYS + 1), zone);
  await assign(
    core,
    expected.map((p) => ({
      assignment: lefDayAssignment(core, day, 'invitee', p.id, supplierOf(view, p.id), now, closesAt),
      answered: false,
    })),
    REMINDER_DAYS.map((days) => reminderAt(day.date, days, zone)),
  );
  return expected.length;
}

/** The job at a reminder's moment: invitations for facilitators onboarded since the day was planned. */
export async function inviteLate(core: Core, payload: { day: string }): Promise<void> {
  const stored = await lefDays(core).get(payload.day);
  if (stored) await inviteExpected(core, stored.day, await core.contractView());
}

function supplierOf(view: ContractView, person: string): string {
  return view.people.get(person)?.supplier ?? '';
}

export function lefDayAssignment(
  core: Core,
  day: LefDay,
  role: LefDayAssignment['role'],
  person: string,
  supplier: string,
  opensAt: number,
  closesAt: number,
  listed?: { set: NonNullable<LefDayAssignment['set']>; people: string[] },
): LefDayAssignment {
  return {
    kind: 'lefday',
    contract: core.contract,
    day: day.id,
    date: day.date,
    role,
    person,
    supplier,
    opensAt,
    closesAt,
    status: 'open',
    ...(listed ? { set: listed.set, people: listed.people } : {}),
  };
}

/** At the day's start: the LEF team's attendance card, listing every expected facilitator. */
export async function openAttendance(core: Core, payload: { day: string }): Promise<void> {
  const stored = await lefDays(core).get(payload.day);
  if (!stored) return;
  const view = await core.contractView();
  const people = expectedOn(stored.day.date, view);
  if (people.length === 0) return;
  const now = core.clock.now();
  const closesAt = dayStart(addDays(stored.day.date, OPEN_AFTER_DAYS + 1), view.settings.timeZone);
  // The LEF team registers; a contract without one has its contract managers do it.
  const lefTeam = [...view.people.values()].filter((p) => p.roles.includes('lefTeam'));
  const team =
    lefTeam.length > 0
      ? lefTeam
      : [...view.people.values()].filter((p) => p.roles.includes('contractManager'));
  await assign(
    core,
    team.map((p) => ({
      assignment: lefDayAssignment(core, stored.day, 'attendance', p.id, '', now, closesAt, {
        set: attendanceSet(people),
        people: people.map((x) => x.id),
      }),
      answered: false,
    })),
    [],
  );
}

/** After the attendance: each supplier's contact is asked for the contributions of those who were there. */
export async function openContributions(core: Core, day: LefDay, view: ContractView): Promise<void> {
  const present = new Set(day.attendance.filter((a) => a.status === 'present').map((a) => a.person));
  // A card per contact of a supplier with someone present, listing all of its expected
  // facilitators: a correction of the attendance later needs no other card (only those present count).
  const people = expectedOn(day.date, view);
  const now = core.clock.now();
  const closesAt = dayStart(addDays(day.date, OPEN_AFTER_DAYS + 1), view.settings.timeZone);
  const assignments = [...view.people.values()]
    .filter((c) => c.roles.includes('supplierContact') && c.supplier)
    .flatMap((contact) => {
      const own = people.filter((p) => supplierOf(view, p.id) === contact.supplier);
      return !own.some((p) => present.has(p.id))
        ? []
        : [
            {
              assignment: lefDayAssignment(
                core,
                day,
                'contribution',
                contact.id,
                contact.supplier ?? '',
                now,
                closesAt,
                {
                  set: contributionSet(own),
                  people: own.map((x) => x.id),
                },
              ),
              answered: false,
            },
          ];
    });
  await assign(core, assignments, []);
}
