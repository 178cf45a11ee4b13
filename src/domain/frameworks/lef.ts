// Rijkswaterstaat's "Toetsplan LEF Facilitatordiensten" (25 February 2026) as data: its seven KPIs,
// their norms and the consequences of section 3. Choices the plan leaves open are in docs/scoring.md.
import { lefRecoveryPlan } from './lef-recovery.ts';
import { lefSatisfactionSurvey } from './lef-survey.ts';
import { Framework } from './schema.ts';

const quality = { nl: 'Kwaliteit dienstverlening', en: 'Quality of service' };
const halfYearly = {
  nl: 'Minimaal 1x per halfjaar, maximaal 1x per kwartaal',
  en: 'At least every half-year, at most every quarter',
};
const clientSupplies = { nl: 'Opdrachtgever levert data aan', en: 'The client supplies the data' };

export const lef = Framework.parse({
  id: 'lef',
  name: { nl: 'LEF Facilitatordiensten', en: 'LEF facilitation services' },
  kpis: [
    {
      id: 'KPI1',
      name: { nl: 'Levering passende facilitatoren', en: 'Fitting facilitators proposed' },
      resultArea: quality,
      normText: {
        nl: 'In minimaal 95% van de klantaanvragen 2 (of indien gevraagd 3) passende facilitatoren',
        en: 'At least 95% of client requests get 2 (or, if asked, 3) fitting facilitators',
      },
      dataSuppliedBy: {
        nl: 'Relatiemanager registreert en motiveert',
        en: 'The relationship manager registers and explains',
      },
      frequency: halfYearly,
      rule: { kind: 'request-delivery', norm: 0.95 },
    },
    {
      id: 'KPI2',
      name: { nl: 'Toepassing LEF-aanpak', en: 'LEF approach applied' },
      resultArea: quality,
      normText: {
        nl: 'In 95% van de nadere opdrachten is de LEF-aanpak toegepast en is dit toegelicht',
        en: 'In 95% of sessions the LEF approach was applied and explained',
      },
      dataSuppliedBy: {
        nl: 'Relatiemanager en facilitator in de evaluatie',
        en: 'Relationship manager and facilitator, in the evaluation',
      },
      frequency: halfYearly,
      rule: {
        kind: 'session-evaluation',
        norm: 0.95,
        answer: 'lefApplied',
        assessors: ['relationshipManager', 'facilitator'],
      },
    },
    {
      id: 'KPI3',
      name: { nl: 'Sessies met impact', en: 'Sessions with impact' },
      resultArea: quality,
      normText: {
        nl: 'In 95% van de nadere opdrachten is er impact gegenereerd en is dit toegelicht',
        en: 'In 95% of sessions there was impact, and it was explained',
      },
      dataSuppliedBy: {
        nl: 'Intern opdrachtgever en facilitator in de evaluatie',
        en: 'Internal client and facilitator, in the evaluation',
      },
      frequency: halfYearly,
      rule: {
        kind: 'session-evaluation',
        norm: 0.95,
        answer: 'impact',
        assessors: ['internalClient', 'facilitator'],
      },
    },
    {
      id: 'KPI4',
      name: { nl: 'Bijdrage aan ontwikkeling LEF', en: 'Contribution to LEF development' },
      resultArea: quality,
      normText: {
        nl: '100% van de ge-onboarde facilitatoren op de LEF-dagen, of vooraf afgemeld met geldige reden',
        en: 'All onboarded facilitators at the LEF days, or excused beforehand with a valid reason',
      },
      dataSuppliedBy: { nl: 'LEF registreert de aanwezigheid', en: 'LEF registers attendance' },
      frequency: halfYearly,
      rule: { kind: 'lef-day-attendance', norm: 1 },
    },
    {
      id: 'KPI5',
      name: { nl: 'Samenwerking: tevredenheid opdrachtgever', en: 'Collaboration: client satisfaction' },
      resultArea: { nl: 'Tevredenheid opdrachtgever', en: 'Client satisfaction' },
      normText: {
        nl: "Jaar 1: minimaal 'voldoende' op alle tevredenheidsvragen; vanaf jaar 2 minimaal 'goed'",
        en: "Year 1: at least 'sufficient' on every question; from year 2 at least 'good'",
      },
      dataSuppliedBy: clientSupplies,
      frequency: halfYearly,
      rule: {
        kind: 'satisfaction-survey',
        survey: 'satisfaction',
        questions: ['collaboration', 'feedback'],
        minimumByYear: [
          { fromYear: 1, minimum: 'b' },
          { fromYear: 2, minimum: 'c' },
        ],
      },
    },
    {
      id: 'KPI6',
      name: { nl: 'Managementrapportage', en: 'Management report' },
      resultArea: { nl: 'Managementinformatie', en: 'Management information' },
      normText: {
        nl: 'Correct, eenvoudig te interpreteren en tijdig geleverd in het gevraagde format',
        en: 'Correct, easy to interpret and delivered on time in the requested format',
      },
      dataSuppliedBy: { nl: 'Opdrachtnemer', en: 'The supplier' },
      frequency: {
        nl: 'Per halfjaar, binnen 3 weken na afloop van Q2 en Q4',
        en: 'Every half-year, within 3 weeks after Q2 and Q4',
      },
      rule: { kind: 'progress-report', norm: 1, dueDaysAfterHalfYear: 21 },
    },
    {
      id: 'KPI7',
      name: { nl: 'Social Return (Groeituin)', en: 'Social return (Groeituin)' },
      resultArea: { nl: 'Maatschappelijk verantwoord ondernemen', en: 'Corporate social responsibility' },
      normText: {
        nl: 'Concept plan van aanpak binnen de termijn; daarna minimaal 2% van de omzet als Social Return',
        en: 'A draft plan within the deadline; then at least 2% of revenue as social return',
      },
      dataSuppliedBy: { nl: 'Opdrachtnemer', en: 'The supplier' },
      frequency: halfYearly,
      rule: { kind: 'social-return', minimumShare: 0.02 },
    },
  ],
  meeting: {
    name: { nl: 'Tactisch overleg', en: 'Tactical meeting' },
    reflectionQuestions: [
      { nl: 'Herkennen we deze data in de praktijk?', en: 'Do we recognise these data in practice?' },
      { nl: 'Kunnen we de cijfers verklaren?', en: 'Can we explain the figures?' },
      { nl: 'Kunnen we ze koppelen aan ons handelen?', en: 'Can we link them to what we do?' },
      { nl: 'Wat vinden we ervan?', en: 'What do we think of them?' },
      { nl: 'Wat kunnen we hiervan leren?', en: 'What can we learn from them?' },
      { nl: 'Wat gaan we anders, meer of minder doen?', en: 'What will we do differently, more or less?' },
    ],
  },
  consequences: [
    {
      minRed: 0,
      id: 'all-green',
      text: { nl: 'Alles groen — samen verder bouwen', en: 'All green — building on together' },
    },
    { minRed: 1, id: 'extra-effort', text: { nl: 'Extra inspanning vereist', en: 'Extra effort required' } },
    {
      minRed: 3,
      id: 'critical',
      text: { nl: 'Directe verbetering vereist (kritiek)', en: 'Immediate improvement required (critical)' },
    },
  ],
  recoveryPlanDays: 21,
  surveys: { satisfaction: lefSatisfactionSurvey },
  recoveryPlan: lefRecoveryPlan,
});
