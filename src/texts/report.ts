// The texts of the progress report (PDF and XLSX): headings, column names, and the words in cells.
import type { Catalogue } from './index.ts';

export const REPORT_TEXTS = {
  'report.title': { nl: 'Voortgangsrapportage {supplier}', en: 'Progress report {supplier}' },
  'report.subtitle': {
    nl: '{period} · stand per {asOf} · contract {contract}',
    en: '{period} · as of {asOf} · contract {contract}',
  },
  'report.scorecard': { nl: 'Scorecard', en: 'Scorecard' },
  'report.trend': { nl: 'Verloop over de laatste perioden', en: 'Trend over the last periods' },
  'report.trendLegend': {
    nl: '✔ groen · ▲ groen, kwetsbaar · ✖ rood · … nog open · – geen gegevens',
    en: '✔ green · ▲ green, at risk · ✖ red · … pending · – no data',
  },
  'report.consequence': { nl: 'Gevolg: {text}', en: 'Consequence: {text}' },
  'report.requests': { nl: 'Klantaanvragen (KPI 1)', en: 'Client requests (KPI 1)' },
  'report.sessions': {
    nl: '{kpi, select, KPI2 {Toepassing LEF-aanpak per sessie, met toelichting (KPI 2)} other {Impact per sessie, met toelichting (KPI 3)}}',
    en: '{kpi, select, KPI2 {LEF approach per session, with explanations (KPI 2)} other {Impact per session, with explanations (KPI 3)}}',
  },
  'report.surveys': { nl: 'Tevredenheid, beide kanten (KPI 5)', en: 'Satisfaction, both sides (KPI 5)' },
  'report.lefDays': { nl: 'LEF-dagen (KPI 4)', en: 'LEF days (KPI 4)' },
  'report.reports': { nl: 'Voortgangsrapportages (KPI 6)', en: 'Progress reports (KPI 6)' },
  'report.socialReturn': { nl: 'Social return (KPI 7)', en: 'Social return (KPI 7)' },
  'report.explanations': { nl: 'Toelichting van de opdrachtnemer', en: "The supplier's explanation" },
  'report.measurements': { nl: 'Gemelde cijfers en beschrijvingen', en: 'Reported figures and descriptions' },
  'report.findings': { nl: 'Bevindingen en reacties', en: 'Findings and replies' },
  'report.attention': {
    nl: '{shown, plural, =0 {Niets dat aandacht vraagt} one {Eén regel vraagt aandacht} other {# regels vragen aandacht}}{rest, plural, =0 {.} one {; één regel zonder bijzonderheden (alle regels staan in de XLSX).} other {; # regels zonder bijzonderheden (alle regels staan in de XLSX).}}',
    en: '{shown, plural, =0 {Nothing needs attention} one {One row needs attention} other {# rows need attention}}{rest, plural, =0 {.} one {; one row without remarks (every row is in the XLSX).} other {; # rows without remarks (every row is in the XLSX).}}',
  },
  'report.uploading': {
    nl: '{count, plural, one {De voortgangsrapportage} other {# voortgangsrapportages}} over {period} ({suppliers}) {count, plural, one {komt} other {komen}} zo als bestand in je privégesprek met de bot, opgesteld uit de gegevens van dit moment.',
    en: '{count, plural, one {The progress report} other {# progress reports}} over {period} ({suppliers}) will arrive shortly as {count, plural, one {a file} other {files}} in your direct messages with the bot, drawn up from the data of this moment.',
  },
  'report.fileTitle': {
    nl: 'Voortgangsrapportage {supplier}, {period} ({format})',
    en: 'Progress report {supplier}, {period} ({format})',
  },
  'report.fileComment': { nl: 'Opgesteld op {at}.', en: 'Drawn up on {at}.' },
  'report.link': { nl: '{supplier} ({format})', en: '{supplier} ({format})' },
  'report.linksTitle': { nl: 'Voortgangsrapportage {period}', en: 'Progress report {period}' },
  'report.linksText': {
    nl: 'De links werken tot {until}, alleen voor jou; het rapport wordt bij het openen opgesteld uit de gegevens van dat moment.{more, plural, =0 {} one { Nog één opdrachtnemer: noem die in de opdracht.} other { Nog # opdrachtnemers: noem er een in de opdracht.}}',
    en: 'The links work until {until}, for you only; the report is drawn up from the data of the moment you open it.{more, plural, =0 {} one { One more supplier: name it in the command.} other { # more suppliers: name one in the command.}}',
  },
  'report.refused': {
    nl: '{reason, select, expired {Deze link is verlopen. Vraag in de chat een nieuwe aan met "rapport".} notAllowed {Deze link is niet (meer) voor jou: je rol geeft geen toegang tot deze opdrachtnemer.} other {Deze link klopt niet (hij is gewijzigd of onvolledig).}}',
    en: '{reason, select, expired {This link has expired. Ask for a new one in the chat with "report".} notAllowed {This link is not (or no longer) yours: your role gives no access to this supplier.} other {This link is not valid (it was changed or is incomplete).}}',
  },
  'report.none': { nl: 'Geen in deze periode.', en: 'None in this period.' },
  'report.page': { nl: 'Pagina {page} van {pages}', en: 'Page {page} of {pages}' },
  'report.col': {
    nl: '{col, select, kpi {KPI} name {Naam} status {Status} value {Waarde} norm {Norm} counted {Geteld} note {Toelichting} id {Nummer} date {Datum} asked {Gevraagd} proposed {Passend voorgesteld} returned {Teruggegeven} motivation {Motivatie} who {Wie} role {Rol} answer {Antwoord} explanation {Toelichting} session {Sessie} side {Kant} answers {Antwoorden} person {Facilitator} reason {Reden} contribution {Bijdrage} covers {Periode} due {Uiterlijk} delivered {Geleverd} accepted {Geaccepteerd} upTo {Tot en met} revenue {Omzet} sroi {Social return-waarde} share {Aandeel} found {Gevonden} resolved {Groen sinds} reply {Reactie} activity {Activiteit} source {Bron} other {{col}}}',
    en: '{col, select, kpi {KPI} name {Name} status {Status} value {Value} norm {Norm} counted {Counted} note {Notes} id {Number} date {Date} asked {Asked} proposed {Fitting proposed} returned {Handed back} motivation {Motivation} who {Who} role {Role} answer {Answer} explanation {Explanation} session {Session} side {Side} answers {Answers} person {Facilitator} reason {Reason} contribution {Contribution} covers {Period} due {Due} delivered {Delivered} accepted {Accepted} upTo {Up to} revenue {Revenue} sroi {Social return value} share {Share} found {Found} resolved {Green since} reply {Reply} activity {Activity} source {Source} other {{col}}}',
  },
  'report.word': {
    nl: '{word, select, yes {ja} no {nee} client {opdrachtgever} supplier {opdrachtnemer} present {aanwezig} absent {afwezig} excused {afgemeld} relationshipManager {relatiemanager} internalClient {intern opdrachtgever} facilitator {facilitator} notJudged {nog niet beoordeeld} plan {Plan van aanpak ingediend op {date}} noPlan {Nog geen plan van aanpak ingediend.} other {{word}}}',
    en: '{word, select, yes {yes} no {no} client {client} supplier {supplier} present {present} absent {absent} excused {excused} relationshipManager {relationship manager} internalClient {internal client} facilitator {facilitator} notJudged {not judged yet} plan {Plan of approach submitted on {date}} noPlan {No plan of approach submitted yet.} other {{word}}}',
  },
} as const satisfies Catalogue;
