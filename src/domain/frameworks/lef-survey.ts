// The satisfaction survey of the LEF test plan (section 2.3, KPI 5) as data: the plan's own
// questions and answers, each side written out. The client side is the plan's text; the supplier
// side is the same questions with client and supplier swapped, as the plan says ("Deze vragen
// worden ook gesteld aan Opdrachtnemer"). The plan's "Oprachtgever" typo is corrected.
import type { SurveySides } from '../../questionnaires/schema.ts';

const levels = {
  a: { nl: 'a. Slecht', en: 'a. Poor' },
  b: { nl: 'b. Voldoende', en: 'b. Sufficient' },
  c: { nl: 'c. Goed', en: 'c. Good' },
  d: { nl: 'd. Zeer goed', en: 'd. Very good' },
} as const;

const remark = (id: string) => ({
  id,
  label: { nl: 'Toelichting (optioneel)', en: 'Remark (optional)' },
});

/** The collaboration answers describe both parties, so both sides read the same text. */
const collaborationOptions = [
  {
    value: 'a',
    label: levels.a,
    description: {
      nl: 'Beide partijen behartigden alleen eigen belangen of weigerden uit de conflictsfeer te komen en communiceerden hier onvoldoende over.',
      en: 'Both parties only pursued their own interests or refused to leave the sphere of conflict, and did not communicate enough about it.',
    },
  },
  {
    value: 'b',
    label: levels.b,
    description: {
      nl: 'Beide partijen konden zich verplaatsen in elkaars belangen en mogelijke problemen konden besproken worden. Bij het zoeken naar oplossingen kon echter de conflictsfeer niet vermeden worden.',
      en: "Both parties understood each other's interests and possible problems could be discussed. When looking for solutions, however, conflict could not be avoided.",
    },
  },
  {
    value: 'c',
    label: levels.c,
    description: {
      nl: 'Beide partijen konden zich verplaatsen in elkaars belangen en mogelijke problemen konden besproken worden. Bij het zoeken naar oplossingen werd ook veelvuldig samengewerkt.',
      en: "Both parties understood each other's interests and possible problems could be discussed. Solutions were often sought together.",
    },
  },
  {
    value: 'd',
    label: levels.d,
    description: {
      nl: 'Beide partijen voelden zich verantwoordelijk voor belangen van de andere partij. Daarvoor werd altijd de samenwerking opgezocht en werd op een proactieve wijze over mogelijke problemen gecommuniceerd.',
      en: "Both parties felt responsible for the other party's interests; they always sought to work together and communicated proactively about possible problems.",
    },
  },
];

const intro = {
  client: {
    nl: 'Deze enquête meet hoe de Opdrachtgever de samenwerking met de Opdrachtnemer in de achterliggende periode heeft ervaren. Je kunt je antwoorden wijzigen tot de enquête sluit.',
    en: 'This survey asks how the client experienced the collaboration with the supplier in the past period. You can change your answers until the survey closes.',
  },
  supplier: {
    nl: 'Deze enquête meet hoe de Opdrachtnemer de samenwerking met de Opdrachtgever in de achterliggende periode heeft ervaren. Je kunt je antwoorden wijzigen tot de enquête sluit.',
    en: 'This survey asks how the supplier experienced the collaboration with the client in the past period. You can change your answers until the survey closes.',
  },
};

