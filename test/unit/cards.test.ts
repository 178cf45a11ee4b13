// Every card the bot sends, parsed by the adaptivecards SDK: no unknown elements, no warnings,
// schema 1.5 at most (what Teams renders), and no template binding left unfilled.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import { type AdaptiveCard, renderCard } from '../../src/render/cards.ts';
import { lefRecoveryPlan } from '../support/lef.ts';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');

function parseEvents(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message as string);
}

const session = {
  id: 'ses1',
  supplierName: 'Facilitators BV',
  start: '2026-03-02T09:00:00+01:00',
  end: '2026-03-02T12:00:00+01:00',
  facilitators: ['Fenna'],
};
const evaluation = (over: Partial<Extract<BotMessage, { kind: 'evaluation' }>>): BotMessage => ({
  kind: 'evaluation',
  assignmentId: 'ses1|facilitator|f1',
  role: 'facilitator',
  registration: false,
  session,
  closesAt: '2026-03-16T12:00:00+01:00',
  state: 'open',
  ...over,
});

const planFacts = [
  { title: { nl: 'Leverancier', en: 'Supplier' }, value: { nl: 'Facilitators BV', en: 'Facilitators BV' } },
  { title: { nl: 'Uiterlijk', en: 'Due' }, value: { nl: '12 augustus 2026', en: '12 August 2026' } },
];
function recoveryPlan(state: 'open' | 'answered', reminder: boolean): BotMessage {
  return {
    kind: 'questionnaire',
    assignmentId: 'recovery|s1-2026-H2|supplier|sc1',
    set: lefRecoveryPlan.plan,
    facts: planFacts,
    note: {
      tone: 'attention',
      text: { nl: 'Carla vraagt om wijzigingen: datum', en: 'Carla asks for changes: date' },
    },
    status: { nl: 'Dien het plan in.', en: 'Submit the plan.' },
    state,
    answers: {
      causes: 'Ziekte',
      actions: 'Tweede auteur',
      normMetOn: '2026-09-30',
      link: 'https://example.nl/plan',
    },
    ...(reminder ? { reminder: { nl: 'Herinnering', en: 'Reminder' } } : {}),
  };
}
function recoveryReview(state: 'open' | 'closed'): BotMessage {
  return {
    kind: 'questionnaire',
    assignmentId: 'recovery|s1-2026-H2|review-1|cm1',
    set: lefRecoveryPlan.review,
    facts: [...planFacts, { title: { nl: 'Oorzaken', en: 'Causes' }, value: { nl: 'Ziekte', en: 'Ziekte' } }],
    status: { nl: 'Beoordeel het plan.', en: 'Review the plan.' },
    state,
    ...(state === 'closed' ? { answers: { decision: 'changes', reason: 'datum' } } : {}),
  };
}
const messages: [string, BotMessage][] = [
  ['facilitator, open', evaluation({})],
  [
    'relationship manager with registration, reminder',
    evaluation({ role: 'relationshipManager', registration: true, reminder: 2 }),
  ],
  [
    'internal client, answered',
    evaluation({
      role: 'internalClient',
      state: 'answered',
      answers: { impact: true, impactExplanation: 'Doelen gehaald' },
    }),
  ],
  ['facilitator, closed', evaluation({ state: 'closed' })],
  [
    'scorecard',
    {
      kind: 'scorecard',
      scorecard: {
        supplier: 's1',
        supplierName: 'Facilitators BV',
        period: '2026-H1',
        asOf: '2026-07-01T00:00:00+02:00',
        kpis: [
          {
            id: 'KPI1',
            name: { nl: 'Levering', en: 'Delivery' },
            status: 'green',
            atRisk: true,
            figures: {
              kind: 'ratio',
              pendingOf: 'requests',
              value: 0.895,
              norm: 0.95,
              passed: 17,
              counted: 19,
              pending: 1,
            },
          },
        ],
        consequence: { nl: 'Alles groen', en: 'All green' },
        timeZone: 'Europe/Amsterdam',
      },
    },
  ],
  [
    'alert',
    {
      kind: 'alert',
      alert: {
        supplier: 's1',
        supplierName: 'Facilitators BV',
        period: '2026-H1',
        level: 'extra-effort',
        previousLevel: 'all-green',
        newlyRed: [{ id: 'KPI2', name: { nl: 'LEF-aanpak', en: 'LEF approach' } }],
        resolved: [],
        red: [{ id: 'KPI2', name: { nl: 'LEF-aanpak', en: 'LEF approach' } }],
        consequence: { nl: 'Extra inspanning vereist', en: 'Extra effort required' },
        critical: false,
        recoveryPlanDue: '2026-07-22',
      },
    },
  ],
  ['notice', { kind: 'notice', tone: 'warning', text: { nl: 'Let op', en: 'Note' } }],
  [
    'download',
    {
      kind: 'download',
      title: { nl: 'Voortgangsrapportage', en: 'Progress report' },
      text: { nl: 'Tot morgen', en: 'Until tomorrow' },
      links: [
        {
          label: { nl: 'Facilitators BV (PDF)', en: 'Facilitators BV (PDF)' },
          url: 'https://bot.example.nl/reports/abc.def',
        },
      ],
    },
  ],
  [
    'help',
    {
      kind: 'help',
      commands: [{ command: '/scorecard', text: { nl: 'De scorecard', en: 'The scorecard' } }],
    },
  ],
  [
    'session form',
    {
      kind: 'session-form',
      formId: 'form-1',
      suppliers: [{ id: 's1', name: 'Facilitators BV' }],
      facilitators: [{ id: 'f1', name: 'Fenna', supplierName: 'Facilitators BV' }],
      internalClients: [{ id: 'ic1', name: 'Iris' }],
    },
  ],
  ['recovery plan, open, reminder, changes asked', recoveryPlan('open', true)],
  ['recovery plan, answered', recoveryPlan('answered', false)],
  ['recovery review, open', recoveryReview('open')],
  ['recovery review, closed', recoveryReview('closed')],
  [
    'period summary',
    {
      kind: 'period-summary',
      summary: {
        period: '2026-H1',
        final: false,
        suppliers: [
          {
            supplier: 's1',
            name: 'Facilitators BV',
            kpis: [
              { id: 'KPI1', status: 'green' },
              { id: 'KPI2', status: 'atRisk' },
              { id: 'KPI3', status: 'red' },
              { id: 'KPI5', status: 'pending' },
            ],
            consequence: { nl: 'Extra inspanning vereist', en: 'Extra effort required' },
            red: 1,
            recoveryPlanDue: '2026-07-22',
          },
        ],
      },
    },
  ],
];

