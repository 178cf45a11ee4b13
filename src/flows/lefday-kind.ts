// The LEF day as a subject of the questionnaire engine: a facilitator's invitation (answered with an
// excuse), the LEF team's attendance card and a supplier contact's contributions. Every answer is
// kept as it came (store/lef-days.ts), then applied to the day's `attendance` by the follow-up,
// which recomputes KPI 4 of the suppliers concerned.
import type { QuestionnaireMessage } from '../channels/questionnaire-view.ts';
import { attendanceOf } from '../domain/lef-day.ts';
import type { LefDay } from '../domain/records.ts';
import { dayStart, formatInstant, localDate } from '../domain/time.ts';
import { UserError } from '../errors.ts';
import { type Answers, parseAnswers } from '../questionnaires/answers.ts';
import { contributionOf, excuseSet, inputOf } from '../questionnaires/lef-day.ts';
import { assignmentId, type LefDayAssignment } from '../store/assignments.ts';
import { formatDate } from '../texts/format.ts';
import { both, t } from '../texts/index.ts';
import type { ContractView, Core } from './core.ts';
import { recordChange } from './facts/audit.ts';
import { lefDays, openContributions } from './lef-days.ts';
import { refreshMessages } from './questionnaire/engine.ts';
import type { Answered, SubjectKind } from './questionnaire/kind.ts';
import { enqueueRecompute } from './scorecard.ts';

const setOf = (a: LefDayAssignment) => (a.role === 'invitee' ? excuseSet : a.set);

/** What the LEF team's card starts from: what is registered already (an excuse, an earlier card). */
function registered(a: LefDayAssignment, day: LefDay | undefined): Answers | undefined {
  if (!day || a.role === 'invitee') return undefined;
  const answers: Answers = {};
  (a.people ?? []).forEach((person, i) => {
    const entry = day.attendance.find((x) => x.person === person);
    if (a.role === 'attendance' && entry) answers[inputOf(i)] = entry.status;
    if (a.role === 'contribution' && entry?.contribution) answers[contributionOf(i)] = entry.contribution;
  });
  return Object.keys(answers).length > 0 ? answers : undefined;
}

