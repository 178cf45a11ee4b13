// The LEF day as a subject of the questionnaire engine: a facilitator's invitation (answered with an
// excuse), the LEF team's attendance card and a supplier contact's contributions. Every answer is
// kept as it came (store/lef-days.ts), then applied to the day's `attendance` by the follow-up,
// which recomputes KPI 4 of the suppliers concerned.
import type { QuestionnaireMessage } from '../channels/questionnaire-view.ts';
import type { LefDay } from '../domain/records.ts';
import { dayStart, formatInstant, localDate } from '../domain/time.ts';
import { UserError } from '../errors.ts';
import { type Answers, parseAnswers } from '../questionnaires/answers.ts';
import { contributionOf, excuseSet, inputOf } from '../questionnaires/lef-day.ts';
import { assignmentId, type LefDayAssignment } from '../store/assignments.ts';
import { formatDate } from '../texts/format.ts';
import { both, t } from '../texts/index.ts';
import type { ContractView, Core } from './core.ts';
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
    const answers = options.answers ?? last?.answers ?? registered(a, stored?.day);
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

  parse(a, raw) {
    const set = setOf(a);
    if (!set) throw new UserError('unknown-assignment');
    const parsed = parseAnswers(set, raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    return parsed.answers;
  },

  async keep(core, a, { answers, receivedAt }) {
    await lefDays(core).addAnswer(a.day, a.role, a.person, receivedAt, answers);
  },

  async hasAnswer(core, a) {
    return (await lefDays(core).answers(a.day, a.role, a.person)).length > 0;
  },

  async afterChange(core, a, view, answered) {
    if (!answered) return;
    const at = formatInstant(answered.receivedAt, view.settings.timeZone);
    const day = await lefDays(core).update(a.day, (d) => applied(d, a, answered, at));
    if (!day) return;
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

/** The day with this answer applied: an excuse, the attendance, or contributions. */
function applied(day: LefDay, a: LefDayAssignment, { answers }: Answered, at: string): LefDay {
  const entries = new Map(day.attendance.map((x) => [x.person, x]));
  if (a.role === 'invitee') {
    const before = entries.get(a.person);
    entries.set(a.person, {
      person: a.person,
      status: 'excused',
      reason: String(answers.reason),
      registeredAt: before?.status === 'excused' && before.registeredAt ? before.registeredAt : at,
    });
  } else if (a.role === 'attendance') {
    (a.people ?? []).forEach((person, i) => {
      const status = answers[inputOf(i)];
      const before = entries.get(person);
      if (status === 'present' || status === 'absent')
        entries.set(person, {
          person,
          status,
          ...(status === 'present' && before?.contribution ? { contribution: before.contribution } : {}),
        });
      else if (status === 'excused' && before?.status !== 'excused')
        // Marked excused by the LEF team without an excuse of the facilitator's own: registered now.
        entries.set(person, { person, status: 'excused', reason: '—', registeredAt: at });
    });
  } else {
    (a.people ?? []).forEach((person, i) => {
      const before = entries.get(person);
      const text = answers[contributionOf(i)];
      if (before?.status !== 'present') return;
      const { contribution: _old, ...rest } = before;
      entries.set(person, typeof text === 'string' && text !== '' ? { ...rest, contribution: text } : rest);
    });
  }
  return { ...day, attendance: [...entries.values()] };
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
