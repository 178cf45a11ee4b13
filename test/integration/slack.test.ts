// Slack end to end: requests signed exactly as Slack signs them, sent to the running server's
// /slack/events; a local stand-in of Slack's Web API records what the bot calls.
import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/clock.ts';
import { SCORECARD_JOBS } from '../../src/flows/scorecard.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import { SLACK_USERS, slackBed } from '../support/slack-setup.ts';
import { dmEvent, interaction } from '../support/slack-signed.ts';

const SESSION = 'demo-2026-11-16';
const ALERTS = 'C0ALERTS';
const USERS = SLACK_USERS;

const env = slackBed({
  secret: 'slack-signing-secret-for-tests',
  now: Date.parse('2026-11-16T15:00:00+01:00'),
});
const { clock, waits, signed, command } = env;

const fennaAssignment = assignmentId({ session: SESSION, role: 'facilitator', person: 'fenna' });
const answers = {
  lefApplied: 'yes',
  lefExplanation: 'De LEF-aanpak is gevolgd.',
  impact: 'yes',
  impactExplanation: 'Drie vervolgstappen vastgelegd.',
};

function submission(user: string, values: Record<string, string>) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [id, value] of Object.entries(values))
    state[id] = {
      value: /Explanation$/.test(id)
        ? { type: 'plain_text_input', value }
        : { type: 'radio_buttons', selected_option: { value } },
    };
  return interaction({
    type: 'view_submission',
    user: { id: user },
    view: {
      id: 'V1',
      callback_id: 'evaluation',
      private_metadata: fennaAssignment,
      blocks: Object.keys(values).map((id) => ({ type: 'input', block_id: id })),
      state: { values: state },
    },
  });
}

async function fennaEvaluations() {
  return (await env.bot.store.records.exportRecords('lef-2026')).evaluations.filter(
    (e) => e.session === SESSION && e.respondent === 'fenna',
  );
}
const text = (value: unknown) => JSON.stringify(value);

