// The survey's cards parsed by the Adaptive Cards SDK (no unknown elements, no warnings, nothing left
// unfilled) and its Block Kit within Slack's limits, in both languages; the results card shows each
// side's score, the gap and the verdict, and the individual answers only in the manager's copy.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { SurveyMessage, SurveyResultsMessage } from '../../src/channels/survey-views.ts';
import { renderBlocks } from '../../src/render/blocks.ts';
import { renderCard } from '../../src/render/cards.ts';
import { surveyModal } from '../../src/render/survey-blocks.ts';
import { lefSatisfactionSurvey } from '../support/lef.ts';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');

function parseEvents(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message as string);
}

const survey = (over: Partial<SurveyMessage> = {}): SurveyMessage => ({
  kind: 'survey',
  assignmentId: 'survey|s1-2026-H2|supplier|sc1',
  side: 'supplier',
  set: lefSatisfactionSurvey.supplier,
  supplierName: 'Facilitators BV',
  period: '2026-H2',
  opensOn: '2026-12-18',
  closesOn: '2027-01-07',
  timeZone: 'Europe/Amsterdam',
  state: 'open',
  ...over,
});

const results = (individual: boolean): SurveyResultsMessage => ({
  kind: 'survey-results',
  roundId: 's1-2026-H2',
  supplierName: 'Facilitators BV',
  period: '2026-H2',
  closesOn: '2027-01-07',
  timeZone: 'Europe/Amsterdam',
  closed: true,
  questions: [
    {
      id: 'collaboration',
      label: { nl: 'a. Samenwerking', en: 'a. Collaboration' },
      client: 'c',
      supplier: 'a',
      gap: true,
    },
    {
      id: 'feedback',
      label: { nl: 'b. Kwaliteit dienstverlening', en: 'b. Quality of service' },
      client: 'b',
      gap: false,
    },
  ],
  answered: { client: 2, supplier: 1 },
  asked: { client: 3, supplier: 1 },
  norm: 'c',
  meetsNorm: false,
  ...(individual
    ? {
        individual: [
          {
            name: 'Carla',
            side: 'client',
            answers: { collaboration: 'c', feedback: 'b' },
            remarks: { feedback: 'Traag' },
          },
        ],
      }
    : {}),
});

describe('the survey cards', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`parse without warnings or unfilled bindings (${lang})`, () => {
      for (const message of [
        survey(),
        survey({ state: 'answered', answers: { collaboration: 'c', feedback: 'b', feedbackRemark: 'x' } }),
        survey({ state: 'closed' }),
        results(true),
        results(false),
      ]) {
        const card = renderCard(message, lang);
        expect(parseEvents(card)).toEqual([]);
        expect(JSON.stringify(card)).not.toContain('${');
      }
    });
  }

  it('says the results in the reader’s language, with the gap and the verdict, and names people only for the manager', () => {
    const nl = JSON.stringify(renderCard(results(true), 'nl'));
    expect(nl).toContain('Resultaten tevredenheidsenquête — Facilitators BV, 2e halfjaar 2026');
    expect(nl).toContain('Let op: de twee kanten verschillen twee niveaus of meer.');
    expect(nl).toContain(
      'KPI 5 voldoet niet aan de norm: niet elke vraag scoort aan de kant van de opdrachtgever minstens \\"goed\\".',
    );
    expect(nl).toContain(
      'Geantwoord: 2 van 3 aan de kant van de opdrachtgever, 1 van 1 aan de kant van de opdrachtnemer.',
    );
    expect(nl).toContain('Carla (Opdrachtgever)');
    const en = JSON.stringify(renderCard(results(false), 'en'));
    expect(en).toContain('Satisfaction survey results — Facilitators BV, 2nd half of 2026');
    expect(en).not.toContain('Carla');
    expect(en).not.toMatch(/slecht|voldoende|goed/);
  });

  it('keeps Slack’s limits: short radio options, a modal title of at most 24 characters, under 100 blocks', () => {
    for (const lang of ['nl', 'en'] as const) {
      const modal = surveyModal(survey(), lang, 'evaluation');
      expect(modal.title.text.length).toBeLessThanOrEqual(24);
      expect(modal.blocks.length).toBeLessThan(100);
      for (const block of modal.blocks)
        for (const option of block.element?.options ?? [])
          expect(option.text.text.length).toBeLessThanOrEqual(75);
      for (const block of modal.blocks)
        if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      const dm = renderBlocks(results(true), lang);
      expect(dm.blocks.length).toBeLessThanOrEqual(50);
    }
  });
});
