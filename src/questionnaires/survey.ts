// The periodic satisfaction survey (toetsplan section 2.3, KPI 5): the plan's own questions and
// answer texts, asked of both sides with client and supplier swapped. (The plan's "Oprachtgever"
// typo is corrected.)
import type { QuestionSet, Text } from './types.ts';

type Side = 'client' | 'supplier';

const swap = (side: Side, client: Text, supplier: Text): Text => (side === 'client' ? client : supplier);

export function surveySet(side: Side): QuestionSet {
  const own =
    side === 'client' ? { nl: 'Opdrachtgever', en: 'client' } : { nl: 'Opdrachtnemer', en: 'supplier' };
  const other =
    side === 'client' ? { nl: 'Opdrachtnemer', en: 'supplier' } : { nl: 'Opdrachtgever', en: 'client' };
  return {
    id: `survey-${side}`,
    title: { nl: 'Tevredenheidsenquête', en: 'Satisfaction survey' },
    intro: {
      nl: `Deze enquête meet hoe de ${own.nl} de samenwerking in de achterliggende periode heeft ervaren.`,
      en: `This survey asks how the ${own.en} experienced the collaboration in the past period.`,
    },
    questions: [
      {
        id: 'collaboration',
        kind: 'choice',
        label: {
          nl: `a. Samenwerking — Hoe heeft de ${own.nl} de kwaliteit van de samenwerking met de ${other.nl} in de achterliggende periode ervaren?`,
          en: `a. Collaboration — How did the ${own.en} experience the quality of the collaboration with the ${other.en} in the past period?`,
        },
        options: [
          {
            value: 'a',
            label: {
              nl: 'a. Beide partijen behartigden alleen eigen belangen of weigerden uit de conflictsfeer te komen en communiceerden hier onvoldoende over.',
              en: 'a. Both parties only pursued their own interests or refused to leave the sphere of conflict, and did not communicate enough about it.',
            },
          },
          {
            value: 'b',
            label: {
              nl: 'b. Beide partijen konden zich verplaatsen in elkaars belangen en mogelijke problemen konden besproken worden. Bij het zoeken naar oplossingen kon echter de conflictsfeer niet vermeden worden.',
              en: "b. Both parties understood each other's interests and possible problems could be discussed. When looking for solutions, however, conflict could not be avoided.",
            },
          },
          {
            value: 'c',
            label: {
              nl: 'c. Beide partijen konden zich verplaatsen in elkaars belangen en mogelijke problemen konden besproken worden. Bij het zoeken naar oplossingen werd ook veelvuldig samengewerkt.',
              en: "c. Both parties understood each other's interests and possible problems could be discussed. Solutions were often sought together.",
            },
          },
          {
            value: 'd',
            label: {
              nl: 'd. Beide partijen voelden zich verantwoordelijk voor belangen van de andere partij. Daarvoor werd altijd de samenwerking opgezocht en werd op een proactieve wijze over mogelijke problemen gecommuniceerd.',
              en: "d. Both parties felt responsible for the other party's interests, always sought to work together and communicated proactively about possible problems.",
            },
          },
        ],
      },
      {
        id: 'feedback',
        kind: 'choice',
        label: swap(
          side,
          {
            nl: 'b. Kwaliteit dienstverlening — Hoe is de Opdrachtnemer in de achterliggende periode omgegaan met feedback van de Opdrachtgever?',
            en: "b. Quality of service — How did the supplier handle the client's feedback in the past period?",
          },
          {
            nl: 'b. Kwaliteit dienstverlening — Hoe is de Opdrachtgever in de achterliggende periode omgegaan met feedback van de Opdrachtnemer?',
            en: "b. Quality of service — How did the client handle the supplier's feedback in the past period?",
          },
        ),
        options: (['a', 'b', 'c', 'd'] as const).map((value) => ({
          value,
          label: feedbackOption(value, own),
        })),
      },
    ],
  };
}

function feedbackOption(value: 'a' | 'b' | 'c' | 'd', giver: Text): Text {
  const g = giver;
  switch (value) {
    case 'a':
      return {
        nl: `a. Feedback die is gegeven door de ${g.nl}, is slecht opgepakt en de maatregelen leidden tot een niet bevredigend resultaat. Er heeft geen terugkoppeling plaatsgevonden over de genomen maatregelen.`,
        en: `a. Feedback given by the ${g.en} was handled poorly and the measures did not lead to a satisfactory result. There was no report back on the measures taken.`,
      };
    case 'b':
      return {
        nl: `b. Feedback die is gegeven door de ${g.nl}, is moeizaam opgepakt, maar leidde tot een bevredigend resultaat. Er heeft een beperkte terugkoppeling plaatsgevonden over de genomen maatregelen.`,
        en: `b. Feedback given by the ${g.en} was taken up with difficulty, but led to a satisfactory result. There was a limited report back on the measures taken.`,
      };
    case 'c':
      return {
        nl: `c. Feedback die is gegeven door de ${g.nl}, is adequaat opgepakt en leidde tot een bevredigend resultaat. Er heeft een beperkte terugkoppeling plaatsgevonden over de genomen maatregelen.`,
        en: `c. Feedback given by the ${g.en} was taken up adequately and led to a satisfactory result. There was a limited report back on the measures taken.`,
      };
    case 'd':
      return {
        nl: `d. Feedback die is gegeven door de ${g.nl}, is adequaat opgepakt en leidde tot een bevredigend resultaat. Er heeft een goede terugkoppeling plaatsgevonden over de genomen maatregelen.`,
        en: `d. Feedback given by the ${g.en} was taken up adequately and led to a satisfactory result. There was a good report back on the measures taken.`,
      };
  }
}
