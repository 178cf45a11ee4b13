// The evaluation after each LEF session, per role (toetsplan section 2.2 and the KPI scorecard):
// KPI 2 "Is de LEF-aanpak toegepast?" for the relationship manager and facilitators, KPI 3 the
// impact for the internal client and facilitators, and the KPI 1 registration for the relationship
// manager while the session's client request has none.
import type { EvaluationRole } from '../domain/records.ts';
import type { Question, QuestionSet } from './types.ts';

const explain = { nl: 'Licht je antwoord toe', en: 'Explain your answer' };

const lefApplied: Question = {
  id: 'lefApplied',
  kind: 'yesno',
  label: { nl: 'Is de LEF-aanpak toegepast?', en: 'Was the LEF approach applied?' },
  explanation: { id: 'lefExplanation', label: explain },
};

const impact: Question = {
  id: 'impact',
  kind: 'yesno',
  label: {
    nl: 'Had deze LEF-sessie impact, door het behalen van de sessiedoelen of op andere wijze?',
    en: 'Did this LEF session have impact, by reaching its goals or otherwise?',
  },
  explanation: {
    id: 'impactExplanation',
    label: {
      nl: 'Licht je antwoord toe: wat was de impact?',
      en: 'Explain your answer: what was the impact?',
    },
  },
};

/** KPI 1: the relationship manager registers and motivates the proposal of the client request. */
export const REGISTRATION_QUESTIONS: Question[] = [
  {
    id: 'returned',
    kind: 'choice',
    label: {
      nl: 'Heeft de opdrachtnemer de klantaanvraag teruggegeven (kon niet leveren)?',
      en: 'Did the supplier hand the client request back (could not deliver)?',
    },
    options: [
      { value: 'no', label: { nl: 'Nee', en: 'No' } },
      { value: 'yes', label: { nl: 'Ja, teruggegeven', en: 'Yes, handed back' } },
    ],
  },
  {
    id: 'suitableProposed',
    kind: 'integer',
    label: {
      nl: 'Hoeveel passende facilitatoren stelde de opdrachtnemer voor (match op sessiedoelen en profielen)?',
      en: 'How many fitting facilitators did the supplier propose (matching session goals and profiles)?',
    },
    min: 0,
    max: 10,
  },
  {
    id: 'motivation',
    kind: 'text',
    label: { nl: 'Motiveer je registratie', en: 'Explain your registration' },
  },
];

const intro = {
  nl: 'Je antwoorden tellen mee in de prestatiemonitor van de leverancier. Je kunt ze wijzigen zolang de evaluatie open is.',
  en: "Your answers count towards the supplier's performance monitoring. You can change them while the evaluation is open.",
};

export function evaluationSet(role: EvaluationRole, options: { registration: boolean }): QuestionSet {
  switch (role) {
    case 'relationshipManager':
      return {
        id: options.registration ? 'evaluation-rm-registration' : 'evaluation-rm',
        title: { nl: 'Evaluatie relatiemanager', en: 'Relationship manager evaluation' },
        intro,
        questions: [lefApplied, ...(options.registration ? REGISTRATION_QUESTIONS : [])],
      };
    case 'facilitator':
      return {
        id: 'evaluation-facilitator',
        title: { nl: 'Evaluatie facilitator', en: 'Facilitator evaluation' },
        intro,
        questions: [lefApplied, impact],
      };
    case 'internalClient':
      return {
        id: 'evaluation-internal-client',
        title: { nl: 'Evaluatie intern opdrachtgever', en: 'Internal client evaluation' },
        intro,
        questions: [impact],
      };
  }
}