describe('cards', () => {
  for (const [name, message] of messages) {
    for (const lang of ['nl', 'en'] as const) {
      it(`${name} (${lang}) parses without events, at schema 1.5, with every binding filled`, () => {
        const card = renderCard(message, lang);
        expect(parseEvents(card)).toEqual([]);
        expect(Number(card.version)).toBeLessThanOrEqual(1.5);
        expect(JSON.stringify(card)).not.toContain('${');
      });
    }
  }

  it('asks every question of the role, with the explanation required, and submits with Action.Execute', () => {
    const card = JSON.stringify(
      renderCard(evaluation({ role: 'relationshipManager', registration: true }), 'nl'),
    );
    for (const id of ['lefApplied', 'lefExplanation', 'returned', 'suitableProposed', 'motivation'])
      expect(card).toContain(`"id":"${id}"`);
    expect(card).toContain('Licht je antwoord toe (verplicht).');
    expect(card).toContain('"type":"Action.Execute"');
    expect(card).toContain('"verb":"submit"');
    expect(card).toContain('"fallback":{"type":"Action.Submit"');
    const internal = JSON.stringify(renderCard(evaluation({ role: 'internalClient' }), 'en'));
    expect(internal).toContain('"id":"impact"');
    expect(internal).not.toContain('"id":"lefApplied"');
  });

  it('shows server-side errors under the input and keeps what was typed', () => {
    const card = renderCard(evaluation({}), 'nl', {
      errors: { lefExplanation: 'Licht je antwoord toe (verplicht).' },
      values: { lefApplied: 'yes', impactExplanation: 'iets' },
    });
    const blocks: Record<string, unknown>[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        blocks.push(node as Record<string, unknown>);
        Object.values(node).forEach(walk);
      }
    };
    walk(card.body);
    const error = blocks.find(
      (b) => b.type === 'TextBlock' && b.text === 'Licht je antwoord toe (verplicht).',
    );
    expect(error).toMatchObject({ color: 'Attention' });
    expect(blocks.find((b) => b.id === 'lefApplied')).toMatchObject({ value: 'yes' });
    expect(blocks.find((b) => b.id === 'impactExplanation')).toMatchObject({ value: 'iets' });
  });

  it('shows an answered card read-only with a Wijzigen button, and a closed one without', () => {
    const answered = JSON.stringify(
      renderCard(
        evaluation({
          state: 'answered',
          answers: { lefApplied: true, lefExplanation: 'ja', impact: false, impactExplanation: 'nee' },
        }),
        'nl',
      ),
    );
    expect(answered).not.toContain('Input.');
    expect(answered).toContain('"title":"Wijzigen"');
    const closed = JSON.stringify(renderCard(evaluation({ state: 'closed' }), 'nl'));
    expect(closed).not.toContain('Wijzigen');
    expect(closed).toContain('De evaluatie is gesloten.');
  });
});
