// The LEF day's questionnaires (KPI 4): a facilitator's excuse (a reason, required), the LEF team's
// attendance card with a choice per expected facilitator, and a supplier's contact's card with a
// contribution per facilitator of theirs who was there. The last two list the day's people, so
// they are made per day (and kept with their assignment).
import type { QuestionSet } from './types.ts';

export const ATTENDANCE = ['present', 'absent', 'excused'] as const;

export const excuseSet: QuestionSet = {
  id: 'lefday-excuse',
  title: { nl: 'Uitnodiging LEF-dag', en: 'Invitation to the LEF day' },
  intro: {
    nl: 'Je wordt verwacht op de LEF-dag. Kun je er niet bij zijn? Meld je hier af, met een reden. Een afmelding vóór de dag telt als vooraf afgestemd; op of na de dag niet meer.',
    en: 'You are expected at the LEF day. Cannot make it? Excuse yourself here, with a reason. An excuse before the day counts as agreed in advance; on or after the day it no longer does.',
  },
  questions: [
    { id: 'reason', kind: 'text', label: { nl: 'Reden van afmelding', en: 'Reason for the excuse' } },
  ],
};

/** A facilitator as the cards list them: id (the input's), name and their supplier's name. */
export interface DayPerson {
  id: string;
  name: string;
  supplierName: string;
}

/** Input ids are letters and digits: a person's position, not their id (ids may hold anything). */
export const inputOf = (index: number) => `p${index}`;
export const contributionOf = (index: number) => `c${index}`;

export function attendanceSet(people: DayPerson[]): QuestionSet {
  return {
    id: 'lefday-attendance',
    title: { nl: 'Aanwezigheid LEF-dag', en: 'Attendance at the LEF day' },
    intro: {
      nl: 'Registreer per facilitator of die er was. Wie zich vooraf afmeldde staat al op afgemeld.',
      en: 'Register for each facilitator whether they were there. Those who excused themselves in advance are marked excused already.',
    },
    questions: people.map((p, i) => ({
      id: inputOf(i),
      kind: 'choice' as const,
      label: { nl: `${p.name} (${p.supplierName})`, en: `${p.name} (${p.supplierName})` },
      options: [
        { value: 'present', label: { nl: 'Aanwezig', en: 'Present' } },
        { value: 'absent', label: { nl: 'Afwezig', en: 'Absent' } },
        { value: 'excused', label: { nl: 'Afgemeld', en: 'Excused' } },
      ],
    })),
  };
}

export function contributionSet(people: DayPerson[]): QuestionSet {
  return {
    id: 'lefday-contribution',
    title: { nl: 'Bijdrage aan de LEF-dag', en: 'Contribution to the LEF day' },
    intro: {
      nl: 'Beschrijf per facilitator de actieve bijdrage aan de LEF-dag (optioneel per persoon).',
      en: 'Describe for each facilitator their active contribution to the LEF day (optional per person).',
    },
    questions: people.map((p, i) => ({
      id: contributionOf(i),
      kind: 'text' as const,
      optional: true,
      label: { nl: p.name, en: p.name },
    })),
  };
}
