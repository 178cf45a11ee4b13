// Block Kit for Slack: the same question sets as the cards, within Block Kit's limits; and the
// Slack manifest: least scopes, the commands the bot handles, URLs from one host setting.
import { describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import { parseSlackManifest, SlackManifestError, slackManifest } from '../../src/channels/slack/manifest.ts';
import { type Block, clip, evaluationModal, inputsFromState, renderBlocks } from '../../src/render/blocks.ts';
import { questionnaireModal } from '../../src/render/questionnaire-blocks.ts';
import { lefRecoveryPlan } from '../support/lef.ts';

const session = {
  id: 'ses-1',
  supplierName: 'Facilitators BV',
  start: '2026-03-02T09:00:00+01:00',
  end: '2026-03-02T12:00:00+01:00',
  facilitators: ['Fenna de Vries'],
};
const evaluation = (
  role: 'relationshipManager' | 'internalClient' | 'facilitator',
  state: 'open' | 'answered' | 'closed',
  registration = false,
): Extract<BotMessage, { kind: 'evaluation' }> => ({
  kind: 'evaluation',
  assignmentId: `ses-1|${role}|p1`,
  role,
  registration,
  session,
  closesAt: '2026-03-16T12:00:00+01:00',
  state,
  ...(state === 'open' ? {} : { answers: { lefApplied: true, lefExplanation: 'x'.repeat(5000) } }),
});

/** Every text object and option in a block tree. */
function walk(node: unknown, visit: (record: Block) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit);
  else if (node && typeof node === 'object') {
    visit(node as Block);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

describe('Block Kit', () => {
  const roles = ['relationshipManager', 'internalClient', 'facilitator'] as const;

  it('renders every questionnaire as a modal within Block Kit limits, one input block per input', () => {
    for (const role of roles)
      for (const registration of [false, true]) {
        const modal = evaluationModal(evaluation(role, 'open', registration), 'nl');
        expect(modal.title.text.length).toBeLessThanOrEqual(24);
        expect(modal.submit.text.length).toBeLessThanOrEqual(24);
        expect(modal.close.text.length).toBeLessThanOrEqual(24);
        expect(modal.blocks.length).toBeLessThanOrEqual(100);
        expect(modal.private_metadata.length).toBeLessThanOrEqual(3000);
        walk(modal.blocks, (b) => {
          if (Array.isArray(b.options)) {
            expect(b.options.length).toBeLessThanOrEqual(10);
            for (const o of b.options) expect(o.text.text.length).toBeLessThanOrEqual(75);
          }
        });
        const inputs = modal.blocks.filter((b: Block) => b.type === 'input').map((b: Block) => b.block_id);
        expect(new Set(inputs).size).toBe(inputs.length);
        if (role === 'facilitator')
          expect(inputs).toEqual(['lefApplied', 'lefExplanation', 'impact', 'impactExplanation']);
        if (role === 'relationshipManager' && registration)
          expect(inputs).toEqual([
            'lefApplied',
            'lefExplanation',
            'returned',
            'suitableProposed',
            'motivation',
          ]);
      }
  });

  it('keeps messages within 50 blocks and sections within 3000 characters, and offers the right button', () => {
    for (const state of ['open', 'answered', 'closed'] as const) {
      const { blocks, text } = renderBlocks(evaluation('facilitator', state), 'nl');
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(text).toBe('Evaluatie LEF-sessie — facilitator');
      walk(blocks, (b) => {
        if (b.type === 'mrkdwn' || b.type === 'plain_text') expect(b.text.length).toBeLessThanOrEqual(3000);
      });
      const buttons = JSON.stringify(blocks.filter((b) => b.type === 'actions'));
      if (state === 'open') expect(buttons).toContain('Invullen');
      if (state === 'answered') expect(buttons).toContain('Wijzigen');
      if (state === 'closed') expect(buttons).toBe('[]');
    }
  });

  it('reads a view_submission state back into the inputs the core validates', () => {
    expect(
      inputsFromState({
        lefApplied: { value: { type: 'radio_buttons', selected_option: { value: 'no' } } },
        lefExplanation: { value: { type: 'plain_text_input', value: 'Niet gevolgd' } },
        suitableProposed: { value: { type: 'number_input', value: '3' } },
        impact: { value: { type: 'radio_buttons', selected_option: null } },
      }),
    ).toEqual({ lefApplied: 'no', lefExplanation: 'Niet gevolgd', suitableProposed: '3' });
    expect(clip('abcdef', 4)).toBe('abc…');
  });
});

describe('Slack manifest', () => {
  it('asks only the scopes the bot uses, and points every URL at the one host', () => {
    const manifest = parseSlackManifest(slackManifest('prestatiemonitor.example.nl')) as {
      oauth_config: { scopes: { bot: string[] } };
      features: { slash_commands: { command: string; url: string }[] };
      settings: {
        event_subscriptions: { request_url: string; bot_events: string[] };
        interactivity: { request_url: string };
        socket_mode_enabled: boolean;
      };
    };
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        'chat:write',
        'commands',
        'files:write',
        'im:history',
        'im:write',
        'users:read',
        'users:read.email',
      ].sort(),
    );
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([
      '/scorecard',
      '/prestatiemonitor',
    ]);
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    expect(new Set(urls)).toEqual(new Set(['https://prestatiemonitor.example.nl/slack/events']));
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['message.im']);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(
      (parseSlackManifest(slackManifest('pm.example.nl', { socketMode: true })) as typeof manifest).settings
        .socket_mode_enabled,
    ).toBe(true);
  });

  it('names a wrong host setting', () => {
    expect(() => slackManifest('https://pm.example.nl/')).toThrow(SlackManifestError);
  });
});

