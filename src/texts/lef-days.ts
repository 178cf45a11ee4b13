// The texts of LEF days in chat (KPI 4): planning one, the invitation and its excuse, the attendance
// card and the contributions.
import type { Catalogue } from './index.ts';

export const LEF_DAY_TEXTS = {
  'lefday.usage': {
    nl: 'Plan een LEF-dag met de datum, bijvoorbeeld: lefdag {example}',
    en: 'Plan a LEF day with its date, for example: lefday {example}',
  },
  'lefday.badDate': {
    nl: '"{typed}" is geen datum. Gebruik bijvoorbeeld {example} of 10-3-2027.',
    en: '"{typed}" is not a date. Use for example {example} or 10-3-2027.',
  },
  'lefday.past': {
    nl: 'Een LEF-dag wordt vooruit gepland: kies een datum na vandaag.',
    en: 'A LEF day is planned ahead: choose a date after today.',
  },
  'lefday.exists': {
    nl: 'Er staat al een LEF-dag op {date}.',
    en: 'There is a LEF day on {date} already.',
  },
  'lefday.planned': {
    nl: 'LEF-dag gepland op {date}. {count, plural, =0 {Er is nog geen facilitator om uit te nodigen.} one {Eén facilitator is uitgenodigd} other {# facilitatoren zijn uitgenodigd}}{count, plural, =0 {} other {; herinneringen een week en een dag ervoor. Op de dag zelf krijgt het LEF-team de aanwezigheidskaart.}}',
    en: 'LEF day planned on {date}. {count, plural, =0 {There is no facilitator to invite yet.} one {One facilitator is invited} other {# facilitators are invited}}{count, plural, =0 {} other {; reminders a week and a day before. On the day itself the LEF team gets the attendance card.}}',
  },
  'lefday.fact.date': { nl: 'LEF-dag', en: 'LEF day' },
  'lefday.fact.expected': { nl: 'Verwacht', en: 'Expected' },
  'lefday.reminder': {
    nl: 'Herinnering: de LEF-dag is op {date}.',
    en: 'Reminder: the LEF day is on {date}.',
  },
  'lefday.status': {
    nl: '{role, select, invitee {{state, select, open {Je wordt verwacht. Afmelden kan hier, met een reden.} answered {Afgemeld{late, select, yes { (op of na de dag: telt niet als vooraf afgestemd)} other {}}. Je kunt de reden nog wijzigen.} other {Gesloten.}}} attendance {{state, select, open {Registreer de aanwezigheid.} answered {Geregistreerd; wijzigen kan nog.} other {Gesloten.}}} other {{state, select, open {Vul de bijdragen in.} answered {Opgeslagen; wijzigen kan nog.} other {Gesloten.}}}}',
    en: '{role, select, invitee {{state, select, open {You are expected. You can excuse yourself here, with a reason.} answered {Excused{late, select, yes { (on or after the day: not agreed in advance)} other {}}. You can still change the reason.} other {Closed.}}} attendance {{state, select, open {Register the attendance.} answered {Registered; you can still change it.} other {Closed.}}} other {{state, select, open {Fill in the contributions.} answered {Saved; you can still change them.} other {Closed.}}}}',
  },
  'lefday.describe': { nl: 'de LEF-dag van {date}', en: 'the LEF day of {date}' },
} as const satisfies Catalogue;
