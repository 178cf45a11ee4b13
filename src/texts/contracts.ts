// The texts of several contracts in one bot: which contract a command is for, and choosing one.
import type { Catalogue } from './index.ts';

export const CONTRACT_TEXTS = {
  'contracts.ask': {
    nl: 'Je werkt in meer dan één contract: {list}. Zet het contract voor je opdracht, bijvoorbeeld "{example}", of kies er een voor je volgende opdrachten met "contract {id}".',
    en: 'You work in more than one contract: {list}. Put the contract before your command, for example "{example}", or choose one for your next commands with "contract {id}".',
  },
  'contracts.list': {
    nl: 'Je werkt in {count, plural, one {dit contract} other {deze contracten}}: {list}.',
    en: 'You work in {count, plural, one {this contract} other {these contracts}}: {list}.',
  },
  'contracts.chosenNote': {
    nl: 'Je opdrachten gaan naar {id}; kies een ander met "contract <naam>".',
    en: 'Your commands go to {id}; choose another with "contract <name>".',
  },
  'contracts.chosen': {
    nl: 'Je opdrachten gaan voortaan naar {id} ({name}). Voor een ander contract: zet het ervoor, of kies opnieuw met "contract".',
    en: 'From now on your commands go to {id} ({name}). For another contract: put it first, or choose again with "contract".',
  },
  'contracts.page': {
    nl: 'Je werkt hier in {id} ({name}). Een ander contract kies je bovenaan de pagina.',
    en: 'You are working in {id} ({name}) here. Choose another contract at the top of the page.',
  },
  'contracts.apiChoose': {
    nl: 'Deze bot werkt voor meer dan één contract: noem het contract met ?contract= ({known}).',
    en: 'This bot serves more than one contract: name the contract with ?contract= ({known}).',
  },
  'contracts.item': { nl: '{id} ({name})', en: '{id} ({name})' },
} as const satisfies Catalogue;
