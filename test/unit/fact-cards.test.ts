// The cards of the facts collected in chat (a client request's registration, social return and its
// confirmation, a person's form), parsed by the adaptivecards SDK at schema 1.5 with every binding
// filled, and as Slack modals within Block Kit's limits, with what Slack sends back read as a card's
// answers (checkboxes as a card's multi-select sends them).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import type { QuestionnaireMessage } from '../../src/channels/questionnaire-view.ts';
import { parseAnswers } from '../../src/questionnaires/answers.ts';
import {
  facilitatorSet,
  personSet,
  reportDeliverySet,
  reportReviewSet,
  requestRegistrationSet,
  socialReturnFiguresSet,
  socialReturnPlanSet,
  socialReturnReviewSet,
} from '../../src/questionnaires/facts.ts';
import type { QuestionSet } from '../../src/questionnaires/types.ts';
import { type Block, inputsFromState, renderBlocks } from '../../src/render/blocks.ts';
import { type AdaptiveCard, renderCard } from '../../src/render/cards.ts';
import { questionnaireModal } from '../../src/render/questionnaire-blocks.ts';
import { lef } from '../support/lef.ts';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');

function parseEvents(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message as string);
}

const suppliers = Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, name: `Leverancier ${i}` }));
const sets: [string, QuestionSet, Record<string, string | number>][] = [
  [
    'request registration',
    requestRegistrationSet,
    { returned: 'no', suitableProposed: 2, motivation: 'Goed' },
  ],
  ['social return plan', socialReturnPlanSet, { planDate: '2026-03-20', link: 'https://example.nl/plan' }],
  ['social return figures', socialReturnFiguresSet, { revenue: 120000, sroiValue: 3000.5 }],
  ['social return review', socialReturnReviewSet, { decision: 'changes', reason: 'Omzet klopt niet' }],
  [
    'person',
    personSet(suppliers, true),
    { name: 'Nina', email: 'nina@example.nl', roles: 'facilitator,supplierContact', supplier: 's1' },
  ],
  ['facilitator', facilitatorSet('Facilitators BV', false), { name: 'Nina', onboardedOn: '2026-04-01' }],
  ['report delivery', reportDeliverySet(lef.kpis), { explainKPI1: 'Twee aanvragen in de zomer' }],
  ['report review', reportReviewSet, { decision: 'changes', reason: 'KPI 3 ontbreekt' }],
];

const message = (set: QuestionSet, state: QuestionnaireMessage['state'], answers?: object): BotMessage => ({
  kind: 'questionnaire',
  assignmentId: `person|p-1|${set.id}|cm1`,
  set,
  facts: [{ title: { nl: 'Persoon', en: 'Person' }, value: { nl: 'Nina', en: 'Nina' } }],
  status: { nl: 'Vul in.', en: 'Fill in.' },
  state,
  ...(answers ? { answers: answers as QuestionnaireMessage['answers'] } : {}),
});

