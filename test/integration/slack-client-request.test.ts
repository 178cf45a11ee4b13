// A client request on Slack, end to end: signed requests to /slack/events, Slack's Web API a local
// stand-in. Rik registers it with /prestatiemonitor aanvraag; Sanne (the supplier's contact) is told
// in her DM; Rik opens the registration modal (a number input for the facilitators proposed), a
// number out of range and a blank motivation are refused at their fields, then it is kept with the
// request. Sanne cannot register a request herself.
import { describe, expect, it } from 'vitest';
import { slackBed } from '../support/slack-setup.ts';
import { interaction, viewSubmission } from '../support/slack-signed.ts';

const USERS = { rik: 'U0RIK', sanne: 'U0SANNE' };
const env = slackBed({
  secret: 'slack-signing-secret-for-requests',
  now: Date.parse('2026-11-20T10:00:00+01:00'),
  users: { 'rik.hendriks@rws.nl': USERS.rik, 'sanne@facilitatorsbv.nl': USERS.sanne },
});
const text = (value: unknown) => JSON.stringify(value);

describe('a client request on Slack', () => {
  it('is registered by a relationship manager, told to the supplier, and its proposal registered in a modal', async () => {
    const { bot, slack, signed, command } = env;
    const refused = await signed(
      command(USERS.sanne, '/prestatiemonitor', 'aanvraag Facilitators 20-11-2026 2 Sessie'),
    );
    expect(text(refused.body)).toContain('Je rol geeft geen toegang');
    const done = await signed(
      command(
        USERS.rik,
        '/prestatiemonitor',
        'aanvraag Facilitators 20-11-2026 2 Sessie over de Afsluitdijk',
      ),
    );
    const id = /(aanvraag-[0-9a-f]{8})/.exec(text(done.body))?.[1] as string;
    expect(id).toBeDefined();
    await bot.worker.runOnce();
    await bot.worker.runOnce();
    const told = slack
      .of('chat.postMessage')
      .find((c) => c.args.channel === `D${USERS.sanne}` && text(c.args).includes(id));
    expect(text(told?.args)).toContain('Waarvoor: Sessie over de Afsluitdijk');
    const card = slack
      .of('chat.postMessage')
      .find(
        (c) =>
          c.args.channel === `D${USERS.rik}` &&
          text(c.args.blocks).includes('Klantaanvraag: voorstel registreren'),
      );
    expect(card).toBeDefined();

    const assignment = `request|${id}|registration|rik`;
    await signed(
      interaction({
        type: 'block_actions',
        user: { id: USERS.rik },
        trigger_id: 'trigger-cr',
        response_url: slack.responseUrl('press'),
        actions: [{ type: 'button', action_id: 'evaluation_open', value: assignment }],
      }),
    );
    await expect.poll(() => slack.of('views.open').length).toBe(1);
    const view = slack.of('views.open')[0]?.args.view as {
      blocks: { type: string; block_id?: string; element?: { type: string } }[];
    };
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => [b.block_id, b.element?.type])).toEqual([
      ['returned', 'radio_buttons'],
      ['suitableProposed', 'number_input'],
      ['motivation', 'plain_text_input'],
    ]);
    const bad = await signed(
      viewSubmission(USERS.rik, assignment, { returned: 'no' }, { suitableProposed: '12', motivation: ' ' }),
    );
    expect(bad.body).toMatchObject({
      response_action: 'errors',
      errors: {
        suitableProposed: 'Vul een heel getal van 0 tot en met 10 in.',
        motivation: expect.any(String),
      },
    });
    const ok = await signed(
      viewSubmission(
        USERS.rik,
        assignment,
        { returned: 'no' },
        { suitableProposed: '2', motivation: 'Twee passende profielen' },
      ),
    );
    expect(ok.status).toBe(200);
    await bot.worker.runOnce();
    const request = await bot.store.records.findRequest('lef-2026', id);
    expect(request?.registration).toMatchObject({
      by: 'rik',
      suitableProposed: 2,
      returned: false,
      motivation: 'Twee passende profielen',
    });
  });
});
