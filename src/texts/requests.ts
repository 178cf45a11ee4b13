// The texts of client requests in chat (KPI 1): registering one, telling the supplier, the
// registration card and passing a request handed back to another supplier ("herselectie").
import type { Catalogue } from './index.ts';

export const REQUEST_TEXTS = {
  'request.usage': {
    nl: 'Registreer een klantaanvraag met de opdrachtnemer, de datum, het aantal gevraagde facilitatoren (2 of 3) en waarvoor het is, bijvoorbeeld: aanvraag {example}',
    en: 'Register a client request with the supplier, the date, the number of facilitators asked (2 or 3) and what it is for, for example: request {example}',
  },
  'request.noSupplier': {
    nl: 'Welke opdrachtnemer bedoel je met "{typed}"? Kies uit: {names}.',
    en: 'Which supplier do you mean by "{typed}"? Choose from: {names}.',
  },
  'request.badDate': {
    nl: '"{typed}" is geen datum. Gebruik bijvoorbeeld 15-12-2026 of 2026-12-15.',
    en: '"{typed}" is not a date. Use for example 15-12-2026 or 2026-12-15.',
  },
  'request.tooOld': {
    nl: 'Die datum ligt vóór de start van het contract of meer dan {days} dagen terug; vraag de contractmanager zo’n aanvraag te importeren.',
    en: 'That date is before the contract started or more than {days} days ago; ask the contract manager to import such a request.',
  },
  'request.future': {
    nl: 'De datum van een klantaanvraag is de dag waarop ze binnenkwam: vandaag of eerder, niet later.',
    en: 'The date of a client request is the day it came in: today or earlier, not later.',
  },
  'request.noPurpose': {
    nl: 'Zeg ook waarvoor de aanvraag is, na het aantal facilitatoren.',
    en: 'Say what the request is for, after the number of facilitators.',
  },
  'request.badCount': {
    nl: '"{typed}" facilitatoren kan niet: een klantaanvraag vraagt er 2 of 3.',
    en: '"{typed}" facilitators is not possible: a client request asks for 2 or 3.',
  },
  'request.purposeTooLong': {
    nl: 'De omschrijving is te lang: hoogstens 2000 tekens.',
    en: 'The description is too long: at most 2,000 characters.',
  },
  'request.registered': {
    nl: 'Klantaanvraag {id} geregistreerd{again, select, yes { als herselectie van {first}} other {}}: {supplier}, {date}, {count} facilitatoren gevraagd. De contactpersonen van {supplier} zijn ingelicht; registreer het voorstel op de kaart die je krijgt zodra het er is.',
    en: 'Client request {id} registered{again, select, yes { as a reselection of {first}} other {}}: {supplier}, {date}, {count} facilitators asked. The contacts of {supplier} have been told; register the proposal on the card you get as soon as it is in.',
  },
  'request.toSupplier': {
    nl: 'Nieuwe klantaanvraag {id}{again, select, yes { (herselectie: een andere opdrachtnemer gaf haar terug)} other {}} van {name}: {count} facilitatoren op {date}. Waarvoor: {purpose}',
    en: 'New client request {id}{again, select, yes { (reselection: another supplier handed it back)} other {}} from {name}: {count} facilitators on {date}. What for: {purpose}',
  },
  'request.reselectUsage': {
    nl: 'Geef een teruggegeven aanvraag door met het nummer en de nieuwe opdrachtnemer, bijvoorbeeld: herselectie aanvraag-1a2b3c4d Procesbegeleiding',
    en: 'Pass on a request handed back with its number and the new supplier, for example: reselect aanvraag-1a2b3c4d Procesbegeleiding',
  },
  'request.returnedWithProposal': {
    nl: 'Een teruggegeven aanvraag heeft geen voorgestelde facilitatoren: vul 0 in, of kies "Nee".',
    en: 'A request handed back has no facilitators proposed: enter 0, or choose "No".',
  },
  'request.unknown': { nl: 'Klantaanvraag "{id}" ken ik niet.', en: 'I do not know client request "{id}".' },
  'request.notHandedBack': {
    nl: 'Klantaanvraag {id} is niet teruggegeven; alleen een teruggegeven aanvraag gaat naar een andere opdrachtnemer.',
    en: 'Client request {id} was not handed back; only a request handed back goes to another supplier.',
  },
  'request.sameSupplier': {
    nl: '{supplier} gaf deze aanvraag zelf terug; kies een andere opdrachtnemer.',
    en: '{supplier} handed this request back itself; choose another supplier.',
  },
  'request.fact.request': { nl: 'Klantaanvraag', en: 'Client request' },
  'request.fact.supplier': { nl: 'Opdrachtnemer', en: 'Supplier' },
  'request.fact.date': { nl: 'Datum', en: 'Date' },
  'request.fact.requested': { nl: 'Gevraagd', en: 'Asked' },
  'request.fact.purpose': { nl: 'Waarvoor', en: 'What for' },
  'request.fact.reselectionOf': { nl: 'Herselectie van', en: 'Reselection of' },
  'request.requested': {
    nl: '{count} facilitatoren',
    en: '{count} facilitators',
  },
  'request.status': {
    nl: '{state, select, open {Registreer het voorstel zodra het er is.} answered {Geregistreerd{returned, select, yes {: teruggegeven. Geef de aanvraag door met: herselectie {id} <opdrachtnemer>} other {}}. Wijzigen kan nog.} other {Gesloten.}}',
    en: '{state, select, open {Register the proposal as soon as it is in.} answered {Registered{returned, select, yes {: handed back. Pass the request on with: reselect {id} <supplier>} other {}}. You can still change it.} other {Closed.}}',
  },
  'request.reminder': {
    nl: 'Herinnering: het voorstel op klantaanvraag {id} is nog niet geregistreerd.',
    en: 'Reminder: the proposal on client request {id} is not registered yet.',
  },
  'request.describe': {
    nl: 'klantaanvraag {id} aan {supplier}',
    en: 'client request {id} to {supplier}',
  },
} as const satisfies Catalogue;