/** Every text object and option in a block tree. */
function walk(node: unknown, visit: (record: Block) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit);
  else if (node && typeof node === 'object') {
    visit(node as Block);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

describe('the cards of facts in chat', () => {
  for (const [name, set, answers] of sets)
    for (const state of ['open', 'answered', 'closed'] as const)
      for (const lang of ['nl', 'en'] as const)
        it(`${name}, ${state} (${lang}): parses without events, with every binding filled`, () => {
          const card = renderCard(message(set, state, state === 'open' ? undefined : answers), lang);
          expect(parseEvents(card)).toEqual([]);
          expect(Number(card.version)).toBeLessThanOrEqual(1.5);
          expect(JSON.stringify(card)).not.toContain('${');
        });

  it('offers the roles as a multi-select, the amounts and e-mail as their own inputs', () => {
    const card = JSON.stringify(renderCard(message(personSet(suppliers, false), 'open'), 'nl'));
    expect(card).toContain('"isMultiSelect":true');
    expect(card).toContain('"style":"Email"');
    const figures = JSON.stringify(renderCard(message(socialReturnFiguresSet, 'open'), 'nl'));
    expect(figures).toContain('Bedrag in euro’s, zoals 1250,50');
    const registration = JSON.stringify(renderCard(message(requestRegistrationSet, 'open'), 'en'));
    expect(registration).toContain('"type":"Input.Number"');
  });

  it('keeps a whole number in its number input, and asks more than nine suppliers by name', () => {
    const card = renderCard(
      message(requestRegistrationSet, 'open', { returned: 'no', suitableProposed: 2 }),
      'nl',
    );
    expect(JSON.stringify(card)).toContain('"type":"Input.Number","id":"suitableProposed"');
    expect(JSON.stringify(card)).toMatch(/"id":"suitableProposed"[^}]*"value":2[,}]/);
    const few = personSet(suppliers.slice(0, 9), false).questions.find((q) => q.id === 'supplier');
    expect(few).toMatchObject({
      kind: 'choice',
      options: expect.arrayContaining([expect.objectContaining({ value: 's8' })]),
    });
    expect(personSet(suppliers, false).questions.find((q) => q.id === 'supplier')).toMatchObject({
      kind: 'text',
    });
  });

  it('shows answered figures as euros and roles by name', () => {
    const figures = JSON.stringify(
      renderCard(message(socialReturnFiguresSet, 'answered', sets[2]?.[2]), 'nl'),
    );
    // Intl puts a no-break space between the sign and the amount.
    expect(figures).toMatch(/€\s120\.000,00/);
    expect(figures).toMatch(/€\s3\.000,50/);
    const person = JSON.stringify(
      renderCard(message(personSet(suppliers, true), 'answered', sets[4]?.[2]), 'en'),
    );
    expect(person).toContain("Facilitator, Supplier's contact");
  });
});

