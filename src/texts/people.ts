// The texts of people in chat: the forms to add or change a person or a facilitator, and what is
// wrong with what was filled in.
import type { Catalogue } from './index.ts';

export const PEOPLE_TEXTS = {
  'person.formSent': {
    nl: 'Het formulier om {change, select, yes {{name} te wijzigen} other {{mode, select, facilitator {een facilitator} other {iemand}} toe te voegen}} staat in je berichten; het is een week geldig.',
    en: 'The form to {change, select, yes {change {name}} other {add {mode, select, facilitator {a facilitator} other {someone}}}} is in your messages; it is valid for a week.',
  },
  'person.noMatch': {
    nl: 'Ik vind niemand die "{typed}" heet bij wie je mag wijzigen.',
    en: 'I find nobody called "{typed}" among the people you may change.',
  },
  'person.several': {
    nl: '"{typed}" past bij meerdere mensen: {names}. Typ de volledige naam.',
    en: '"{typed}" matches several people: {names}. Type the full name.',
  },
  'person.fact.person': { nl: 'Persoon', en: 'Person' },
  'person.fact.supplier': { nl: 'Opdrachtnemer', en: 'Supplier' },
  'person.new': { nl: 'nieuw', en: 'new' },
  'person.status': {
    nl: '{state, select, open {Vul het formulier in en verstuur het.} answered {Opgeslagen; wijzigen kan nog.} other {Gesloten.}}',
    en: '{state, select, open {Fill in the form and send it.} answered {Saved; you can still change it.} other {Closed.}}',
  },
  'person.emailTaken': {
    nl: 'Dit e-mailadres hoort al bij {name}.',
    en: 'This e-mail address belongs to {name} already.',
  },
  'person.mixedSides': {
    nl: 'Kies rollen van één kant: van de opdrachtgever, of van een opdrachtnemer (facilitator, contactpersoon).',
    en: "Choose roles of one side: the client's, or a supplier's (facilitator, supplier's contact).",
  },
  'person.supplierRequired': {
    nl: 'Kies de opdrachtnemer: een facilitator of contactpersoon werkt voor een opdrachtnemer.',
    en: "Choose the supplier: a facilitator or supplier's contact works for a supplier.",
  },
  'person.noSupplierForClient': {
    nl: 'Iemand van de opdrachtgever hoort bij geen opdrachtnemer: kies "Geen".',
    en: 'Someone of the client belongs to no supplier: choose "None".',
  },
  'person.describe': {
    nl: '{name, select, other {het formulier voor {name}} none {{mode, select, facilitator {het formulier voor een nieuwe facilitator} other {het formulier voor een nieuwe persoon}}}}',
    en: '{name, select, other {the form for {name}} none {{mode, select, facilitator {the form for a new facilitator} other {the form for a new person}}}}',
  },
  'person.unknownSupplier': {
    nl: 'Opdrachtnemer "{typed}" ken ik niet; typ de naam of het id, of laat het leeg.',
    en: 'I do not know supplier "{typed}"; type its name or id, or leave it empty.',
  },
  'person.emailInUse': {
    nl: 'Dit e-mailadres is al in gebruik.',
    en: 'This e-mail address is in use already.',
  },
  'person.onboardingRequired': {
    nl: 'Vul de onboarddatum in: vanaf dan wordt een facilitator op LEF-dagen verwacht.',
    en: 'Fill in the onboarding date: from then on a facilitator is expected at LEF days.',
  },
  'person.fieldInvalid': {
    nl: 'Dit past niet: een naam is hoogstens 200 tekens.',
    en: 'This does not fit: a name is at most 200 characters.',
  },
  'person.stillNamed': {
    nl: 'Zo kan het niet: {name} staat in die rol nog in {places}. Laat de rol staan, of pas die eerst aan.',
    en: 'Not like this: {name} is still named in that role in {places}. Keep the role, or change those first.',
  },
  'person.place': {
    nl: '{kind, select, sessions {sessie {id}} clientRequests {klantaanvraag {id}} evaluations {de evaluatie van sessie {id}} lefDays {LEF-dag {id}} surveyRounds {enquêteronde {id}} contract {de enquêteplanning} other {{id}}}',
    en: '{kind, select, sessions {session {id}} clientRequests {client request {id}} evaluations {the evaluation of session {id}} lefDays {LEF day {id}} surveyRounds {survey round {id}} contract {the survey schedule} other {{id}}}',
  },
} as const satisfies Catalogue;
