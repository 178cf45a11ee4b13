// The texts of what only Slack says (modals, DMs, unreachable people).
import type { Catalogue } from './index.ts';

export const SLACK_TEXTS = {
  'slack.scorecard-busy': { nl: 'Bezig met de scorecard…', en: 'Working on the scorecard…' },
  'slack.alerts-here-set': {
    nl: "Dit kanaal ontvangt voortaan de meldingen over rode KPI's en onbereikbare deelnemers. Nodig de bot uit in dit kanaal (/invite @Prestatiemonitor) als dat nog niet is gebeurd.",
    en: 'This channel now receives the alerts about red KPIs and unreachable participants. Invite the bot to this channel (/invite @Prestatiemonitor) if you have not done so yet.',
  },
  'slack.alerts-here-dm': {
    nl: 'Meldingen kunnen alleen naar een kanaal, niet naar een privébericht. Typ /prestatiemonitor alerts-hier in het kanaal dat de meldingen moet ontvangen.',
    en: 'Alerts can only go to a channel, not to a direct message. Type /prestatiemonitor alerts-hier in the channel that should receive them.',
  },
  /** Why Slack did not reach a person, after their name ("Iris van Dijk is …"). */
  'slack.unreachable': {
    nl: 'niet te vinden in deze Slack-werkruimte',
    en: 'not in this Slack workspace',
  },
} as const satisfies Catalogue;
