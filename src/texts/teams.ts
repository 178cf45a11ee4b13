// The texts of what only Teams says (welcome, where "alerts hier" works, the alert channel set).
import type { Catalogue } from './index.ts';

export const TEAMS_TEXTS = {
  'teams.welcome': {
    nl: 'Hallo {name}. Na elke LEF-sessie vraag ik je hier om je evaluatie. Typ "help" voor wat ik nog meer kan.',
    en: 'Hello {name}. After each LEF session I will ask you for your evaluation here. Type "help" for what else I can do.',
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
} as const satisfies Catalogue;