describe('Block Kit of a generic questionnaire (the recovery plan)', () => {
  const message = (state: 'open' | 'answered'): BotMessage => ({
    kind: 'questionnaire',
    assignmentId: 'recovery|s1-2026-H2|supplier|sc1',
    set: lefRecoveryPlan.plan,
    facts: [
      {
        title: { nl: 'Leverancier', en: 'Supplier' },
        value: { nl: 'Facilitators BV', en: 'Facilitators BV' },
      },
    ],
    note: {
      tone: 'attention',
      text: { nl: 'Carla vraagt om wijzigingen: x', en: 'Carla asks for changes: x' },
    },
    status: { nl: 'Dien het plan in.', en: 'Submit the plan.' },
    state,
    answers: { causes: 'c'.repeat(5000), actions: 'a', normMetOn: '2026-09-30' },
  });

  it('opens a modal with a text, a date picker and a URL input, within the limits, filled with the plan', () => {
    const modal = questionnaireModal(message('open') as never, 'nl', 'view');
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    const inputs = modal.blocks.filter((b: Block) => b.type === 'input');
    expect(inputs.map((b: Block) => [b.block_id, b.element.type, b.optional])).toEqual([
      ['causes', 'plain_text_input', false],
      ['actions', 'plain_text_input', false],
      ['normMetOn', 'datepicker', false],
      ['link', 'url_text_input', true],
    ]);
    expect(inputs[2]?.element.initial_date).toBe('2026-09-30');
    walk(modal.blocks, (b) => {
      if (b.type === 'mrkdwn' || b.type === 'plain_text') expect(b.text.length).toBeLessThanOrEqual(3000);
    });
    // What Slack sends back from those inputs becomes the answers.
    expect(
      inputsFromState({
        causes: { value: { type: 'plain_text_input', value: 'ziekte' } },
        normMetOn: { value: { type: 'datepicker', selected_date: '2026-09-30' } },
        link: { value: { type: 'url_text_input', value: null } },
      }),
    ).toEqual({ causes: 'ziekte', normMetOn: '2026-09-30' });
  });

  it('shows the answered plan with its note and an edit button, within 3000 characters a section', () => {
    const { blocks, text } = renderBlocks(message('answered'), 'nl');
    expect(text).toBe('Herstelplan');
    const json = JSON.stringify(blocks);
    expect(json).toContain('Carla vraagt om wijzigingen');
    expect(json).toContain('Wijzigen');
    walk(blocks, (b) => {
      if (b.type === 'mrkdwn' || b.type === 'plain_text') expect(b.text.length).toBeLessThanOrEqual(3000);
    });
  });
});

describe('Block Kit of the period summary', () => {
  it('keeps twelve suppliers within the limits: ten fields a section, 2000 characters a field', () => {
    const suppliers = Array.from({ length: 12 }, (_, i) => ({
      supplier: `s${i}`,
      name: `Leverancier ${i} ${'x'.repeat(300)}`,
      kpis: Array.from({ length: 7 }, (_, k) => ({ id: `KPI${k + 1}`, status: 'red' as const })),
      consequence: {
        nl: 'Directe verbetering vereist (kritiek)',
        en: 'Immediate improvement required (critical)',
      },
      red: 7,
      recoveryPlanDue: '2026-07-22',
    }));
    const { blocks } = renderBlocks(
      { kind: 'period-summary', summary: { period: '2026-H1', final: true, suppliers } },
      'nl',
    );
    expect(blocks.length).toBeLessThanOrEqual(50);
    const sections = blocks.filter((b) => b.type === 'section');
    expect(sections.map((b) => b.fields.length)).toEqual([10, 2]);
    walk(blocks, (b) => {
      if (b.type === 'mrkdwn' || b.type === 'plain_text') expect(b.text.length).toBeLessThanOrEqual(2000);
    });
    expect(JSON.stringify(blocks)).toContain('Eindstand: 1e halfjaar 2026');
  });
});
