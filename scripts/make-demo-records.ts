// Writes examples/demo-records.json: a LEF contract with two suppliers and a realistic half-year,
// one supplier all green and one with two red KPIs. Deterministic, so the file only changes when this does.
// Run: node --import tsx scripts/make-demo-records.ts
import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { parseRecords } from '../src/domain/validate.ts';

/** A wall-clock time in Amsterdam with the offset that applies on that day. */
function at(date: string, time: string): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Amsterdam' }).toISO({
    suppressMilliseconds: true,
    includeOffset: true,
  }) as string;
}

const topics = [
  'Koers Ruimte voor de Rivier',
  'Samenwerking Programma Vervanging',
  'Toekomstbeeld Vaarwegen',
  'Strategiedag Netwerkmanagement',
  'Innovatie Asfalt',
  'Verkeersmanagement 2030',
  'Kennisdag Waterveiligheid',
  'Retrospectief A12',
];

type Json = Record<string, unknown>;
const people: Json[] = [
  {
    id: 'fenna',
    name: 'Fenna de Vries',
    email: 'fenna@facilitatorsbv.nl',
    roles: ['facilitator'],
    supplier: 'fbv',
    onboardedOn: '2026-01-12',
  },
  {
    id: 'joris',
    name: 'Joris Bakker',
    email: 'joris@facilitatorsbv.nl',
    roles: ['facilitator'],
    supplier: 'fbv',
    onboardedOn: '2026-01-12',
  },
  {
    id: 'amira',
    name: 'Amira El Idrissi',
    email: 'amira@facilitatorsbv.nl',
    roles: ['facilitator'],
    supplier: 'fbv',
    onboardedOn: '2026-02-02',
  },
  {
    id: 'sanne',
    name: 'Sanne Jansen',
    email: 'sanne@facilitatorsbv.nl',
    roles: ['supplierContact'],
    supplier: 'fbv',
  },
  {
    id: 'pieter',
    name: 'Pieter Visser',
    email: 'pieter@procesco.nl',
    roles: ['facilitator'],
    supplier: 'pco',
    onboardedOn: '2026-01-19',
  },
  {
    id: 'lieke',
    name: 'Lieke Mulder',
    email: 'lieke@procesco.nl',
    roles: ['facilitator'],
    supplier: 'pco',
    onboardedOn: '2026-01-19',
  },
  {
    id: 'bram',
    name: 'Bram Smit',
    email: 'bram@procesco.nl',
    roles: ['facilitator'],
    supplier: 'pco',
    onboardedOn: '2026-07-01',
  },
  {
    id: 'noor',
    name: 'Noor de Boer',
    email: 'noor@procesco.nl',
    roles: ['supplierContact'],
    supplier: 'pco',
  },
  { id: 'rik', name: 'Rik Hendriks', email: 'rik.hendriks@rws.nl', roles: ['relationshipManager'] },
  { id: 'eva', name: 'Eva Dekker', email: 'eva.dekker@rws.nl', roles: ['relationshipManager'] },
  { id: 'iris', name: 'Iris van Dijk', email: 'iris.vandijk@rws.nl', roles: ['internalClient'] },
  { id: 'tom', name: 'Tom Peters', email: 'tom.peters@rws.nl', roles: ['internalClient'] },
  { id: 'yara', name: 'Yara Bos', email: 'yara.bos@rws.nl', roles: ['internalClient'] },
  { id: 'carla', name: 'Carla Meijer', email: 'carla.meijer@rws.nl', roles: ['contractManager', 'manager'] },
  { id: 'lotte', name: 'Lotte de Graaf', email: 'lotte.degraaf@rws.nl', roles: ['lefTeam'] },
  { id: 'ahmed', name: 'Ahmed Yilmaz', email: 'ahmed.yilmaz@rws.nl', roles: ['lefTeam', 'manager'] },
];

