// The periodic satisfaction survey (KPI 5): its questionnaire's frame (the questions themselves are
// the framework's data), the results card, and the `enquete` / `survey` command.
import type { Catalogue } from './index.ts';

export const SURVEY_TEXTS = {
  'survey.level': {
    nl: '{level, select, a {slecht} b {voldoende} c {goed} d {zeer goed} other {—}}',
    en: '{level, select, a {poor} b {sufficient} c {good} d {very good} other {—}}',
  },
  'survey.side': {
    nl: '{side, select, client {Opdrachtgever} other {Opdrachtnemer}}',
    en: '{side, select, client {Client} other {Supplier}}',
  },
  'survey.card.supplier': { nl: 'Opdrachtnemer', en: 'Supplier' },
  'survey.card.period': { nl: 'Over', en: 'About' },
  'survey.card.open': { nl: 'Open', en: 'Open' },
  'survey.card.range': { nl: '{from} tot en met {to}', en: '{from} to {to}' },
  'survey.card.reminder': {
    nl: 'Herinnering: je hebt de enquête nog niet ingevuld. Hij sluit na {date}.',
    en: 'Reminder: you have not answered the survey yet. It closes after {date}.',
  },
  'survey.card.status.open': {
    nl: 'Je kunt antwoorden tot en met {date}.',
    en: 'You can answer until {date} inclusive.',
  },
  'survey.card.status.answered': {
    nl: 'Bedankt, je antwoorden zijn opgeslagen. Je kunt ze wijzigen tot en met {date}.',
    en: 'Thank you, your answers are saved. You can change them until {date} inclusive.',
  },
  'survey.card.status.closed': {
    nl: 'Deze enquête is gesloten; antwoorden worden niet meer aangenomen.',
    en: 'This survey has closed; answers are no longer accepted.',
  },
  'survey.card.choose': {
    nl: 'Kies een van de antwoorden (verplicht).',
    en: 'Choose one of the answers (required).',
  },
  'survey.card.notAnswered': { nl: 'Niet beantwoord', en: 'Not answered' },
  'survey.card.submit': { nl: 'Versturen', en: 'Submit' },
  'survey.card.edit': { nl: 'Wijzigen', en: 'Change' },
  'survey.card.remarkHint': { nl: 'Hoogstens {max} tekens', en: 'At most {max} characters' },
  'survey.summary': {
    nl: 'Tevredenheidsenquête over {period} ({supplier})',
    en: 'Satisfaction survey about {period} ({supplier})',
  },
  'survey.results.title': {
    nl: 'Resultaten tevredenheidsenquête — {supplier}, {period}',
    en: 'Satisfaction survey results — {supplier}, {period}',
  },
  'survey.results.question': { nl: 'Vraag', en: 'Question' },
  'survey.results.answered': {
    nl: 'Geantwoord: {client} van {clientAsked} aan de kant van de opdrachtgever, {supplier} van {supplierAsked} aan de kant van de opdrachtnemer.',
    en: "Answered: {client} of {clientAsked} on the client's side, {supplier} of {supplierAsked} on the supplier's side.",
  },
  'survey.results.gap': {
    nl: 'Let op: de twee kanten verschillen twee niveaus of meer.',
    en: 'Note: the two sides differ by two levels or more.',
  },
  'survey.results.meets': {
    nl: 'KPI 5 voldoet aan de norm: elke vraag scoort aan de kant van de opdrachtgever minstens "{norm}".',
    en: 'KPI 5 meets the norm: every question scores at least "{norm}" on the client\'s side.',
  },
  'survey.results.short': {
    nl: 'KPI 5 voldoet niet aan de norm: niet elke vraag scoort aan de kant van de opdrachtgever minstens "{norm}".',
    en: 'KPI 5 does not meet the norm: not every question scores at least "{norm}" on the client\'s side.',
  },
  'survey.results.how': {
    nl: 'Per vraag telt de mediaan van de antwoorden (bij een even aantal de lagere van de twee middelste); alleen de kant van de opdrachtgever bepaalt de KPI.',
    en: "Per question the median of the answers counts (with an even number, the lower of the two middle ones); only the client's side decides the KPI.",
  },
  'survey.results.early': {
    nl: 'Alle respondenten van de opdrachtgever hebben geantwoord. De enquête staat open tot en met {date}.',
    en: "Every respondent on the client's side has answered. The survey stays open until {date} inclusive.",
  },
  'survey.results.closed': { nl: 'De enquête is gesloten op {date}.', en: 'The survey closed on {date}.' },
  'survey.results.individual': {
    nl: 'Antwoorden per respondent (alleen voor de contractmanager)',
    en: 'Answers per respondent (for the contract manager only)',
  },
  'survey.results.person': { nl: '{name} ({side})', en: '{name} ({side})' },
  'survey.command.opened': {
    nl: 'Extra enquêteronde voor {supplier} geopend: open van {from} tot en met {to}. Ik vraag {count, plural, one {# respondent} other {# respondenten}}.',
    en: 'Extra survey round for {supplier} opened: open from {from} to {to} inclusive. I am asking {count, plural, one {# respondent} other {# respondents}}.',
  },
  'survey.command.usage': {
    nl: 'Typ "enquete" met de opdrachtnemer, bijvoorbeeld "enquete {example}".',
    en: 'Type "survey" with the supplier, for example "survey {example}".',
  },
  'commands.help.survey': {
    nl: 'Een extra tevredenheidsenquête openen voor een opdrachtnemer (hoogstens één per kwartaal).',
    en: 'Open an extra satisfaction survey for a supplier (at most one per quarter).',
  },
} as const satisfies Catalogue;
