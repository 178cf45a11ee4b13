// The texts of the recovery plan in chat: what the supplier's contact and the contract manager see,
// the notices that follow a decision, and the alert when a plan is overdue.
import type { Catalogue } from './index.ts';

export const RECOVERY_TEXTS = {
  'recovery.fact.supplier': { nl: 'Leverancier', en: 'Supplier' },
  'recovery.fact.period': { nl: 'Periode', en: 'Period' },
  'recovery.fact.kpis': { nl: 'Rode KPI’s', en: 'Red KPIs' },
  'recovery.fact.due': { nl: 'Uiterlijk', en: 'Due' },
  'recovery.fact.submitted': { nl: 'Ingediend', en: 'Submitted' },
  'recovery.fact.by': { nl: 'Door', en: 'By' },
  'recovery.fact.causes': { nl: 'Oorzaken', en: 'Causes' },
  'recovery.fact.actions': { nl: 'Maatregelen', en: 'Actions' },
  'recovery.fact.normMetOn': { nl: 'Norm weer gehaald op', en: 'Norm met again by' },
  'recovery.fact.link': { nl: 'Link', en: 'Link' },
  'recovery.reminder': {
    nl: 'Herinnering: het herstelplan moet uiterlijk {date} binnen zijn.',
    en: 'Reminder: the recovery plan is due by {date}.',
  },
  'recovery.status': {
    nl: '{state, select, open {Dien het plan uiterlijk {due} in.} answered {Ingediend; je kunt het wijzigen tot het is geaccepteerd.} other {Afgerond.}}',
    en: '{state, select, open {Submit the plan by {due}.} answered {Submitted; you can change it until it is accepted.} other {Settled.}}',
  },
  'recovery.reviewStatus': {
    nl: '{state, select, open {Beoordeel het plan: accepteer het of vraag om wijzigingen.} other {Beoordeeld.}}',
    en: '{state, select, open {Review the plan: accept it or ask for changes.} other {Reviewed.}}',
  },
  'recovery.note.waiting': {
    nl: 'Ingediend op {date}; de contractmanager beoordeelt het.',
    en: 'Submitted on {date}; the contract manager is reviewing it.',
  },
  'recovery.note.changes': {
    nl: '{name} vraagt om wijzigingen: {reason}',
    en: '{name} asks for changes: {reason}',
  },
  'recovery.note.accepted': {
    nl: 'Geaccepteerd door {name} op {date}.',
    en: 'Accepted by {name} on {date}.',
  },
  'recovery.accepted': {
    nl: 'Het herstelplan van {supplier} over het {period} is geaccepteerd door {name}.',
    en: 'The recovery plan of {supplier} for {period} was accepted by {name}.',
  },
  'recovery.changesAsked': {
    nl: '{name} vraagt om wijzigingen in het herstelplan van {supplier} over het {period}: {reason}',
    en: '{name} asks for changes to the recovery plan of {supplier} for {period}: {reason}',
  },
  'recovery.submitted': {
    nl: '{name} heeft het herstelplan van {supplier} over het {period} {again, select, yes {opnieuw ingediend, met de gevraagde wijzigingen} other {ingediend}}{late, select, yes { (te laat: het was uiterlijk {due})} other {}}.',
    en: '{name} {again, select, yes {submitted the recovery plan of {supplier} for {period} again, with the changes asked} other {submitted the recovery plan of {supplier} for {period}}}{late, select, yes { (late: it was due by {due})} other {}}.',
  },
  'recovery.overdue': {
    nl: 'Het herstelplan van {supplier} over het {period} is te laat: het moest uiterlijk {due} binnen zijn{state, select, changes { (er zijn wijzigingen gevraagd en nog niet ingediend)} other {}}. {kpis} {count, plural, one {staat} other {staan}} op rood.',
    en: 'The recovery plan of {supplier} for {period} is overdue: it was due by {due}{state, select, changes { (changes were asked and not yet submitted)} other {}}. {kpis} {count, plural, one {is} other {are}} red.',
  },
  'recovery.afterAccepted': {
    nl: 'Het herstelplan was al geaccepteerd; je wijziging van {date} is bewaard maar telt niet mee.',
    en: 'The recovery plan had already been accepted; your change of {date} is kept but does not count.',
  },
  'recovery.noContacts': {
    nl: 'Er is een herstelplan nodig van {supplier} over het {period}, maar er is geen contactpersoon van de leverancier om het aan te vragen. Voeg er een toe in het records-bestand.',
    en: 'A recovery plan is needed from {supplier} for {period}, but the supplier has no contact to ask. Add one in the records file.',
  },
  'recovery.datePast': {
    nl: 'Deze datum ligt vóór de dag waarop het plan gevraagd werd; kies een datum vanaf {date}.',
    en: 'This date is before the day the plan was asked for; choose a date from {date}.',
  },
  'recovery.reviewTaken': {
    nl: '{name} had deze beoordeling al gegeven ({decision, select, accept {geaccepteerd} other {wijzigingen gevraagd}}, {date}); die telt, de jouwe niet.',
    en: '{name} had already given this review ({decision, select, accept {accepted} other {changes asked}}, {date}); theirs counts, not yours.',
  },
  'recovery.describe': {
    nl: 'het herstelplan van {supplier} over het {period}',
    en: 'the recovery plan of {supplier} for {period}',
  },
} as const satisfies Catalogue;
