// The questionnaires of the facts collected in chat: a client request's registration (KPI 1), the
// social return plan and figures with their confirmation (KPI 7), the progress report's delivery and
// judgement (KPI 6), and a person's details. The person sets list the contract's suppliers and
// roles, and the report's delivery the framework's KPIs, so they are made when asked (and kept with
// their assignment).
import { ROLES, type Role } from '../domain/records.ts';
import { REGISTRATION_QUESTIONS } from './evaluation.ts';
import type { Question, QuestionSet, Text } from './types.ts';

export const requestRegistrationSet: QuestionSet = {
  id: 'request-registration',
  title: { nl: 'Klantaanvraag: voorstel registreren', en: 'Client request: register the proposal' },
  intro: {
    nl: 'Registreer wat de opdrachtnemer voorstelde zodra het er is, of dat de aanvraag is teruggegeven. Het telt mee voor KPI 1; wijzigen kan tot de aanvraag sluit.',
    en: 'Register what the supplier proposed as soon as it is in, or that the request was handed back. It counts for KPI 1; you can change it until the request closes.',
  },
  questions: REGISTRATION_QUESTIONS,
};

const remark: Question = {
  id: 'remark',
  kind: 'text',
  optional: true,
  label: { nl: 'Toelichting', en: 'Remark' },
};

export const socialReturnPlanSet: QuestionSet = {
  id: 'socialreturn-plan',
  title: { nl: 'Social return: plan van aanpak', en: 'Social return: plan of approach' },
  intro: {
    nl: 'Lever het (concept)plan van aanpak voor social return in (Groeituin): de datum van het plan en een link ernaar. De contractmanager bevestigt het; tot dan kun je het wijzigen.',
    en: 'Submit the (draft) plan of approach for social return (Groeituin): the date of the plan and a link to it. The contract manager confirms it; until then you can change it.',
  },
  questions: [
    { id: 'planDate', kind: 'date', label: { nl: 'Datum van het plan', en: 'Date of the plan' } },
    {
      id: 'link',
      kind: 'link',
      required: true,
      label: { nl: 'Link naar het plan', en: 'Link to the plan' },
      help: { nl: 'Bijvoorbeeld een document in SharePoint.', en: 'For instance a document in SharePoint.' },
    },
    remark,
  ],
};

export const socialReturnFiguresSet: QuestionSet = {
  id: 'socialreturn-figures',
  title: { nl: 'Social return: cijfers', en: 'Social return: figures' },
  intro: {
    nl: 'Geef de cijfers cumulatief vanaf de start van het contract, tot en met de genoemde datum: de omzet onder dit contract en de social return-waarde volgens de Groeituin-toets. De norm is minstens 2% van de omzet.',
    en: 'Give the figures cumulatively from the start of the contract up to the date named: the revenue under this contract and the social return value per the Groeituin test. The norm is at least 2% of the revenue.',
  },
  questions: [
    {
      id: 'revenue',
      kind: 'amount',
      label: { nl: 'Omzet onder het contract', en: 'Revenue under the contract' },
    },
    {
      id: 'sroiValue',
      kind: 'amount',
      label: { nl: 'Social return-waarde (Groeituin)', en: 'Social return value (Groeituin)' },
    },
    remark,
  ],
};

export const socialReturnReviewSet: QuestionSet = {
  id: 'socialreturn-review',
  title: { nl: 'Social return bevestigen', en: 'Confirm the social return' },
  intro: {
    nl: 'Bevestig wat de opdrachtnemer indiende, of vraag om een correctie en zeg waarom: de opdrachtnemer krijgt je reden te zien. Pas na bevestiging telt het voor KPI 7.',
    en: 'Confirm what the supplier submitted, or ask for a correction and say why: the supplier sees your reason. Only once confirmed does it count for KPI 7.',
  },
  questions: [
    {
      id: 'decision',
      kind: 'choice',
      label: { nl: 'Besluit', en: 'Decision' },
      options: [
        { value: 'confirm', label: { nl: 'Bevestigen', en: 'Confirm' } },
        { value: 'changes', label: { nl: 'Correctie vragen', en: 'Ask for a correction' } },
      ],
    },
    {
      id: 'reason',
      kind: 'text',
      requiredIf: { question: 'decision', value: 'changes' },
      label: { nl: 'Reden', en: 'Reason' },
      help: {
        nl: 'Verplicht als je om een correctie vraagt.',
        en: 'Required when you ask for a correction.',
      },
    },
  ],
};

