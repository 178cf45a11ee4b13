// The texts of the local web page. The server hands them to the page in the chosen language
// (GET /local/api/texts), so page.js spells no sentence itself.
import type { Catalogue } from './index.ts';

export const LOCAL_TEXTS = {
  'local.title': { nl: 'Prestatiemonitor — {contract}', en: 'Prestatiemonitor — {contract}' },
  'local.language': { nl: 'Taal', en: 'Language' },
  'local.contract': { nl: 'Contract', en: 'Contract' },
  'local.people': { nl: 'Wie ben je?', en: 'Who are you?' },
  'local.peopleLabel': { nl: 'Personen', en: 'People' },
  'local.alerts': { nl: 'Alertkanaal', en: 'Alert channel' },
  'local.showAlerts': { nl: 'Alerts', en: 'Alerts' },
  'local.send': { nl: 'Versturen', en: 'Send' },
  'local.placeholder': {
    nl: 'Typ een opdracht, bijvoorbeeld help of taken',
    en: 'Type a command, for instance help or tasks',
  },
  'local.commandLabel': { nl: 'Bericht aan de bot', en: 'Message to the bot' },
  'local.pickOption': { nl: 'Kies wie je bent', en: 'Pick who you are' },
  'local.pick': {
    nl: 'Kies wie je bent om het gesprek met de bot te zien.',
    en: 'Pick who you are to see your conversation with the bot.',
  },
  'local.empty': {
    nl: 'Nog geen berichten. Typ "help" om te zien wat de bot kan.',
    en: 'No messages yet. Type "help" to see what the bot can do.',
  },
  'local.saved': { nl: 'Opgeslagen.', en: 'Saved.' },
  'local.sending': { nl: 'Bezig…', en: 'Working…' },
  'local.failed': { nl: 'Niet gelukt: {error}', en: 'Did not work: {error}' },
  'local.noAlerts': { nl: 'Nog geen meldingen.', en: 'No alerts yet.' },
  'local.role.facilitator': { nl: 'facilitator', en: 'facilitator' },
  'local.role.relationshipManager': { nl: 'relatiemanager', en: 'relationship manager' },
  'local.role.internalClient': { nl: 'intern opdrachtgever', en: 'internal client' },
  'local.role.contractManager': { nl: 'contractmanager', en: 'contract manager' },
  'local.role.manager': { nl: 'manager', en: 'manager' },
  'local.role.lefTeam': { nl: 'LEF-team', en: 'LEF team' },
  'local.role.supplierContact': { nl: 'contactpersoon opdrachtnemer', en: 'supplier contact' },
} as const satisfies Catalogue;

/** The keys the page asks for, without their `local.` prefix. */
export const LOCAL_PAGE_KEYS = Object.keys(LOCAL_TEXTS).map((key) => key.slice('local.'.length));
