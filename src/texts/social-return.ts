// The texts of social return in chat (KPI 7): the supplier's plan and figures, their confirmation.
import type { Catalogue } from './index.ts';

export const SOCIAL_RETURN_TEXTS = {
  'socialreturn.value': { nl: '{value}', en: '{value}' },
  'socialreturn.share': { nl: '{value} ({share} van de omzet)', en: '{value} ({share} of the revenue)' },
  'socialreturn.upTo': {
    nl: '{period}: cumulatief t/m {upTo}, uiterlijk {due}',
    en: '{period}: cumulative up to {upTo}, due {due}',
  },
  'socialreturn.fact.supplier': { nl: 'Opdrachtnemer', en: 'Supplier' },
  'socialreturn.fact.planDue': { nl: 'Uiterlijk', en: 'Due' },
  'socialreturn.fact.period': { nl: 'Periode', en: 'Period' },
  'socialreturn.fact.planDate': { nl: 'Datum plan', en: 'Plan date' },
  'socialreturn.fact.link': { nl: 'Plan', en: 'Plan' },
  'socialreturn.fact.revenue': { nl: 'Omzet', en: 'Revenue' },
  'socialreturn.fact.sroiValue': { nl: 'Social return-waarde', en: 'Social return value' },
  'socialreturn.submittedBy': { nl: 'Ingediend door {name} op {at}.', en: 'Submitted by {name} on {at}.' },
  'socialreturn.status': {
    nl: '{state, select, open {Nog niet ingediend.} submitted {Ingediend op {at}; wacht op bevestiging door de contractmanager. Wijzigen kan nog.} confirm {Bevestigd (ingediend op {at}).} changes {Correctie gevraagd: pas je antwoord aan en dien het opnieuw in.} other {Gesloten.}}',
    en: '{state, select, open {Not submitted yet.} submitted {Submitted on {at}; awaiting the contract manager’s confirmation. You can still change it.} confirm {Confirmed (submitted on {at}).} changes {Correction asked: change your answer and submit it again.} other {Closed.}}',
  },
  'socialreturn.reviewStatus': {
    nl: '{decided, select, confirm {{mine, select, yes {Je hebt het bevestigd.} other {Bevestigd door {name}.}}} changes {{mine, select, yes {Je hebt om een correctie gevraagd.} other {{name} vroeg om een correctie.}}} superseded {Vervangen door een nieuwere indiening.} other {Bevestig of vraag om een correctie.}}',
    en: '{decided, select, confirm {{mine, select, yes {You confirmed it.} other {Confirmed by {name}.}}} changes {{mine, select, yes {You asked for a correction.} other {{name} asked for a correction.}}} superseded {Replaced by a newer submission.} other {Confirm it or ask for a correction.}}',
  },
  'socialreturn.changesAsked': {
    nl: 'De contractmanager vraagt om een correctie: {reason}',
    en: 'The contract manager asks for a correction: {reason}',
  },
  'socialreturn.reminder': {
    nl: 'Herinnering: {what, select, plan {het plan van aanpak social return} other {de social return-cijfers}} {what, select, plan {is} other {zijn}} uiterlijk {due} nodig.',
    en: 'Reminder: {what, select, plan {the social return plan of approach is} other {the social return figures are}} due on {due}.',
  },
  'socialreturn.decided': {
    nl: '{decided, select, confirm {{name} heeft {what, select, plan {het plan van aanpak social return} other {de social return-cijfers over {period}}} bevestigd.} other {{name} vraagt om een correctie op {what, select, plan {het plan van aanpak social return} other {de social return-cijfers over {period}}}: {reason}}}',
    en: '{decided, select, confirm {{name} confirmed {what, select, plan {the social return plan of approach} other {the social return figures over {period}}}.} other {{name} asks for a correction of {what, select, plan {the social return plan of approach} other {the social return figures over {period}}}: {reason}}}',
  },
  'socialreturn.superseded': {
    nl: 'Je bevestiging telt niet: de opdrachtnemer had intussen een nieuwere versie ingediend. Die staat klaar om te beoordelen.',
    en: 'Your confirmation does not count: the supplier had submitted a newer version meanwhile. That one is ready for review.',
  },
  'socialreturn.describe': {
    nl: '{what, select, plan {het plan van aanpak social return van {supplier}} other {de social return-cijfers van {supplier} over {period}}}',
    en: '{what, select, plan {the social return plan of approach of {supplier}} other {the social return figures of {supplier} over {period}}}',
  },
} as const satisfies Catalogue;
