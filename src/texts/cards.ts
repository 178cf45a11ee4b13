// The texts of Adaptive Cards and Block Kit: the questionnaires, the session form, notices.
import type { Catalogue } from './index.ts';

export const CARD_TEXTS = {
  'card.roleTitle': {
    nl: 'Evaluatie LEF-sessie — {role, select, relationshipManager {relatiemanager} internalClient {intern opdrachtgever} other {facilitator}}',
    en: 'LEF session evaluation — {role, select, relationshipManager {relationship manager} internalClient {internal client} other {facilitator}}',
  },
  'card.modalTitle': { nl: 'Evaluatie LEF-sessie', en: 'LEF session evaluation' },
  'card.session': { nl: 'Sessie', en: 'Session' },
  'card.supplier': { nl: 'Opdrachtnemer', en: 'Supplier' },
  'card.when': { nl: 'Wanneer', en: 'When' },
  'card.facilitators': {
    nl: '{count, plural, one {Facilitator} other {Facilitatoren}}',
    en: '{count, plural, one {Facilitator} other {Facilitators}}',
  },
  'card.submit': { nl: 'Versturen', en: 'Submit' },
  'card.edit': { nl: 'Wijzigen', en: 'Change' },
  'card.cancel': { nl: 'Annuleren', en: 'Cancel' },
  'card.answer': { nl: 'Invullen', en: 'Answer' },
  'card.editing': {
    nl: 'Je wijzigt je eerdere antwoorden. Tot je opnieuw verstuurt, blijven je eerdere antwoorden gelden.',
    en: 'You are changing your earlier answers. Until you submit again, your earlier answers still count.',
  },
  'card.required.choice': { nl: 'Kies een antwoord (verplicht).', en: 'Choose an answer (required).' },
  'card.required.yesno': { nl: 'Kies ja of nee (verplicht).', en: 'Choose yes or no (required).' },
  'card.required.text': { nl: '{label} (verplicht).', en: '{label} (required).' },
  'card.required.number': {
    nl: 'Vul een heel getal van {min} tot en met {max} in (verplicht).',
    en: 'Enter a whole number from {min} to {max} (required).',
  },
  'card.explain': { nl: 'Licht je antwoord toe (verplicht).', en: 'Explain your answer (required).' },
  'card.lengthHint': { nl: 'Hoogstens {max} tekens', en: 'At most {max} characters' },
  'card.reminder': {
    nl: '{n, selectordinal, other {#e}} herinnering: je hebt deze evaluatie nog niet ingevuld.',
    en: 'Reminder {n}: you have not answered this evaluation yet.',
  },
  'card.openUntil': { nl: 'Open tot {when}.', en: 'Open until {when}.' },
  'card.answeredUntil': {
    nl: 'Bedankt, je antwoorden zijn opgeslagen. Je kunt ze wijzigen tot {when}.',
    en: 'Thank you, your answers are saved. You can change them until {when}.',
  },
  'card.closed': { nl: 'De evaluatie is gesloten.', en: 'The evaluation is closed.' },
  'card.notAnswered': { nl: '(niet ingevuld)', en: '(not answered)' },
  'card.help': { nl: 'Dit kan ik voor je doen:', en: 'This is what I can do for you:' },
  'card.sessionFormTitle': { nl: 'Nieuwe LEF-sessie registreren', en: 'Register a new LEF session' },
  'card.sessionFormInSlack': {
    nl: 'Een sessie registreren kan (nog) niet in Slack: gebruik Teams of het planningssysteem.',
    en: 'Registering a session is not possible in Slack (yet): use Teams or the planning system.',
  },
  'card.tasksNone': { nl: 'Je hebt geen open vragenlijsten.', en: 'You have no open questionnaires.' },
  'card.tasksSummary': { nl: 'Open vragenlijsten: {titles}', en: 'Open questionnaires: {titles}' },
} as const satisfies Catalogue;
