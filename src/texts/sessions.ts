// The session form of relationship managers (`sessie` / `session`): its labels, hints, and every
// problem a submit can have, named with the people's and suppliers' names, never their ids.
import type { Catalogue } from './index.ts';

export const SESSION_TEXTS = {
  'session.form.title': { nl: 'Nieuwe LEF-sessie registreren', en: 'Register a new LEF session' },
  'session.form.intro': {
    nl: 'Na afloop van de sessie vraag ik de facilitator(s), de intern opdrachtgever en jou om de evaluatie.',
    en: 'When the session ends, I will ask the facilitator(s), the internal client and you for the evaluation.',
  },
  'session.form.supplier': { nl: 'Opdrachtnemer', en: 'Supplier' },
  'session.form.request': {
    nl: 'Hoort deze sessie bij een klantaanvraag? Vul dan het nummer van die aanvraag in (optioneel)',
    en: 'Does this session belong to a client request? Then enter the number of that request (optional)',
  },
  'session.form.requestHint': {
    nl: 'Bijvoorbeeld req-fbv-01; leeg laten als er geen aanvraag is',
    en: 'For example req-fbv-01; leave empty if there is no request',
  },
  'session.form.date': { nl: 'Datum van de sessie', en: 'Date of the session' },
  'session.form.start': { nl: 'Begintijd', en: 'Start time' },
  'session.form.end': { nl: 'Eindtijd', en: 'End time' },
  'session.form.facilitators': { nl: 'Facilitator(s)', en: 'Facilitator(s)' },
  'session.form.internalClient': { nl: 'Intern opdrachtgever', en: 'Internal client' },
  'session.form.submit': { nl: 'Registreren', en: 'Register' },
  // Each input its own message, in the card (the client's check) and from the server alike.
  'session.required.supplier': {
    nl: 'Kies de opdrachtnemer (verplicht).',
    en: 'Choose the supplier (required).',
  },
  'session.required.date': {
    nl: 'Kies de datum van de sessie (verplicht).',
    en: 'Choose the date of the session (required).',
  },
  'session.required.startTime': {
    nl: 'Vul de begintijd in (verplicht).',
    en: 'Enter the start time (required).',
  },
  'session.required.endTime': { nl: 'Vul de eindtijd in (verplicht).', en: 'Enter the end time (required).' },
  'session.required.time': {
    nl: 'Vul de begin- en eindtijd in (verplicht).',
    en: 'Enter the start and end time (required).',
  },
  'session.required.facilitators': {
    nl: 'Kies minstens één facilitator (verplicht).',
    en: 'Choose at least one facilitator (required).',
  },
  'session.required.internalClient': {
    nl: 'Kies de intern opdrachtgever (verplicht).',
    en: 'Choose the internal client (required).',
  },
  'session.problem.summary': {
    nl: '{count, plural, one {Eén veld is} other {# velden zijn}} niet goed ingevuld; zie de opmerking{count, plural, one {} other {en}} bij het veld.',
    en: '{count, plural, one {One field is} other {# fields are}} not filled in correctly; see the note{count, plural, one {} other {s}} at the field.',
  },
  'session.problem.unknownSupplier': {
    nl: 'Deze opdrachtnemer ken ik niet; kies er een uit de lijst.',
    en: 'I do not know this supplier; choose one from the list.',
  },
  'session.problem.invalidDate': {
    nl: 'Dit is geen geldige datum.',
    en: 'This is not a valid date.',
  },
  'session.problem.invalidTime': {
    nl: 'Dit is geen geldige tijd.',
    en: 'This is not a valid time.',
  },
  'session.problem.endBeforeStart': {
    nl: 'De eindtijd ({end}) moet na de begintijd ({start}) liggen.',
    en: 'The end time ({end}) must be after the start time ({start}).',
  },
  'session.problem.unknownFacilitator': {
    nl: 'Eén van de gekozen facilitators ken ik niet; kies uit de lijst.',
    en: 'I do not know one of the chosen facilitators; choose from the list.',
  },
  'session.problem.notFacilitator': {
    nl: '"{person}" is geen facilitator.',
    en: '"{person}" is not a facilitator.',
  },
  'session.problem.facilitatorOfOtherSupplier': {
    nl: 'Facilitator "{person}" hoort niet bij opdrachtnemer "{supplier}".',
    en: 'Facilitator "{person}" does not belong to supplier "{supplier}".',
  },
  'session.problem.notInternalClient': {
    nl: '"{person}" is geen intern opdrachtgever; kies uit de lijst.',
    en: '"{person}" is not an internal client; choose from the list.',
  },
  'session.problem.unknownRequest': {
    nl: 'Klantaanvraag "{request}" ken ik niet. Controleer het nummer, of laat het veld leeg.',
    en: 'I do not know client request "{request}". Check the number, or leave the field empty.',
  },
  'session.problem.requestOfOtherSupplier': {
    nl: 'Klantaanvraag "{request}" van {date} hoort bij opdrachtnemer "{owner}", niet bij "{supplier}".',
    en: 'Client request "{request}" of {date} belongs to supplier "{owner}", not to "{supplier}".',
  },
  'session.registered': {
    nl: 'Sessie {id} {outcome, select, updated {is bijgewerkt} other {is geregistreerd}} ({supplier}, {date}, {start}–{end}). Na afloop vraag ik de betrokkenen om hun evaluatie.',
    en: 'Session {id} {outcome, select, updated {is updated} other {is registered}} ({supplier}, {date}, {start}–{end}). When it ends, I will ask those involved for their evaluation.',
  },
} as const satisfies Catalogue;
