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
    nl: '{mode, select, facilitator {het formulier voor een facilitator} other {het formulier voor een persoon}}',
    en: '{mode, select, facilitator {the form for a facilitator} other {the form for a person}}',
  },
} as const satisfies Catalogue;
