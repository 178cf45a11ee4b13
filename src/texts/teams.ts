// The texts of what only Teams says (welcome, where "alerts hier" works, the alert channel set).
import type { Catalogue } from './index.ts';

export const TEAMS_TEXTS = {
  'teams.welcome': {
    nl: 'Hallo {name}. Na elke LEF-sessie vraag ik je hier om je evaluatie. Typ "help" voor wat ik nog meer kan.',
    en: 'Hello {name}. After each LEF session I will ask you for your evaluation here. Type "help" for what else I can do.',
  },
  /** When the bot is added to a team: what it does there (questionnaires come in personal chats). */
  'teams.teamWelcome': {
    nl: 'Hallo allemaal. Ik ben de prestatiemonitor: na elke LEF-sessie vraag ik de deelnemers in een persoonlijke chat om hun evaluatie. Een contractmanager kan hier "alerts hier" typen, met een vermelding van mij, om in dit kanaal de meldingen over rode KPI\'s te krijgen.',
    en: 'Hello everyone. I am the performance monitor: after each LEF session I ask the participants for their evaluation in a personal chat. A contract manager can type "alerts here" in this channel, mentioning me, to receive the alerts about red KPIs here.',
  },
  /** The unknown-person text with who Teams says wrote (their e-mail address or name). */
  'teams.unknownPerson': { nl: '{text} ({seen})', en: '{text} ({seen})' },
  'teams.alertsHereInChannel': {
    nl: 'Typ "alerts hier" in het Teams-kanaal waar de meldingen moeten komen, met een vermelding van de bot.',
    en: 'Type "alerts here" in the Teams channel where the alerts should go, mentioning the bot.',
  },
  'teams.alertChannelSet': {
    nl: "Dit kanaal ontvangt voortaan de meldingen over rode KPI's en onbereikbare deelnemers.",
    en: 'This channel will receive the alerts about red KPIs and unreachable participants from now on.',
  },
  // The start-up lines about Teams (the log of `prestatiemonitor start`).
  'teams.startup.checked': {
    nl: 'Teams: /api/messages, app {appId}, het token van elke activiteit wordt gecontroleerd; servicehosts: {hosts}.',
    en: "Teams: /api/messages, app {appId}, every activity's token is checked; service hosts: {hosts}.",
  },
  'teams.startup.refusing': {
    nl: 'Teams: geen MICROSOFT_APP_ID ingesteld, dus /api/messages antwoordt 401 op alles.',
    en: 'Teams: no MICROSOFT_APP_ID set, so /api/messages answers 401 to everything.',
  },
  'teams.startup.loopback': {
    nl: 'Teams: zonder MICROSOFT_APP_ID, alleen bereikbaar op deze computer ({host}), voor de Agents Playground.',
    en: 'Teams: without MICROSOFT_APP_ID, reachable from this computer only ({host}), for the Agents Playground.',
  },
  'teams.startup.exposed': {
    nl: 'Teams: GEEN MICROSOFT_APP_ID INGESTELD - /api/messages NEEMT ACTIVITEITEN ZONDER TOKEN AAN, en de server luistert op {host}, bereikbaar van buiten deze computer. Stel MICROSOFT_APP_ID in of zet HOST=127.0.0.1.',
    en: 'Teams: NO MICROSOFT_APP_ID SET - /api/messages ACCEPTS ACTIVITIES WITHOUT A TOKEN, and the server listens on {host}, reachable from outside this computer. Set MICROSOFT_APP_ID or HOST=127.0.0.1.',
  },
} as const satisfies Catalogue;
