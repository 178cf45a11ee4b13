// The texts of a regular meeting's preparation in chat: planning it, the preparation message with
// the figures, the changes, the open findings and the reflection questions, and the agenda.
import type { Catalogue } from './index.ts';

export const MEETING_TEXTS = {
  'meeting.value': { nl: '{value}', en: '{value}' },
  'meeting.title': {
    nl: 'Voorbereiding {meeting} met {supplier}',
    en: 'Preparing the {meeting} with {supplier}',
  },
  'meeting.intro': {
    nl: 'Lees de cijfers en de reflectievragen, en zet je agendapunten hieronder, één per regel. Tot {until} kun je ze aanvullen; dan gaat de agenda naar alle deelnemers.',
    en: 'Read the figures and the reflection questions, and add your agenda points below, one per line. You can add to them until {until}; then the agenda goes to everyone taking part.',
  },
  'meeting.points': { nl: 'Jouw agendapunten', en: 'Your agenda points' },
  'meeting.pointsHelp': {
    nl: 'Eén per regel. Wat je later indient, vervangt je eerdere punten.',
    en: 'One per line. What you submit later replaces your earlier points.',
  },
  'meeting.fact.meeting': { nl: 'Overleg', en: 'Meeting' },
  'meeting.fact.supplier': { nl: 'Opdrachtnemer', en: 'Supplier' },
  'meeting.fact.date': { nl: 'Datum', en: 'Date' },
  'meeting.fact.until': { nl: 'Agendapunten tot', en: 'Agenda points until' },
  'meeting.when': {
    nl: '{date}{time, select, none {} other { om {time}}}',
    en: '{date}{time, select, none {} other { at {time}}}',
  },
  'meeting.figures': { nl: 'De cijfers: {period}', en: 'The figures: {period}' },
  'meeting.figure': {
    nl: '{kpi} {name}: {status}{value, select, none {} other { · {value}}}{norm, select, none {} other { ({norm})}}{note, select, none {} other { — {note}}}',
    en: '{kpi} {name}: {status}{value, select, none {} other { · {value}}}{norm, select, none {} other { ({norm})}}{note, select, none {} other { — {note}}}',
  },
  'meeting.norm': { nl: 'norm {norm}', en: 'norm {norm}' },
  'meeting.changes': {
    nl: '{since, select, none {Veranderd sinds het vorige overleg} other {Veranderd sinds het vorige overleg ({since})}}',
    en: '{since, select, none {Changed since the last meeting} other {Changed since the last meeting ({since})}}',
  },
  'meeting.change': { nl: '{kpi} {name}: {from} → {to}', en: '{kpi} {name}: {from} → {to}' },
  'meeting.noChanges': { nl: 'Geen KPI is van status veranderd.', en: 'No KPI changed its status.' },
  'meeting.first': {
    nl: 'Dit is het eerste overleg: er is geen eerder overleg om mee te vergelijken.',
    en: 'This is the first meeting: there is no earlier one to compare with.',
  },
  'meeting.open': { nl: 'Open bevindingen en herstelplannen', en: 'Open findings and recovery plans' },
  'meeting.finding': {
    nl: '{kpi} {name} ({period}): rood sinds {since}',
    en: '{kpi} {name} ({period}): red since {since}',
  },
  'meeting.plan': {
    nl: 'Herstelplan {period}: {status, select, asked {gevraagd, nog niet ingediend} submitted {ingediend, wacht op beoordeling} changes {aanpassing gevraagd} accepted {geaccepteerd} other {–}}',
    en: 'Recovery plan {period}: {status, select, asked {asked, not submitted yet} submitted {submitted, awaiting review} changes {changes asked} accepted {accepted} other {–}}',
  },
  'meeting.noFindings': { nl: 'Geen open bevindingen.', en: 'No open findings.' },
  'meeting.reflection': { nl: 'Reflectievragen', en: 'Reflection questions' },
  'meeting.agendaSoFar': { nl: 'Agendapunten tot nu toe', en: 'Agenda points so far' },
  'meeting.point': { nl: '{point} ({name})', en: '{point} ({name})' },
  'meeting.noPoints': { nl: 'Nog geen.', en: 'None yet.' },
  'meeting.status': {
    nl: '{state, select, open {Voeg je agendapunten toe tot {until}.} answered {Je agendapunten staan op de lijst; aanvullen kan tot {until}.} other {De agenda is gesloten en rondgestuurd.}}',
    en: '{state, select, open {Add your agenda points until {until}.} answered {Your agenda points are on the list; you can add to them until {until}.} other {The agenda is closed and sent round.}}',
  },
  'meeting.agenda': {
    nl: 'Agenda {meeting} met {supplier}, {when}:\n{points}',
    en: 'Agenda of the {meeting} with {supplier}, {when}:\n{points}',
  },
  'meeting.agendaEmpty': {
    nl: 'Er zijn geen agendapunten ingediend; de cijfers en de reflectievragen staan in de voorbereiding.',
    en: 'No agenda points were submitted; the figures and the reflection questions are in the preparation.',
  },
  'meeting.describe': {
    nl: 'de agendapunten voor het overleg met {supplier} op {date}',
    en: 'the agenda points for the meeting with {supplier} on {date}',
  },
  'meeting.usage': {
    nl: 'Plan een overleg met de opdrachtnemer, de datum en eventueel de tijd, bijvoorbeeld: overleg {supplier} {example} 14:00',
    en: 'Plan a meeting with the supplier, the date and if you like the time, for example: meeting {supplier} {example} 14:00',
  },
  'meeting.badDate': {
    nl: '"{typed}" is geen datum. Gebruik bijvoorbeeld {example} of 10-3-2027.',
    en: '"{typed}" is not a date. Use for example {example} or 10-3-2027.',
  },
  'meeting.badTime': {
    nl: '"{typed}" is geen tijd. Gebruik bijvoorbeeld 14:00.',
    en: '"{typed}" is not a time. Use for example 14:00.',
  },
  'meeting.past': {
    nl: 'Een overleg wordt vooruit gepland: kies een datum na vandaag.',
    en: 'A meeting is planned ahead: choose a date after today.',
  },
  'meeting.oneSupplier': {
    nl: 'Noem één opdrachtnemer; "{typed}" past bij {names}.',
    en: 'Name one supplier; "{typed}" matches {names}.',
  },
  'meeting.exists': {
    nl: 'Er staat al een {meeting} met {supplier} op {date}.',
    en: 'There is a {meeting} with {supplier} on {date} already.',
  },
  'meeting.planned': {
    nl: '{meeting} met {supplier} gepland op {when}.{holiday, select, yes { Let op: dat is geen werkdag.} other {}} De voorbereiding gaat {prepared, select, now {nu} other {op {prepared}}} naar de deelnemers ({count, plural, one {één persoon} other {# mensen}}); de agenda op {agenda}.',
    en: '{meeting} with {supplier} planned on {when}.{holiday, select, yes { Note: that is not a working day.} other {}} The preparation goes to the participants ({count, plural, one {one person} other {# people}}) {prepared, select, now {now} other {on {prepared}}}; the agenda on {agenda}.',
  },
} as const satisfies Catalogue;
