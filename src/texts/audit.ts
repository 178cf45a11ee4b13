// The texts of the audit trail (`wijzigingen`): a heading and a line per change.
import type { Catalogue } from './index.ts';

export const AUDIT_TEXTS = {
  'audit.heading': {
    nl: '{count, plural, =0 {Geen wijzigingen in de laatste {days} dagen.} one {De laatste wijziging (laatste {days} dagen):} other {De laatste # wijzigingen (laatste {days} dagen), nieuwste eerst:}}',
    en: '{count, plural, =0 {No changes in the last {days} days.} one {The latest change (last {days} days):} other {The latest # changes (last {days} days), newest first:}}',
  },
  'audit.line': {
    nl: '• {at} · {by} · {action} {subject}{changes}',
    en: '• {at} · {by} · {action} {subject}{changes}',
  },
  /** The action in camelCase (`personAdded`): a selector has no dashes. */
  'audit.action': {
    nl: '{action, select, personAdded {persoon toegevoegd:} personChanged {persoon gewijzigd:} requestRegistered {klantaanvraag geregistreerd:} requestProposal {voorstel geregistreerd op} requestReselected {herselectie geregistreerd:} socialreturnSubmitted {social return ingediend door} socialreturnConfirmed {social return bevestigd van} socialreturnRejected {correctie gevraagd op social return van} reportDelivered {voortgangsrapportage opgeleverd door} reportAccepted {voortgangsrapportage geaccepteerd van} reportRejected {voortgangsrapportage afgewezen van} lefdayPlanned {LEF-dag gepland:} meetingPlanned {overleg gepland:} figuresSubmitted {cijfers ingediend door} lefdayExcused {afgemeld voor de LEF-dag van} lefdayAttendance {aanwezigheid geregistreerd van de LEF-dag van} lefdayContribution {bijdragen ingevuld van de LEF-dag van} other {gewijzigd:}}',
    en: '{action, select, personAdded {person added:} personChanged {person changed:} requestRegistered {client request registered:} requestProposal {proposal registered on} requestReselected {reselection registered:} socialreturnSubmitted {social return submitted by} socialreturnConfirmed {social return confirmed of} socialreturnRejected {correction asked on the social return of} reportDelivered {progress report delivered by} reportAccepted {progress report accepted of} reportRejected {progress report rejected of} lefdayPlanned {LEF day planned:} meetingPlanned {meeting planned:} figuresSubmitted {figures submitted by} lefdayExcused {excused for the LEF day of} lefdayAttendance {attendance registered for the LEF day of} lefdayContribution {contributions filled in for the LEF day of} other {changed:}}',
  },
  'audit.yesNo': { nl: '{value, select, yes {ja} other {nee}}', en: '{value, select, yes {yes} other {no}}' },
  'audit.attendance': {
    nl: '{value, select, present {aanwezig} absent {afwezig} other {afgemeld}}',
    en: '{value, select, present {present} absent {absent} other {excused}}',
  },
  'audit.field': {
    nl: '{field, select, name {naam} email {e-mail} roles {rollen} supplier {opdrachtnemer} onboardedOn {onboarddatum} date {datum} requestedFacilitators {gevraagd} purpose {waarvoor} reselectionOf {herselectie van} suitableProposed {passend voorgesteld} returned {teruggegeven} motivation {motivatie} planDate {datum plan} link {link} period {periode} figures {cijfers} revenue {omzet} sroiValue {social return-waarde} reason {reden} explain {toelichting} time {tijd} invited {uitgenodigd} other {{field}}}',
    en: '{field, select, name {name} email {e-mail} roles {roles} supplier {supplier} onboardedOn {onboarding date} date {date} requestedFacilitators {asked} purpose {what for} reselectionOf {reselection of} suitableProposed {fitting proposed} returned {handed back} motivation {motivation} planDate {plan date} link {link} period {period} figures {figures} revenue {revenue} sroiValue {social return value} reason {reason} explain {explanation} time {time} invited {invited} other {{field}}}',
  },
} as const satisfies Catalogue;
