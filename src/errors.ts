// The error catalogue: a UserError is shown to the person in their language and changes nothing;
// anything else is internal (logged with a reference, the person gets a short apology).
import { randomUUID } from 'node:crypto';
import type { Lang } from './i18n.ts';

const MESSAGES = {
  'unknown-assignment': {
    nl: 'Deze vragenlijst bestaat niet (meer).',
    en: 'This questionnaire does not exist (any more).',
  },
  'not-yours': {
    nl: 'Deze vragenlijst is voor iemand anders; je kunt alleen je eigen vragenlijsten invullen.',
    en: 'This questionnaire is addressed to someone else; you can only answer your own.',
  },
  'window-closed': {
    nl: 'De evaluatie van deze sessie is gesloten; antwoorden worden niet meer aangenomen.',
    en: 'The evaluation of this session has closed; answers are no longer accepted.',
  },
  'window-not-open': {
    nl: 'De evaluatie van deze sessie is nog niet geopend.',
    en: 'The evaluation of this session has not opened yet.',
  },
  invalid: {
    nl: 'Niet alles is goed ingevuld; zie de opmerkingen bij de vragen.',
    en: 'Not everything is filled in correctly; see the notes at the questions.',
  },
  'unknown-person': {
    nl: 'Je bent (nog) niet bekend bij de prestatiemonitor. Vraag de contractmanager je toe te voegen.',
    en: 'You are not known to the performance monitor (yet). Ask the contract manager to add you.',
  },
  'not-allowed': {
    nl: 'Je rol geeft geen toegang tot deze informatie.',
    en: 'Your role does not give access to this information.',
  },
  'unknown-command': {
    nl: 'Dat commando ken ik niet. Typ "help" voor wat ik kan.',
    en: 'I don\'t know that command. Type "help" for what I can do.',
  },
  'bad-argument': {
    nl: 'Dat begrijp ik niet: {detail}',
    en: "I don't understand that: {detail}",
  },
  /** Understood, but it cannot be done (a request that was not handed back passed on); the detail says why. */
  'not-possible': { nl: '{detail}', en: '{detail}' },
  'no-contract': {
    nl: 'Er is nog geen contract ingericht.',
    en: 'No contract has been set up yet.',
  },
  'unknown-form': {
    nl: 'Dit formulier ken ik niet (meer). Typ "sessie" voor een nieuw formulier.',
    en: 'I do not know this form (any more). Type "session" for a new form.',
  },
  'not-your-form': {
    nl: 'Dit formulier is aan iemand anders gegeven; typ "sessie" voor je eigen formulier.',
    en: 'This form was given to someone else; type "session" for a form of your own.',
  },
  'not-your-session': {
    nl: 'Deze sessie heeft een andere relatiemanager; je kunt alleen je eigen sessies wijzigen.',
    en: 'This session has another relationship manager; you can only change your own sessions.',
  },
  'write-conflict': {
    nl: 'Dit werd tegelijk ook door iemand anders gewijzigd; probeer het opnieuw.',
    en: 'Someone else changed this at the same time; please try again.',
  },
  'unknown-period': {
    nl: '"{detail}" is geen periode. Gebruik bijvoorbeeld 2026-H1 (half jaar) of 2026-Q3 (kwartaal).',
    en: '"{detail}" is not a period. Use for example 2026-H1 (half-year) or 2026-Q3 (quarter).',
  },
  'period-outside-contract': {
    nl: 'Periode {detail} valt buiten het contract; kies een periode vanaf het begin van het contract tot nu.',
    en: "Period {detail} is outside the contract; choose a period from the contract's start up to now.",
  },
  'survey-closed': {
    nl: 'Deze enquête is gesloten; je antwoord is niet meer aangenomen. Er is niets gewijzigd.',
    en: 'This survey has closed; your answer was not accepted. Nothing was changed.',
  },
  'survey-not-open': {
    nl: 'Deze enquête is nog niet geopend.',
    en: 'This survey has not opened yet.',
  },
  'no-public-host': {
    nl: 'Rapporten openen buiten het lokale kanaal vraagt een publiek adres van de bot (BOT_HOST); vraag de beheerder dat in te stellen.',
    en: 'Opening reports outside the local channel needs the bot’s public address (BOT_HOST); ask the administrator to set it.',
  },
  'fact-closed': {
    nl: 'Deze vragenlijst is gesloten; je antwoord is niet aangenomen. Er is niets gewijzigd.',
    en: 'This questionnaire is closed; your answer was not accepted. Nothing was changed.',
  },
  'meeting-closed': {
    nl: 'De agenda van dit overleg is gesloten en rondgestuurd; je agendapunten zijn niet aangenomen. Breng ze in tijdens het overleg.',
    en: 'The agenda of this meeting is closed and sent round; your agenda points were not accepted. Raise them at the meeting.',
  },
  'fact-decided': {
    nl: 'Hierover is al beslist; je antwoord is niet aangenomen. Er is niets gewijzigd.',
    en: 'This has been decided already; your answer was not accepted. Nothing was changed.',
  },
  'fact-superseded': {
    nl: 'Er is intussen een nieuwere versie ingediend; beoordeel die. Er is niets gewijzigd.',
    en: 'A newer version has been submitted since; review that one. Nothing was changed.',
  },
  'lefday-closed': {
    nl: 'Deze LEF-dag is afgesloten; je antwoord is niet meer aangenomen. Er is niets gewijzigd.',
    en: 'This LEF day is closed; your answer was not accepted. Nothing was changed.',
  },
  'lefday-not-open': {
    nl: 'Dit kan pas op de dag van de LEF-dag zelf.',
    en: 'This can only be done on the day of the LEF day itself.',
  },
  'recovery-closed': {
    nl: 'Dit herstelplan is afgerond; je antwoord is niet meer aangenomen. Er is niets gewijzigd.',
    en: 'This recovery plan is settled; your answer was not accepted. Nothing was changed.',
  },
  'recovery-not-open': {
    nl: 'Dit herstelplan is nog niet gevraagd.',
    en: 'This recovery plan has not been asked for yet.',
  },
  'no-survey-schedule': {
    nl: 'Dit contract heeft nog geen enquêteschema (contract.survey in het records-bestand); zonder schema weet ik niet wie ik moet vragen.',
    en: 'This contract has no survey schedule yet (contract.survey in the records file); without one I do not know whom to ask.',
  },
  'survey-this-quarter': {
    nl: 'Er is dit kwartaal al een enquête voor {detail}. Het toetsplan staat hoogstens één ronde per kwartaal toe.',
    en: 'There is already a survey for {detail} this quarter. The test plan allows at most one round per quarter.',
  },
  /** A contract the person does not work in (whether or not it exists: nothing of another contract shows). */
  'unknown-contract': {
    nl: 'Contract "{detail}" ken ik niet voor jou. Typ "contract" voor de contracten waarin je werkt.',
    en: 'I do not know contract "{detail}" for you. Type "contract" for the contracts you work in.',
  },
  'unknown-supplier': {
    nl: 'Opdrachtnemer "{detail}" ken ik niet.',
    en: 'I do not know supplier "{detail}".',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type UserErrorCode = keyof typeof MESSAGES;

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    /** Per-field messages (question id → text in both languages), for forms. */
    readonly fields: Record<string, Record<Lang, string>> = {},
    readonly detail: Record<Lang, string> = { nl: '', en: '' },
  ) {
    super(code);
    this.name = 'UserError';
  }

  text(lang: Lang): string {
    return MESSAGES[this.code][lang].replace('{detail}', this.detail[lang]);
  }
}

/** For internal errors: a short reference the person can quote, and the same in the log. */
export function errorReference(): string {
  return randomUUID().slice(0, 8);
}

export function apology(lang: Lang, reference: string): string {
  return lang === 'nl'
    ? `Er ging iets mis aan onze kant (referentie ${reference}). Er is niets opgeslagen; probeer het zo opnieuw.`
    : `Something went wrong on our side (reference ${reference}). Nothing was saved; please try again shortly.`;
}

/** A reason the bot cannot start that the person starting it can fix (shown as it is, exit status 1). */
export class StartupError extends Error {}