export const lefDayKind: SubjectKind<LefDayAssignment> = {
  async message(core, a, options = {}) {
    const view = options.view ?? (await core.contractView());
    const set = setOf(a);
    if (!set) throw new UserError('unknown-assignment');
    const [stored, own] = await Promise.all([
      lefDays(core).get(a.day),
      lefDays(core).answers(a.day, a.role, a.person),
    ]);
    const last = own.at(-1);
    const state = options.state ?? a.status;
    const late = last && localDate(last.receivedAt, view.settings.timeZone) >= a.date ? 'yes' : 'no';
    const date = (lang: 'nl' | 'en') => formatDate(lang, a.date, 'UTC');
    const answers = options.answers ?? (last ? byInput(a, last.answers) : registered(a, stored?.day));
    const message: QuestionnaireMessage = {
      kind: 'questionnaire',
      assignmentId: assignmentId(a),
      set,
      facts: [
        { title: both('lefday.fact.date'), value: { nl: date('nl'), en: date('en') } },
        ...(a.people
          ? [
              {
                title: both('lefday.fact.expected'),
                value: { nl: String(a.people.length), en: String(a.people.length) },
              },
            ]
          : []),
      ],
      status: both('lefday.status', { role: a.role, state, late }),
      state,
      ...(answers ? { answers } : {}),
      ...(options.reminder
        ? {
            reminder: {
              nl: t('nl', 'lefday.reminder', { date: date('nl') }),
              en: t('en', 'lefday.reminder', { date: date('en') }),
            },
          }
        : {}),
    };
    return message;
  },

  async admit(_core, a, view) {
    // Someone who is no longer a facilitator (or of another supplier now) answers no invitation.
    const person = view.people.get(a.person);
    if (a.role === 'invitee' && !person?.roles.includes('facilitator')) throw new UserError('not-allowed');
  },

  parse(a, raw) {
    const set = setOf(a);
    if (!set) throw new UserError('unknown-assignment');
    const parsed = parseAnswers(set, raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    return parsed.answers;
  },

  async keep(core, a, { answers, receivedAt }) {
    // Kept by person, not by the card's input ids: every answer about the day reads the same way.
    await lefDays(core).addAnswer(a.day, a.role, a.person, receivedAt, byPerson(a, answers));
  },

  async hasAnswer(core, a) {
    return (await lefDays(core).answers(a.day, a.role, a.person)).length > 0;
  },

  async afterChange(core, a, view, answered) {
    if (!answered) return;
    // The day from every answer given about it, whatever order their follow-ups run in.
    const all = await lefDays(core).allAnswers(a.day);
    const zone = view.settings.timeZone;
    const day = await lefDays(core).update(a.day, (d) => ({ ...d, attendance: attendanceOf(d, all, zone) }));
    if (!day) return;
    await recordAnswer(core, a, view, answered);
    if (a.role === 'attendance') await openContributions(core, day, view);
    // An excuse on the day reaches the LEF team's attendance card if it is not filled in yet.
    if (a.role === 'invitee') await refreshAttendanceCards(core, a.day, view);
    await recomputeFor(core, day, a, view);
  },

  errors: { closed: 'lefday-closed', notOpen: 'lefday-not-open' },

  describe(a) {
    return {
      nl: t('nl', 'lefday.describe', { date: formatDate('nl', a.date, 'UTC') }),
      en: t('en', 'lefday.describe', { date: formatDate('en', a.date, 'UTC') }),
    };
  },
};

/** Each answer about the day in the audit trail: an excuse with its reason, the attendance, contributions. */
async function recordAnswer(core: Core, a: LefDayAssignment, view: ContractView, answered: Answered) {
  const answers = byPerson(a, answered.answers);
  const name = (id: string) => view.people.get(id)?.name ?? id;
  const changes =
    a.role === 'invitee'
      ? [{ field: 'reason', to: String(answers.reason ?? '') }]
      : Object.entries(answers).map(([person, value]) => ({ field: name(person), to: String(value) }));
  const action = {
    invitee: 'lefday-excused',
    attendance: 'lefday-attendance',
    contribution: 'lefday-contribution',
  } as const;
  await recordChange(
    core,
    { at: answered.receivedAt, by: a.person, action: action[a.role], subject: a.date, changes },
    `lefday|${a.day}|${a.role}|${a.person}|${answered.receivedAt}`,
  );
}

/** A card's answers by person (p0 → the first listed facilitator), and back. */
function byPerson(a: LefDayAssignment, answers: Answers): Answers {
  if (a.role === 'invitee') return answers;
  const input = a.role === 'attendance' ? inputOf : contributionOf;
  const out: Answers = {};
  (a.people ?? []).forEach((person, i) => {
    const value = answers[input(i)];
    if (value !== undefined) out[person] = value;
  });
  return out;
}

function byInput(a: LefDayAssignment, answers: Answers): Answers {
  if (a.role === 'invitee') return answers;
  const input = a.role === 'attendance' ? inputOf : contributionOf;
  const out: Answers = {};
  (a.people ?? []).forEach((person, i) => {
    const value = answers[person];
    if (value !== undefined) out[input(i)] = value;
  });
  return out;
}

async function refreshAttendanceCards(core: Core, day: string, view: ContractView) {
  const cards = (await core.assignments.forLefDay(core.contract, day)).filter(
    (s) => s.assignment.role === 'attendance' && s.assignment.status === 'open',
  );
  for (const { assignment } of cards)
    await refreshMessages(core, assignment, await lefDayKind.message(core, assignment, { view }));
}

/** KPI 4 of every supplier whose facilitators the answer was about, recomputed. */
async function recomputeFor(core: Core, day: LefDay, a: LefDayAssignment, view: ContractView) {
  const people = a.role === 'invitee' ? [a.person] : (a.people ?? []);
  const suppliers = new Set(people.map((p) => view.people.get(p)?.supplier).filter((s): s is string => !!s));
  const instant = formatInstant(dayStart(day.date, view.settings.timeZone), view.settings.timeZone);
  for (const supplier of suppliers) await enqueueRecompute(core, supplier, instant, view);
}
