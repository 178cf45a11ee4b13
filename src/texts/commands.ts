// The texts of the chat commands: help, taken, taal.
import type { Catalogue } from './index.ts';

export const COMMAND_TEXTS = {
  'commands.notInFramework': {
    nl: '"{command}" hoort niet bij dit contract ({name}). Typ "help" voor wat hier kan.',
    en: '"{command}" is not part of this contract ({name}). Type "help" for what you can do here.',
  },
  'commands.help.scorecard': {
    nl: 'De actuele scorecard per opdrachtnemer, bijvoorbeeld "{example}".',
    en: 'The current scorecard per supplier, for example "{example}".',
  },
  'commands.help.session': {
    nl: 'Een nieuwe LEF-sessie registreren.',
    en: 'Register a new LEF session.',
  },
  'commands.help.alerts': {
    nl: "In een kanaal: meldingen over rode KPI's voortaan hier plaatsen.",
    en: 'In a channel: post red-KPI alerts here from now on.',
  },
  'commands.help.report': {
    nl: 'De voortgangsrapportage als PDF of XLSX, via een link die een dag werkt.',
    en: 'The progress report as PDF or XLSX, through a link that works for a day.',
  },
  'commands.help.lefday': {
    nl: 'Een LEF-dag plannen: alle facilitatoren worden uitgenodigd.',
    en: 'Plan a LEF day: every facilitator is invited.',
  },
  'commands.help.meeting': {
    nl: 'Het overleg met een opdrachtnemer plannen: vijf werkdagen ervoor krijgen beide partijen de voorbereiding, de dag ervoor de agenda.',
    en: 'Plan the meeting with a supplier: five working days before it both parties get the preparation, the day before the agenda.',
  },
  'commands.help.request': {
    nl: 'Een klantaanvraag registreren; de opdrachtnemer wordt ingelicht.',
    en: 'Register a client request; the supplier is told.',
  },
  'commands.help.reselect': {
    nl: 'Een teruggegeven aanvraag doorgeven aan een andere opdrachtnemer (herselectie).',
    en: 'Pass a request handed back on to another supplier (reselection).',
  },
  'commands.help.person': {
    nl: 'Iemand toevoegen, of met een naam: diens gegevens en rollen wijzigen.',
    en: 'Add someone, or with a name: change their details and roles.',
  },
  'commands.help.facilitator': {
    nl: 'Een facilitator van je eigen organisatie toevoegen, of met een naam: wijzigen.',
    en: 'Add a facilitator of your own organisation, or with a name: change one.',
  },
  'commands.help.changes': {
    nl: 'Wie wat wijzigde en wanneer (het afgelopen jaar).',
    en: 'Who changed what and when (the past year).',
  },
  'commands.help.tasks': { nl: 'Je open vragenlijsten.', en: 'Your open questionnaires.' },
  'commands.help.language': { nl: 'Kies je taal.', en: 'Choose your language.' },
  'commands.help.help': { nl: 'Wat ik voor je kan doen.', en: 'What I can do for you.' },
  'commands.language.now': {
    nl: 'Ik schrijf je in het Nederlands. Typ "taal en" voor Engels.',
    en: 'I write to you in English. Type "language nl" for Dutch.',
  },
  'commands.language.set': {
    nl: 'Vanaf nu schrijf ik je in het Nederlands.',
    en: 'From now on I will write to you in English.',
  },
  'commands.language.bad': {
    nl: '"{word}" is geen taal die ik ken; kies nl of en.',
    en: '"{word}" is not a language I know; choose nl or en.',
  },
} as const satisfies Catalogue;
