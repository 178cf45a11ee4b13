// A LEF day on Slack, end to end: signed requests to /slack/events, Slack's Web API a local stand-in.
// Lotte plans it with /prestatiemonitor lefdag; Fenna gets the invitation in her DM, opens the modal,
// a blank reason is refused at its field, a reason is kept; Fenna cannot plan a day herself.
import { describe, expect, it } from 'vitest';
import { assignmentId } from '../../src/store/assignments.ts';
import { slackBed } from '../support/slack-setup.ts';
import { interaction, viewSubmission } from '../support/slack-signed.ts';

const USERS = { lotte: 'U0LOTTE', fenna: 'U0FENNA' };
const env = slackBed({
  secret: 'slack-signing-secret-for-lef-days',
  now: Date.parse('2026-11-20T10:00:00+01:00'),
  users: { 'lotte.degraaf@rws.nl': USERS.lotte, 'fenna@facilitatorsbv.nl': USERS.fenna },
});
const fenna = assignmentId({
  kind: 'lefday',
  day: 'lefdag-2026-12-10',
  role: 'invitee',
  person: 'fenna',
} as never);
const text = (value: unknown) => JSON.stringify(value);

describe('a LEF day on Slack', () => {
  it('is planned by the LEF team, not by a facilitator, and the invitation is answered in a modal', async () => {
    const { bot, slack, signed, command } = env;
    const refused = await signed(command(USERS.fenna, '/prestatiemonitor', 'lefdag 10-12-2026'));
    expect(text(refused.body)).toContain('Je rol geeft geen toegang');
    const planned = await signed(command(USERS.lotte, '/prestatiemonitor', 'lefdag 10-12-2026'));
    expect(text(planned.body)).toContain('LEF-dag gepland op 10 december 2026');
    await bot.worker.runOnce();
    const dm = slack
      .of('chat.postMessage')
      .find(
        (c) => c.args.channel === `D${USERS.fenna}` && text(c.args.blocks).includes('Uitnodiging LEF-dag'),
      );
    expect(text(dm?.args.blocks)).toContain('"action_id":"evaluation_open"');

    await signed(
      interaction({
        type: 'block_actions',
        user: { id: USERS.fenna },
        trigger_id: 'trigger-ld',
        response_url: slack.responseUrl('press'),
        actions: [{ type: 'button', action_id: 'evaluation_open', value: fenna }],
      }),
    );
    await expect.poll(() => slack.of('views.open').length).toBe(1);
    const view = slack.of('views.open')[0]?.args.view as { blocks: { type: string; block_id?: string }[] };
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['reason']);

    const blank = await signed(viewSubmission(USERS.fenna, fenna, {}, { reason: '  ' }));
    expect(blank.body).toMatchObject({
      response_action: 'errors',
      errors: { reason: 'Vul dit in (verplicht).' },
    });
    const done = await signed(viewSubmission(USERS.fenna, fenna, {}, { reason: 'Training elders' }));
    expect(done.status).toBe(200);
    await bot.worker.runOnce();
    const day = (await bot.store.records.exportRecords('lef-2026')).lefDays.find(
      (d) => d.id === 'lefdag-2026-12-10',
    );
    expect(day?.attendance).toEqual([
      // Registered when it arrived (the clock moved on by Slack's send limit): before the day.
      {
        person: 'fenna',
        status: 'excused',
        reason: 'Training elders',
        registeredAt: expect.stringMatching(/^2026-11-20T10:00/),
      },
    ]);
  });
});