describe('a document beside the questions (a report to open)', () => {
  const withLink = (url: string): BotMessage => ({
    ...(message(reportDeliverySet(lef.kpis), 'open') as QuestionnaireMessage),
    link: {
      title: { nl: 'Concept openen (PDF)', en: 'Open the draft (PDF)' },
      url: { nl: `${url}?nl`, en: `${url}?en` },
    },
  });

  it('opens it with Action.OpenUrl on a card, in the reader’s language', () => {
    const card = renderCard(withLink('https://bot.example.nl/reports/abc.def'), 'en');
    expect(parseEvents(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(
      '{"type":"Action.OpenUrl","title":"Open the draft (PDF)","url":"https://bot.example.nl/reports/abc.def?en"}',
    );
    expect(JSON.stringify(renderCard(message(reportReviewSet, 'open'), 'nl'))).not.toContain(
      'Action.OpenUrl',
    );
  });

  it('links it on Slack only at a public https address', () => {
    const linked = JSON.stringify(
      renderBlocks(withLink('https://bot.example.nl/reports/abc.def'), 'nl').blocks,
    );
    expect(linked).toContain('<https://bot.example.nl/reports/abc.def?nl|Concept openen (PDF)>');
    const local = JSON.stringify(renderBlocks(withLink('/reports/abc.def'), 'nl').blocks);
    expect(local).not.toContain('/reports/');
  });
});

describe('sections beside the questions (a meeting preparation)', () => {
  const withSections: BotMessage = {
    ...(message(reportReviewSet, 'open') as QuestionnaireMessage),
    sections: [
      {
        title: { nl: 'Reflectievragen', en: 'Reflection questions' },
        lines: [
          { nl: 'Herkennen we deze data in de praktijk?', en: 'Do we recognise these data in practice?' },
          { nl: 'Wat vinden we ervan?', en: 'What do we think of them?' },
        ],
      },
    ],
  };

  it('are a titled container of lines on a card, and a bulleted section on Slack', () => {
    const card = renderCard(withSections, 'en');
    expect(parseEvents(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('"text":"Reflection questions","weight":"Bolder"');
    expect(text).toContain('"text":"What do we think of them?"');
    const blocks = JSON.stringify(renderBlocks(withSections, 'nl').blocks);
    expect(blocks).toContain(
      '*Reflectievragen*\\n• Herkennen we deze data in de praktijk?\\n• Wat vinden we ervan?',
    );
    expect(JSON.stringify(renderCard(message(reportReviewSet, 'open'), 'nl'))).not.toContain(
      'Reflectievragen',
    );
  });
});

describe('the Slack modals of facts in chat', () => {
  for (const [name, set] of sets)
    it(`${name}: within Block Kit's limits, one input block per question`, () => {
      const modal = questionnaireModal(message(set, 'open') as never, 'nl', 'view');
      expect(modal.title.text.length).toBeLessThanOrEqual(24);
      expect(modal.blocks.length).toBeLessThanOrEqual(100);
      walk(modal.blocks, (b) => {
        if (Array.isArray(b.options)) {
          expect(b.options.length).toBeLessThanOrEqual(10);
          for (const o of b.options) expect(o.text.text.length).toBeLessThanOrEqual(75);
        }
        if (b.type === 'mrkdwn' || b.type === 'plain_text') expect(b.text.length).toBeLessThanOrEqual(3000);
      });
      const inputs = modal.blocks.filter((b: Block) => b.type === 'input').map((b: Block) => b.block_id);
      expect(inputs).toEqual(set.questions.map((q) => q.id));
      expect(renderBlocks(message(set, 'answered'), 'en').blocks.length).toBeLessThanOrEqual(50);
    });

  it('reads checkboxes, an e-mail and an amount back as the answers a card would send', () => {
    const modal = questionnaireModal(message(personSet(suppliers, false), 'open') as never, 'nl', 'view');
    const types = Object.fromEntries(
      modal.blocks.filter((b: Block) => b.type === 'input').map((b: Block) => [b.block_id, b.element.type]),
    );
    expect(types).toMatchObject({
      roles: 'checkboxes',
      email: 'email_text_input',
      onboardedOn: 'datepicker',
    });
    const inputs = inputsFromState({
      name: { value: { type: 'plain_text_input', value: 'Nina' } },
      email: { value: { type: 'email_text_input', value: 'nina@example.nl' } },
      roles: {
        value: {
          type: 'checkboxes',
          selected_options: [{ value: 'supplierContact' }, { value: 'facilitator' }],
        },
      },
      supplier: { value: { type: 'radio_buttons', selected_option: { value: 's1' } } },
    });
    const parsed = parseAnswers(personSet(suppliers, false), inputs);
    // In the options' order, whatever order they were ticked in; an empty date is no date.
    expect(parsed).toEqual({
      ok: true,
      answers: {
        name: 'Nina',
        email: 'nina@example.nl',
        roles: 'facilitator,supplierContact',
        supplier: 's1',
      },
    });
  });
});

describe('the answers of the new kinds of question', () => {
  it('takes euros as typed in Dutch or English, and names what is wrong', () => {
    const ok = (revenue: string) => parseAnswers(socialReturnFiguresSet, { revenue, sroiValue: '0' });
    expect(ok('1.250,50')).toMatchObject({ answers: { revenue: 1250.5 } });
    expect(ok('1250.5')).toMatchObject({ answers: { revenue: 1250.5 } });
    expect(ok('€ 120000')).toMatchObject({ answers: { revenue: 120000 } });
    expect(ok('0,29')).toMatchObject({ answers: { revenue: 0.29 } });
    for (const bad of ['-5', '12,345', 'veel', '1e5', ''])
      expect(ok(bad)).toMatchObject({
        ok: false,
        fields: { revenue: { nl: expect.stringContaining('bedrag in euro') } },
      });
  });

  it('refuses an unknown role, no role, a bad e-mail and a plan without a link', () => {
    const person = personSet(suppliers, false);
    const base = { name: 'Nina', email: 'nina@example.nl', supplier: '-' };
    expect(parseAnswers(person, { ...base, roles: 'facilitator,admin' })).toMatchObject({
      ok: false,
      fields: { roles: expect.anything() },
    });
    expect(parseAnswers(person, { ...base, roles: '' })).toMatchObject({
      ok: false,
      fields: { roles: { nl: 'Kies er minstens één.' } },
    });
    expect(parseAnswers(person, { ...base, roles: 'manager', email: 'nina@' })).toMatchObject({
      ok: false,
      fields: { email: expect.anything() },
    });
    expect(parseAnswers(socialReturnPlanSet, { planDate: '2026-03-20', link: '' })).toMatchObject({
      ok: false,
      fields: { link: { nl: expect.stringContaining('(verplicht)') } },
    });
  });
});