const supplierPlan = {
  // supplier: facilitators, sessions in H1, which session numbers fail KPI2 / KPI3, one returned request
  fbv: {
    facilitators: ['fenna', 'joris', 'amira'],
    count: 22,
    failLef: [] as number[],
    failImpact: [9],
    returned: [] as number[],
  },
  pco: {
    facilitators: ['pieter', 'lieke'],
    count: 20,
    failLef: [4, 11],
    failImpact: [] as number[],
    returned: [7],
  },
};

const clientRequests: Json[] = [];
const sessions: Json[] = [];
const evaluations: Json[] = [];
const rms = ['rik', 'eva'];
const ics = ['iris', 'tom', 'yara'];

function day(month: number, dayOfMonth: number): string {
  return `2026-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

for (const [supplier, plan] of Object.entries(supplierPlan)) {
  for (let n = 1; n <= plan.count; n++) {
    // Spread sessions over February–June (H1) on weekdays.
    const month = 2 + Math.floor(((n - 1) * 5) / plan.count);
    const dom = 3 + ((n * 7) % 24);
    const requestDate = day(month, Math.max(1, dom - 2));
    const sessionDate = day(month, dom);
    const id = `${supplier}-${String(n).padStart(2, '0')}`;
    const rm = rms[n % rms.length] as string;
    const ic = ics[n % ics.length] as string;
    const returned = plan.returned.includes(n);
    clientRequests.push({
      id: `req-${id}`,
      supplier,
      date: requestDate,
      requestedFacilitators: 2,
      registration: {
        by: rm,
        at: at(requestDate, '16:00:00'),
        suitableProposed: returned ? 0 : 2,
        returned,
        motivation: returned
          ? 'Geen beschikbare facilitatoren in de gevraagde week'
          : 'Twee profielen passend bij de sessiedoelen',
      },
    });
    if (returned) continue;
    const facilitator = plan.facilitators[n % plan.facilitators.length] as string;
    const topic = topics[n % topics.length] as string;
    sessions.push({
      id,
      supplier,
      request: `req-${id}`,
      start: at(sessionDate, '09:30:00'),
      end: at(sessionDate, '12:30:00'),
      facilitators: [facilitator],
      relationshipManager: rm,
      internalClient: ic,
    });
    const lefOk = !plan.failLef.includes(n);
    const impactOk = !plan.failImpact.includes(n);
    evaluations.push(
      {
        session: id,
        respondent: rm,
        role: 'relationshipManager',
        submittedAt: at(day(month, dom + 1), '10:00:00'),
        lefApplied: lefOk,
        lefExplanation: lefOk
          ? `Werkvormen volgens de LEF-aanpak bij "${topic}": verkennen, verdiepen, besluiten.`
          : 'De sessie werd een presentatie met vragenronde; geen LEF-werkvormen.',
      },
      {
        session: id,
        respondent: facilitator,
        role: 'facilitator',
        submittedAt: at(sessionDate, '16:00:00'),
        lefApplied: lefOk,
        lefExplanation: lefOk
          ? 'Aanpak met de LEF-ontwerpprincipes voorbereid en uitgevoerd.'
          : 'Opdrachtgever wilde vooral zenden.',
        impact: true,
        impactExplanation: 'Sessiedoelen behaald: gedeeld beeld en drie vervolgacties.',
      },
      {
        session: id,
        respondent: ic,
        role: 'internalClient',
        submittedAt: at(day(month, dom + 2), '11:00:00'),
        impact: impactOk,
        impactExplanation: impactOk ? 'We hebben een gedragen koers en een planning voor het vervolg.' : '',
      },
    );
  }
}

const records = {
  contract: {
    id: 'lef-2026',
    framework: 'lef',
    startDate: '2026-01-01',
    assessment: 'half-year',
    evaluationWindowDays: 14,
    socialReturnPlanMonths: 3,
    timeZone: 'Europe/Amsterdam',
  },
  suppliers: [
    { id: 'fbv', name: 'Facilitators BV' },
    { id: 'pco', name: 'Procesbegeleiding & Co' },
  ],
  people,
  clientRequests,
  sessions,
  evaluations,
  lefDays: [
    {
      id: 'lefdag-2026-1',
      date: '2026-06-11',
      attendance: [
        { person: 'fenna', status: 'present', contribution: 'Workshop over terugkoppeling na sessies' },
        { person: 'joris', status: 'present' },
        {
          person: 'amira',
          status: 'excused',
          registeredAt: '2026-05-28T09:00:00+02:00',
          reason: 'Ouderschapsverlof, vooraf afgestemd met het LEF-team',
        },
        { person: 'pieter', status: 'present' },
        { person: 'lieke', status: 'absent' },
      ],
    },
  ],
  surveyRounds: [
    {
      id: 'enquete-2026-1-fbv',
      supplier: 'fbv',
      opensOn: '2026-06-01',
      closesOn: '2026-06-19',
      respondents: ['carla', 'lotte', 'ahmed', 'sanne'],
      responses: [
        {
          respondent: 'carla',
          side: 'client',
          submittedAt: '2026-06-03T10:00:00+02:00',
          answers: { collaboration: 'c', feedback: 'c' },
        },
        {
          respondent: 'lotte',
          side: 'client',
          submittedAt: '2026-06-04T14:00:00+02:00',
          answers: { collaboration: 'd', feedback: 'c' },
        },
        {
          respondent: 'ahmed',
          side: 'client',
          submittedAt: '2026-06-05T09:30:00+02:00',
          answers: { collaboration: 'c', feedback: 'b' },
        },
        {
          respondent: 'sanne',
          side: 'supplier',
          submittedAt: '2026-06-05T16:00:00+02:00',
          answers: { collaboration: 'd', feedback: 'd' },
        },
      ],
    },
    {
      id: 'enquete-2026-1-pco',
      supplier: 'pco',
      opensOn: '2026-06-01',
      closesOn: '2026-06-19',
      respondents: ['carla', 'lotte', 'noor'],
      responses: [
        {
          respondent: 'carla',
          side: 'client',
          submittedAt: '2026-06-08T10:00:00+02:00',
          answers: { collaboration: 'b', feedback: 'b' },
        },
        {
          respondent: 'lotte',
          side: 'client',
          submittedAt: '2026-06-09T10:00:00+02:00',
          answers: { collaboration: 'c', feedback: 'b' },
        },
        {
          respondent: 'noor',
          side: 'supplier',
          submittedAt: '2026-06-10T10:00:00+02:00',
          answers: { collaboration: 'd', feedback: 'c' },
        },
      ],
    },
  ],
  reports: [
    { supplier: 'fbv', covers: '2026-H1', deliveredOn: '2026-07-14', accepted: true },
    { supplier: 'pco', covers: '2026-H1', deliveredOn: '2026-07-24' },
  ],
  socialReturn: [
    {
      supplier: 'fbv',
      planSubmittedOn: '2026-03-20',
      figures: [{ upTo: '2026-06-30', revenue: 186000, sroiValue: 4650 }],
    },
    {
      supplier: 'pco',
      planSubmittedOn: '2026-03-30',
      figures: [{ upTo: '2026-06-30', revenue: 142000, sroiValue: 3100 }],
    },
  ],
  findings: [{ supplier: 'pco', period: '2026-H1', kpi: 'KPI2', foundAt: '2026-05-02T08:00:00+02:00' }],
};

const parsed = parseRecords(records);
if (!parsed.ok) {
  console.error(parsed.issues.map((i) => `${i.path}: ${i.text.en}`).join('\n'));
  process.exit(1);
}
writeFileSync(
  new URL('../examples/demo-records.json', import.meta.url),
  `${JSON.stringify(records, null, 2)}\n`,
);
console.log(`examples/demo-records.json: ${sessions.length} sessions, ${evaluations.length} evaluations`);
