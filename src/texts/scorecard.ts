// The texts of the scorecard and the alerts, shared by the cards, Block Kit and the command line.
import type { Catalogue } from './index.ts';

export const SCORECARD_TEXTS = {
  'scorecard.title': { nl: 'Scorecard {supplier} — {period}', en: 'Scorecard {supplier} — {period}' },
  'scorecard.textTitle': {
    nl: 'Scorecard {supplier} ({id}) — {period}, stand per {asOf}',
    en: 'Scorecard {supplier} ({id}) — {period}, as of {asOf}',
  },
  'scorecard.asOf': { nl: 'Stand per {asOf}', en: 'As of {asOf}' },
  'scorecard.columns': {
    nl: 'KPI|Naam|Status|Waarde|Norm|Geteld|Toelichting',
    en: 'KPI|Name|Status|Value|Norm|Counted|Notes',
  },
  'scorecard.status': {
    nl: '{status, select, green {groen} red {rood} pending {nog open} info {ter informatie} other {geen gegevens}}',
    en: '{status, select, green {green} red {red} pending {pending} info {for information} other {no data}}',
  },
  'scorecard.atRisk': { nl: 'groen, kwetsbaar', en: 'green, at risk' },
  'scorecard.norm': { nl: '≥ {norm}', en: '≥ {norm}' },
  'scorecard.atMost': { nl: '≤ {max}', en: '≤ {max}' },
  'scorecard.between': { nl: '{min} – {max}', en: '{min} – {max}' },
  'scorecard.baseline': { nl: 'nulmeting {baseline}', en: 'baseline {baseline}' },
  'scorecard.settingBaseline': { nl: 'nulmeting loopt', en: 'baseline being set' },
  'scorecard.trend': {
    nl: '{direction, select, same {gelijk aan de nulmeting} better {{change} t.o.v. de nulmeting: de goede kant op} other {{change} t.o.v. de nulmeting: de verkeerde kant op}}',
    en: '{direction, select, same {level with the baseline} better {{change} against the baseline: the right way} other {{change} against the baseline: the wrong way}}',
  },
  'scorecard.periodsReported': {
    nl: '{count, plural, one {# periode gemeld} other {# perioden gemeld}}',
    en: '{count, plural, one {# period reported} other {# periods reported}}',
  },
  'scorecard.counted': {
    nl: '{passed} van {counted} {unit, select, requests {{counted, plural, one {klantaanvraag} other {klantaanvragen}}} sessions {{counted, plural, one {sessie} other {sessies}}} other {}}',
    en: '{passed} of {counted} {unit, select, requests {{counted, plural, one {client request} other {client requests}}} sessions {{counted, plural, one {session} other {sessions}}} other {}}',
  },
  'scorecard.symbol': {
    nl: '{status, select, green {✔} atRisk {▲} red {✖} pending {…} info {○} other {–}}',
    en: '{status, select, green {✔} atRisk {▲} red {✖} pending {…} info {○} other {–}}',
  },
  'summary.title': {
    nl: '{final, select, yes {Eindstand} other {Periode afgesloten}}: {period}',
    en: '{final, select, yes {Final standing} other {Period closed}}: {period}',
  },
  'summary.intro': {
    nl: '{final, select, yes {Alle cijfers van deze periode zijn definitief.} other {De periode is voorbij; nog niet alle cijfers zijn binnen (… nog open). Als ze definitief zijn volgt de eindstand.}}',
    en: '{final, select, yes {Every figure of this period is final.} other {The period is over; not every figure is in yet (… pending). The final standing follows once they are.}}',
  },
  'summary.red': {
    nl: '{count, plural, =0 {geen rode KPI’s} one {# rode KPI} other {# rode KPI’s}}',
    en: '{count, plural, =0 {no red KPIs} one {# red KPI} other {# red KPIs}}',
  },
  'scorecard.trendTitle': {
    nl: '{count, plural, one {Verloop in deze periode} other {Verloop over de laatste # perioden}}',
    en: '{count, plural, one {Trend in this period} other {Trend over the last # periods}}',
  },
  'scorecard.trendAlt': {
    nl: 'Verloop per KPI, van {first} tot {last}: {rows}',
    en: 'Trend per KPI, from {first} to {last}: {rows}',
  },
  'scorecard.legendInfo': {
    nl: '○ ter informatie: een trend of beschrijving, zonder oordeel',
    en: '○ for information: a trend or description, without a verdict',
  },
  'scorecard.legendNoVerdicts': {
    nl: '○ ter informatie: een trend of beschrijving, zonder oordeel · … nog open: de cijfers kunnen nog komen · – geen gegevens in deze periode',
    en: '○ for information: a trend or description, without a verdict · … pending: the figures may still come · – no data in this period',
  },
  'scorecard.legend': {
    nl: '✔ groen: voldoet aan de norm · ▲ kwetsbaar: groen, maar met nog één tegenvaller rood · ✖ rood: onder de norm · … nog open: wacht op antwoorden, een registratie of een vervaldatum · – geen gegevens in deze periode',
    en: '✔ green: meets the norm · ▲ at risk: green, but red after one more setback · ✖ red: below the norm · … pending: waiting for answers, a registration or a due date · – no data in this period',
  },
  'scorecard.pendingRequests': {
    nl: '{count, plural, one {# klantaanvraag wacht} other {# klantaanvragen wachten}} op registratie',
    en: '{count, plural, one {# client request} other {# client requests}} awaiting registration',
  },
  'scorecard.pendingSessions': {
    nl: '{count, plural, one {# sessie} other {# sessies}} nog in evaluatie',
    en: '{count, plural, one {# session} other {# sessions}} still in evaluation',
  },
  'scorecard.pendingGeneric': { nl: '{count} nog te beoordelen', en: '{count} still to be judged' },
  'scorecard.rounds': {
    nl: '{judged} van {count, plural, one {# ronde} other {# rondes}} beoordeeld',
    en: '{judged} of {count, plural, one {# round} other {# rounds}} judged',
  },
  'scorecard.question': {
    nl: '{question, select, collaboration {samenwerking} feedback {feedback} other {{question}}}',
    en: '{question, select, collaboration {collaboration} feedback {feedback} other {{question}}}',
  },
  'scorecard.questionLevel': { nl: '{question}: {level}', en: '{question}: {level}' },
  'scorecard.supplierSide': { nl: 'opdrachtnemer: {levels}', en: 'supplier: {levels}' },
  'scorecard.gap': {
    nl: 'verschil van twee niveaus of meer bij {question}',
    en: 'gap of two levels or more on {question}',
  },
  'scorecard.planDue': { nl: 'plan van aanpak uiterlijk {date}', en: 'plan due {date}' },
  'scorecard.planIn': { nl: 'plan ingediend op {date}', en: 'plan submitted on {date}' },
  'scorecard.consequence': { nl: 'Gevolg', en: 'Consequence' },
  'scorecard.recoveryPlan': { nl: 'herstelplan uiterlijk {date}', en: 'recovery plan due {date}' },
  'scorecard.planStatus': {
    nl: '{status, select, asked {nog niet ingediend} submitted {ingediend, wacht op beoordeling} changes {wijzigingen gevraagd} accepted {geaccepteerd} other {}}',
    en: '{status, select, asked {not submitted yet} submitted {submitted, awaiting review} changes {changes asked} accepted {accepted} other {}}',
  },
  'scorecard.alertTitle': {
    nl: "{critical, select, yes {Kritiek: {supplier} staat op drie of meer KPI's rood} other {KPI op rood: {supplier}}}",
    en: '{critical, select, yes {Critical: {supplier} is red on three or more KPIs} other {KPI turned red: {supplier}}}',
  },
  'scorecard.newlyRed': { nl: 'Nieuw op rood', en: 'Newly red' },
  'scorecard.allRed': { nl: "Alle rode KPI's", en: 'All red KPIs' },
  'scorecard.period': { nl: 'Periode', en: 'Period' },
  'scorecard.noSupplier': {
    nl: 'geen opdrachtnemer "{typed}" gevonden (je kunt kiezen uit: {names})',
    en: 'no supplier "{typed}" found (you can choose from: {names})',
  },
} as const satisfies Catalogue;