describe('Slack, end to end', () => {
  it('refuses a bad signature and a timestamp six minutes old with 401, touching nothing', async () => {
    const body = command(USERS.rik, '/scorecard', '');
    expect((await signed(body, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await signed(body, { ageSeconds: 360 })).status).toBe(401);
    expect(env.slack.calls).toEqual([]);
  });

  it('sets the alert channel with /prestatiemonitor alerts-hier, for contract managers only', async () => {
    const refused = await signed(command(USERS.sanne, '/prestatiemonitor', 'alerts-hier', ALERTS));
    expect(text(refused.body)).toContain('Je rol geeft geen toegang');
    expect(await env.bot.slack?.channel.addresses.alertChannel()).toBeUndefined();
    const set = await signed(command(USERS.carla, '/prestatiemonitor', 'alerts-hier', ALERTS));
    expect(set).toMatchObject({ status: 200, body: { response_type: 'ephemeral' } });
    expect(text(set.body)).toContain('Dit kanaal ontvangt voortaan de meldingen');
    expect(await env.bot.slack?.channel.addresses.alertChannel()).toEqual({ channel: ALERTS });
  });

  it('DMs each role found by e-mail after the session, and reports who it cannot find', async () => {
    clock.advance(2 * MINUTE);
    await env.bot.worker.runOnce();
    expect(env.slack.of('users.lookupByEmail').map((c) => c.args.email)).toContain('iris.vandijk@rws.nl');
    const posts = env.slack.of('chat.postMessage');
    const toFenna = posts.find((c) => c.args.channel === `D${USERS.fenna}`);
    expect(text(toFenna?.args.blocks)).toContain('Evaluatie LEF-sessie — facilitator');
    expect(text(toFenna?.args.blocks)).toContain('"action_id":"evaluation_open"');
    expect(text(toFenna?.args.blocks)).toContain('Invullen');
    // In Slack's words: the person is not in this workspace (and no other channel reaches her).
    const unreachable =
      'Iris van Dijk is niet te vinden in deze Slack-werkruimte en via geen ander kanaal bereikbaar';
    expect(posts.some((c) => c.args.channel === ALERTS && text(c.args.blocks).includes(unreachable))).toBe(
      true,
    );
    expect(
      posts.some((c) => c.args.channel === `D${USERS.rik}` && text(c.args.blocks).includes(unreachable)),
    ).toBe(true);
  });

  it('answers /scorecard ephemerally, and follows up through response_url when it takes long', async () => {
    const quick = await signed(command(USERS.rik, '/scorecard', 'Facilitators 2026-H2'));
    expect(quick).toMatchObject({ status: 200, body: { response_type: 'ephemeral' } });
    expect(text(quick.body)).toContain('Scorecard Facilitators BV — 2e halfjaar 2026');
    // No public host: the trend is in words, not an image Slack could not fetch.
    expect(text(quick.body)).toContain('Verloop per KPI, van 1e halfjaar 2026 tot 2e halfjaar 2026');
    expect(JSON.stringify(quick.body)).not.toContain('"type":"image"');

    const settings = env.bot.slack?.settings as { commandBudgetMs: number };
    settings.commandBudgetMs = 0;
    try {
      const slow = await signed(command(USERS.rik, '/scorecard', 'Procesbegeleiding'));
      expect(slow.body).toMatchObject({ response_type: 'ephemeral', text: 'Bezig met de scorecard…' });
      await expect
        .poll(() => env.slack.calls.filter((c) => c.method.startsWith('/response/')).length)
        .toBe(1);
      const followUp = env.slack.calls.find((c) => c.method.startsWith('/response/'));
      expect(text(followUp?.args)).toContain('Scorecard Procesbegeleiding & Co');
    } finally {
      settings.commandBudgetMs = 2_000;
    }

    const refused = await signed(command(USERS.fenna, '/scorecard', ''));
    expect(text(refused.body)).toContain('Je rol geeft geen toegang');
  });

  it('opens the questionnaire in a modal from the DM button', async () => {
    const press = await signed(
      interaction({
        type: 'block_actions',
        user: { id: USERS.fenna },
        trigger_id: 'trigger-42',
        response_url: env.slack.responseUrl('press'),
        actions: [{ type: 'button', action_id: 'evaluation_open', value: fennaAssignment }],
      }),
    );
    expect(press.status).toBe(200);
    await expect.poll(() => env.slack.of('views.open').length).toBe(1);
    const view = env.slack.of('views.open')[0]?.args.view as Record<string, unknown> & {
      blocks: { block_id?: string }[];
    };
    expect(env.slack.of('views.open')[0]?.args.trigger_id).toBe('trigger-42');
    expect(view.callback_id).toBe('evaluation');
    // The modal names the contract that asked, so that its submission goes there.
    expect(JSON.parse(view.private_metadata as string)).toEqual({
      contract: 'lef-2026',
      id: fennaAssignment,
    });
    expect((view.title as { text: string }).text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual([
      'lefApplied',
      'lefExplanation',
      'impact',
      'impactExplanation',
    ]);
  });

  it('refuses a blank explanation inline, on its block, and stores nothing', async () => {
    const response = await signed(submission(USERS.fenna, { ...answers, lefExplanation: ' ' }));
    expect(response).toEqual({
      status: 200,
      body: { response_action: 'errors', errors: { lefExplanation: 'Licht je antwoord toe (verplicht).' } },
    });
    expect(await fennaEvaluations()).toEqual([]);
  });

  it('stores a valid answer once, updates the DM into a summary with "Wijzigen", and a repeat changes nothing', async () => {
    const updatesBefore = env.slack.of('chat.update').length;
    const first = await signed(submission(USERS.fenna, answers));
    expect(first.status).toBe(200);
    expect(first.body).toBeUndefined(); // an empty ack closes the modal
    expect(await fennaEvaluations()).toMatchObject([{ lefExplanation: answers.lefExplanation }]);
    await env.bot.worker.runOnce(); // the DM becomes the summary through the outbox, after the ack
    const updates = env.slack.of('chat.update').slice(updatesBefore);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.args.channel).toBe(`D${USERS.fenna}`);
    expect(text(updates[0]?.args.blocks)).toContain('Bedankt, je antwoorden zijn opgeslagen');
    expect(text(updates[0]?.args.blocks)).toContain('Wijzigen');

    const again = await signed(submission(USERS.fenna, answers));
    expect(again.status).toBe(200);
    await env.bot.worker.runOnce();
    expect(await fennaEvaluations()).toHaveLength(1);
    expect(env.slack.of('chat.update').length - updatesBefore).toBe(1);
  });

  it('refuses someone answering for another person', async () => {
    const response = await signed(submission(USERS.rik, { ...answers, impact: 'no' }));
    expect(text(response.body)).toContain('Deze vragenlijst is voor iemand anders');
    expect(await fennaEvaluations()).toMatchObject([{ impact: true }]);
  });

  it('answers a DM command once, however often Slack delivers the event', async () => {
    const event = dmEvent(USERS.rik, 'Ev0HELP1', 'help');
    const before = env.slack.of('chat.postMessage').length;
    expect((await signed(event, { type: 'application/json' })).status).toBe(200);
    await expect.poll(() => env.slack.of('chat.postMessage').length).toBe(before + 1);
    const retry = await signed(event, {
      type: 'application/json',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(env.slack.of('chat.postMessage').length).toBe(before + 1);
    expect(text(env.slack.of('chat.postMessage').at(-1)?.args.blocks)).toContain('Dit kan ik voor je doen');
  });

  it('sends DM replies through the one-a-second limiter of that DM', async () => {
    const dm = (id: string) => dmEvent(USERS.rik, id, 'help');
    const before = env.slack.of('chat.postMessage').length;
    waits.length = 0;
    expect((await signed(dm('Ev0HELP2'), { type: 'application/json' })).status).toBe(200);
    expect((await signed(dm('Ev0HELP3'), { type: 'application/json' })).status).toBe(200);
    await expect.poll(() => env.slack.of('chat.postMessage').length).toBe(before + 2);
    // The manual clock stood still between the two: the second reply waited for its second.
    expect(waits.filter((ms) => ms > 0 && ms <= 1_000).length).toBeGreaterThanOrEqual(1);
  });

  it('sends a burst of 500 through the outbox completely, none twice, waiting out 429 Retry-After', async () => {
    waits.length = 0;
    const count = 500;
    await env.bot.core.outbox.enqueue(
      Array.from({ length: count }, (_, n) => ({
        id: `burst-alert|${n}`,
        kind: SCORECARD_JOBS.alert,
        payload: {
          alert: {
            supplier: 'pco',
            supplierName: `Leverancier ${n}`,
            period: '2026-H2',
            newlyRed: [{ id: 'KPI6', name: { nl: 'Managementrapportage', en: 'Management report' } }],
            red: ['KPI6'],
            consequence: { nl: 'Extra inspanning', en: 'Extra effort' },
            critical: false,
          },
        },
        dueAt: clock.now(),
      })),
    );
    env.slack.rateLimitNext('chat.postMessage', 2); // waited inline
    env.slack.rateLimitNext('chat.postMessage', 45); // too long to wait: back to the outbox
    const start = clock.now();
    await env.bot.worker.runOnce();
    // One a second in the channel: 500 alerts take over eight minutes (the waits move the manual clock), in
    // which the item put back for 45 s comes due again and is sent.
    expect(clock.now() - start).toBeGreaterThanOrEqual(499_000);
    expect(waits).not.toContain(45_000);
    clock.advance(46_000);
    await env.bot.worker.runOnce();
    clock.advance(60_000);
    await env.bot.worker.runOnce();

    const delivered = env.slack
      .of('chat.postMessage')
      .filter((c) => c.args.channel === ALERTS && !c.args.rateLimited)
      .map((c) => /Leverancier (\d+)/.exec(text(c.args.blocks))?.[1])
      .filter((n): n is string => n !== undefined);
    expect(new Set(delivered).size).toBe(count);
    expect(delivered).toHaveLength(count); // none twice
    expect(waits).toContain(2_000);
    expect(env.slack.of('chat.postMessage').filter((c) => c.args.rateLimited)).toHaveLength(2);
    expect(await env.bot.core.outbox.pending()).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ id: expect.stringMatching(/^burst-alert/) })]),
    );
  });
});