/** A KPI's explanation question in the report's delivery: `explain` and the KPI's id without its dashes. */
export const explanationId = (kpi: string) => `explain${kpi.replace(/[^A-Za-z0-9]/g, '')}`;

/**
 * The progress report's delivery (KPI 6): the supplier's explanation per KPI of the framework, each
 * optional; submitting it is the delivery.
 */
export function reportDeliverySet(kpis: readonly { id: string; name: Text }[]): QuestionSet {
  return {
    id: 'report-delivery',
    title: {
      nl: 'Voortgangsrapportage: toelichten en opleveren',
      en: 'Progress report: explain and deliver',
    },
    intro: {
      nl: 'Open het concept van de rapportage (de cijfers komen uit de prestatiemonitor) en licht per KPI toe wat je wilt verklaren. Met indienen lever je de rapportage op: die datum telt voor KPI 6. De contractmanager accepteert haar of wijst haar af met een reden.',
      en: 'Open the draft of the report (the figures come from the performance monitor) and explain per KPI what you want to account for. Submitting delivers the report: that date counts for KPI 6. The contract manager accepts it or rejects it with a reason.',
    },
    questions: kpis.map(
      (kpi): Question => ({
        id: explanationId(kpi.id),
        kind: 'text',
        optional: true,
        label: {
          nl: `Toelichting ${kpi.id} — ${kpi.name.nl}`,
          en: `Explanation ${kpi.id} — ${kpi.name.en}`,
        },
      }),
    ),
  };
}

export const reportReviewSet: QuestionSet = {
  id: 'report-review',
  title: { nl: 'Voortgangsrapportage beoordelen', en: 'Judge the progress report' },
  intro: {
    nl: 'Is de rapportage juist, eenvoudig te interpreteren en in het gevraagde format? Accepteer haar, of wijs haar af en zeg waarom: de opdrachtnemer krijgt je reden te zien en levert opnieuw op.',
    en: 'Is the report correct, easy to interpret and in the requested format? Accept it, or reject it and say why: the supplier sees your reason and delivers again.',
  },
  questions: [
    {
      id: 'decision',
      kind: 'choice',
      label: { nl: 'Oordeel', en: 'Judgement' },
      options: [
        { value: 'confirm', label: { nl: 'Accepteren', en: 'Accept' } },
        { value: 'changes', label: { nl: 'Afwijzen', en: 'Reject' } },
      ],
    },
    {
      id: 'reason',
      kind: 'text',
      requiredIf: { question: 'decision', value: 'changes' },
      label: { nl: 'Reden', en: 'Reason' },
      help: { nl: 'Verplicht als je afwijst.', en: 'Required when you reject.' },
    },
  ],
};

/** The roles as a person reads them, in the order ROLES has them. */
export const ROLE_NAMES: Record<Role, Text> = {
  contractManager: { nl: 'Contractmanager', en: 'Contract manager' },
  manager: { nl: 'Manager', en: 'Manager' },
  lefTeam: { nl: 'LEF-team', en: 'LEF team' },
  relationshipManager: { nl: 'Relatiemanager', en: 'Relationship manager' },
  internalClient: { nl: 'Intern opdrachtgever', en: 'Internal client' },
  supplierContact: { nl: 'Contactpersoon opdrachtnemer', en: "Supplier's contact" },
  facilitator: { nl: 'Facilitator', en: 'Facilitator' },
};

/** No supplier (the client's people): the value of the supplier choice that means none. */
export const NO_SUPPLIER = '-';

