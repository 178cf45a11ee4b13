// The texts of the questionnaire engine itself (what it reports about a questionnaire it could not ask).
import type { Catalogue } from './index.ts';

export const QUESTIONNAIRE_TEXTS = {
  /**
   * A person no channel reached. `channel` is `slack` where Slack is the channel that failed (with
   * `slackReason` in Slack's words, `slack.unreachable`), else `other`; `what` names the questionnaire.
   */
  'questionnaire.unreachable': {
    nl: '{channel, select, slack {{name} is {slackReason} en via geen ander kanaal bereikbaar} other {{name} is via geen enkel kanaal bereikbaar}}; {what} kon niet worden gevraagd.',
    en: '{channel, select, slack {{name} is {slackReason} and cannot be reached on any other channel} other {{name} cannot be reached on any channel}}; {what} could not be asked.',
  },
  'questionnaire.optional': { nl: '(optioneel)', en: '(optional)' },
  'questionnaire.required': { nl: 'Vul dit in (verplicht).', en: 'Fill this in (required).' },
  'questionnaire.answer': { nl: 'Invullen', en: 'Answer' },
  'questionnaire.integer': {
    nl: 'Vul een heel getal van {min} tot en met {max} in.',
    en: 'Enter a whole number from {min} to {max}.',
  },
  'questionnaire.chooseSome': { nl: 'Kies er minstens één.', en: 'Choose at least one.' },
  'questionnaire.numberHint': {
    nl: 'Een getal, zoals 1500 of 2,5',
    en: 'A number without thousands separators, such as 1500 or 2.5',
  },
  'questionnaire.amountHint': {
    nl: 'Bedrag in euro’s, zoals 1250,50',
    en: 'Amount in euros, such as 1250.50',
  },
} as const satisfies Catalogue;
