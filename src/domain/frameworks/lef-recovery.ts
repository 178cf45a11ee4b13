// The recovery plan of the LEF test plan (section 3: one or more red KPIs ask the supplier for a
// plan within three weeks) as data: what the supplier's contact is asked, and the contract
// manager's review of it (accept, or ask for changes with a reason).
import type { QuestionSet } from '../../questionnaires/schema.ts';

export const lefRecoveryPlan: { plan: QuestionSet; review: QuestionSet } = {
  plan: {
    id: 'lef-recovery-plan',
    title: { nl: 'Herstelplan', en: 'Recovery plan' },
    intro: {
      nl: 'Eén of meer KPI’s staan op rood. Beschrijf de oorzaken, wat je eraan doet en wanneer de norm weer gehaald wordt. Tot het plan is geaccepteerd kun je het wijzigen.',
      en: 'One or more KPIs are red. Describe the causes, what you will do about them and when the norm will be met again. You can change the plan until it is accepted.',
    },
    questions: [
      { id: 'causes', kind: 'text', label: { nl: 'Oorzaken', en: 'Causes' } },
      { id: 'actions', kind: 'text', label: { nl: 'Maatregelen', en: 'Actions' } },
      {
        id: 'normMetOn',
        kind: 'date',
        label: { nl: 'Norm weer gehaald op', en: 'Date the norm is met again' },
        help: {
          nl: 'De datum waarop de KPI’s weer aan de norm voldoen.',
          en: 'The date on which the KPIs meet their norm again.',
        },
      },
      {
        id: 'link',
        kind: 'link',
        label: { nl: 'Link naar het plan', en: 'Link to the plan' },
        help: {
          nl: 'Bijvoorbeeld een document in SharePoint.',
          en: 'For instance a document in SharePoint.',
        },
      },
    ],
  },
  review: {
    id: 'lef-recovery-review',
    title: { nl: 'Herstelplan beoordelen', en: 'Review the recovery plan' },
    intro: {
      nl: 'Accepteer het plan, of vraag om wijzigingen en zeg waarom: de leverancier krijgt je reden te zien.',
      en: 'Accept the plan, or ask for changes and say why: the supplier sees your reason.',
    },
    questions: [
      {
        id: 'decision',
        kind: 'choice',
        label: { nl: 'Besluit', en: 'Decision' },
        options: [
          { value: 'accept', label: { nl: 'Accepteren', en: 'Accept' } },
          { value: 'changes', label: { nl: 'Wijzigingen vragen', en: 'Ask for changes' } },
        ],
      },
      {
        id: 'reason',
        kind: 'text',
        label: { nl: 'Reden', en: 'Reason' },
        help: { nl: 'Verplicht bij wijzigingen vragen.', en: 'Required when asking for changes.' },
        requiredIf: { question: 'decision', value: 'changes' },
      },
    ],
  },
};