const nameQuestion: Question = {
  id: 'name',
  kind: 'text',
  maxLength: 200,
  label: { nl: 'Naam', en: 'Name' },
};
const emailQuestion: Question = {
  id: 'email',
  kind: 'email',
  required: true,
  label: { nl: 'E-mailadres', en: 'E-mail address' },
  help: {
    nl: 'Hiermee vindt de bot de persoon in Teams en Slack.',
    en: 'The bot finds the person in Teams and Slack by it.',
  },
};

/** The contract manager's form: every detail of a person, their roles and supplier among them. */
export function personSet(suppliers: { id: string; name: string }[], change: boolean): QuestionSet {
  return {
    id: 'person',
    title: change
      ? { nl: 'Persoon wijzigen', en: 'Change a person' }
      : { nl: 'Persoon toevoegen', en: 'Add a person' },
    intro: {
      nl: 'Wie meedoet aan de prestatiemonitor, met rollen en (voor de mensen van een opdrachtnemer) de opdrachtnemer. Elke wijziging wordt bewaard met wie haar deed en wanneer.',
      en: 'Who takes part in the performance monitoring, with their roles and (for the people of a supplier) the supplier. Every change is kept with who made it and when.',
    },
    questions: [
      nameQuestion,
      // Optional here: someone may be found by their Slack or Entra id instead (set in the records file).
      { ...emailQuestion, required: false } as Question,
      {
        id: 'roles',
        kind: 'choice',
        multiple: true,
        label: { nl: 'Rollen', en: 'Roles' },
        options: ROLES.map((role) => ({ value: role, label: ROLE_NAMES[role] })),
      },
      supplierQuestion(suppliers),
      {
        id: 'onboardedOn',
        kind: 'date',
        optional: true,
        label: { nl: 'Onboarddatum (facilitator)', en: 'Onboarding date (facilitator)' },
        help: {
          nl: 'Vanaf deze datum wordt een facilitator op LEF-dagen verwacht.',
          en: 'From this date a facilitator is expected at LEF days.',
        },
      },
    ],
  };
}

/** Up to nine suppliers a choice (with "none"); more, the supplier's name or id typed (a choice has at most ten options). */
function supplierQuestion(suppliers: { id: string; name: string }[]): Question {
  const label = { nl: 'Opdrachtnemer', en: 'Supplier' };
  if (suppliers.length > 9)
    return {
      id: 'supplier',
      kind: 'text',
      optional: true,
      maxLength: 200,
      label,
      help: {
        nl: 'De naam of het id van de opdrachtnemer, voor een facilitator of contactpersoon; leeg voor de mensen van de opdrachtgever.',
        en: "The supplier's name or id, for a facilitator or supplier's contact; empty for the client's people.",
      },
    };
  return {
    id: 'supplier',
    kind: 'choice',
    label,
    help: {
      nl: 'Verplicht voor een facilitator of contactpersoon van een opdrachtnemer.',
      en: "Required for a facilitator or a supplier's contact.",
    },
    options: [
      { value: NO_SUPPLIER, label: { nl: 'Geen (opdrachtgever)', en: 'None (client)' } },
      ...suppliers.map((s) => ({ value: s.id, label: { nl: s.name, en: s.name } })),
    ],
  };
}

/** A supplier's contact's form for one of their own facilitators. */
export function facilitatorSet(supplierName: string, change: boolean): QuestionSet {
  return {
    id: 'facilitator',
    title: change
      ? { nl: 'Facilitator wijzigen', en: 'Change a facilitator' }
      : { nl: 'Facilitator toevoegen', en: 'Add a facilitator' },
    intro: {
      nl: `Een facilitator van ${supplierName}, met de datum van onboarding: vanaf dan wordt die op LEF-dagen verwacht.`,
      en: `A facilitator of ${supplierName}, with the onboarding date: from then on they are expected at LEF days.`,
    },
    questions: [
      nameQuestion,
      emailQuestion,
      { id: 'onboardedOn', kind: 'date', label: { nl: 'Onboarddatum', en: 'Onboarding date' } },
    ],
  };
}