export const lefSatisfactionSurvey: SurveySides = {
  client: {
    id: 'survey-client',
    title: { nl: 'Tevredenheidsenquête — Opdrachtgever', en: 'Satisfaction survey — client' },
    intro: intro.client,
    questions: [
      {
        id: 'collaboration',
        kind: 'choice',
        label: {
          nl: 'a. Samenwerking — Hoe heeft de Opdrachtgever de kwaliteit van de samenwerking met de Opdrachtnemer in de achterliggende periode ervaren?',
          en: 'a. Collaboration — How did the client experience the quality of the collaboration with the supplier in the past period?',
        },
        help: {
          nl: 'Deze vraag is gericht op de wijze waarop de Opdrachtgever de kwaliteit van de samenwerking in de achterliggende periode heeft ervaren. Ter onderbouwing kunnen diverse informatiebronnen worden geraadpleegd, zoals tevredenheidsonderzoeken, informatie over de kwaliteit van het geleverde product, de waardering van de gebruikers en evaluaties.',
          en: 'This question is about how the client experienced the quality of the collaboration in the past period. To support the answer, several sources can be consulted, such as satisfaction surveys, information on the quality of the product delivered, the users’ appreciation and evaluations.',
        },
        options: collaborationOptions,
        remark: remark('collaborationRemark'),
      },
      {
        id: 'feedback',
        kind: 'choice',
        label: {
          nl: 'b. Kwaliteit dienstverlening — Hoe is de Opdrachtnemer in de achterliggende periode omgegaan met feedback van de Opdrachtgever?',
          en: "b. Quality of service — How did the supplier handle the client's feedback in the past period?",
        },
        help: {
          nl: 'Deze vraag is gericht op de wijze waarop de Opdrachtnemer in de achterliggende periode is omgegaan met de door de Opdrachtgever gegeven feedback over de dienstverlening, en of die feedback adequaat en naar tevredenheid van de Opdrachtgever is opgepakt en tot een verbeterd resultaat heeft geleid.',
          en: "This question is about how the supplier handled the client's feedback on the service in the past period, and whether that feedback was taken up adequately, to the client's satisfaction, and led to a better result.",
        },
        options: [
          {
            value: 'a',
            label: levels.a,
            description: {
              nl: 'Feedback die is gegeven door de Opdrachtgever, is slecht opgepakt en de maatregelen leidden tot een niet bevredigend resultaat. Er heeft geen terugkoppeling plaatsgevonden over de genomen maatregelen.',
              en: 'Feedback given by the client was handled poorly and the measures did not lead to a satisfactory result. There was no report back on the measures taken.',
            },
          },
          {
            value: 'b',
            label: levels.b,
            description: {
              nl: 'Feedback die is gegeven door de Opdrachtgever, is moeizaam opgepakt, maar leidde tot een bevredigend resultaat. Er heeft een beperkte terugkoppeling plaatsgevonden over de genomen maatregelen.',
              en: 'Feedback given by the client was taken up with difficulty, but led to a satisfactory result. There was a limited report back on the measures taken.',
            },
          },
          {
            value: 'c',
            label: levels.c,
            description: {
              nl: 'Feedback die is gegeven door de Opdrachtgever, is adequaat opgepakt en leidde tot een bevredigend resultaat. Er heeft een beperkte terugkoppeling plaatsgevonden over de genomen maatregelen.',
              en: 'Feedback given by the client was taken up adequately and led to a satisfactory result. There was a limited report back on the measures taken.',
            },
          },
          {
            value: 'd',
            label: levels.d,
            description: {
              nl: 'Feedback die is gegeven door de Opdrachtgever, is adequaat opgepakt en leidde tot een bevredigend resultaat. Er heeft een goede terugkoppeling plaatsgevonden over de genomen maatregelen.',
              en: 'Feedback given by the client was taken up adequately and led to a satisfactory result. There was a good report back on the measures taken.',
            },
          },
        ],
        remark: remark('feedbackRemark'),
      },
    ],
  },
  supplier: {
    id: 'survey-supplier',
    title: { nl: 'Tevredenheidsenquête — Opdrachtnemer', en: 'Satisfaction survey — supplier' },
    intro: intro.supplier,
    questions: [
      {
        id: 'collaboration',
        kind: 'choice',
        label: {
          nl: 'a. Samenwerking — Hoe heeft de Opdrachtnemer de kwaliteit van de samenwerking met de Opdrachtgever in de achterliggende periode ervaren?',
          en: 'a. Collaboration — How did the supplier experience the quality of the collaboration with the client in the past period?',
        },
        help: {
          nl: 'Deze vraag is gericht op de wijze waarop de Opdrachtnemer de kwaliteit van de samenwerking in de achterliggende periode heeft ervaren. Ter onderbouwing kunnen diverse informatiebronnen worden geraadpleegd, zoals tevredenheidsonderzoeken, informatie over de kwaliteit van het geleverde product, de waardering van de gebruikers en evaluaties.',
          en: 'This question is about how the supplier experienced the quality of the collaboration in the past period. To support the answer, several sources can be consulted, such as satisfaction surveys, information on the quality of the product delivered, the users’ appreciation and evaluations.',
        },
        options: collaborationOptions,
        remark: remark('collaborationRemark'),
      },
      {
        id: 'feedback',
        kind: 'choice',
        label: {
          nl: 'b. Kwaliteit dienstverlening — Hoe is de Opdrachtgever in de achterliggende periode omgegaan met feedback van de Opdrachtnemer?',
          en: "b. Quality of service — How did the client handle the supplier's feedback in the past period?",
        },
        help: {
          nl: 'Deze vraag is gericht op de wijze waarop de Opdrachtgever in de achterliggende periode is omgegaan met de door de Opdrachtnemer gegeven feedback over de samenwerking, en of die feedback adequaat en naar tevredenheid van de Opdrachtnemer is opgepakt en tot een verbeterd resultaat heeft geleid.',
          en: "This question is about how the client handled the supplier's feedback on the collaboration in the past period, and whether that feedback was taken up adequately, to the supplier's satisfaction, and led to a better result.",
        },
        options: [
          {
            value: 'a',
            label: levels.a,
            description: {
              nl: 'Feedback die is gegeven door de Opdrachtnemer, is slecht opgepakt en de maatregelen leidden tot een niet bevredigend resultaat. Er heeft geen terugkoppeling plaatsgevonden over de genomen maatregelen.',
              en: 'Feedback given by the supplier was handled poorly and the measures did not lead to a satisfactory result. There was no report back on the measures taken.',
            },
          },
          {
            value: 'b',
            label: levels.b,
            description: {
              nl: 'Feedback die is gegeven door de Opdrachtnemer, is moeizaam opgepakt, maar leidde tot een bevredigend resultaat. Er heeft een beperkte terugkoppeling plaatsgevonden over de genomen maatregelen.',
              en: 'Feedback given by the supplier was taken up with difficulty, but led to a satisfactory result. There was a limited report back on the measures taken.',
            },
          },
          {
            value: 'c',
            label: levels.c,
            description: {
              nl: 'Feedback die is gegeven door de Opdrachtnemer, is adequaat opgepakt en leidde tot een bevredigend resultaat. Er heeft een beperkte terugkoppeling plaatsgevonden over de genomen maatregelen.',
              en: 'Feedback given by the supplier was taken up adequately and led to a satisfactory result. There was a limited report back on the measures taken.',
            },
          },
          {
            value: 'd',
            label: levels.d,
            description: {
              nl: 'Feedback die is gegeven door de Opdrachtnemer, is adequaat opgepakt en leidde tot een bevredigend resultaat. Er heeft een goede terugkoppeling plaatsgevonden over de genomen maatregelen.',
              en: 'Feedback given by the supplier was taken up adequately and led to a satisfactory result. There was a good report back on the measures taken.',
            },
          },
        ],
        remark: remark('feedbackRemark'),
      },
    ],
  },
};
