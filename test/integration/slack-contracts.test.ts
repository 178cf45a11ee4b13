// Several contracts on one Slack app (issue 16): signed commands and interactions against the
// running server, both demo contracts loaded. Someone in both names the contract, chooses one, or
// is asked; someone of one contract learns nothing of the other; a modal goes to its contract.
import { describe, expect, it } from 'vitest';
import { slackBed } from '../support/slack-setup.ts';
import { interaction, viewSubmission } from '../support/slack-signed.ts';

const USERS = { daan: 'U0DAAN', vincent: 'U0VINCENT', carla: 'U0CARLA', gerda: 'U0GERDA' } as const;
const LEF = 'lef-2026';
const VVE = 'voorschoten-2026';

const env = slackBed({
  secret: 'slack-signing-secret-for-contract-tests',
  now: Date.parse('2026-12-04T10:00:00+01:00'),
  users: {
    'daan.kuiper@inkoopadvies.nl': USERS.daan,
    'vincent@voorschotenvoorelkaar.nl': USERS.vincent,
    'carla.meijer@rws.nl': USERS.carla,
    'g.mulder@voorschoten.nl': USERS.gerda,
  },
});
const { signed, command } = env;
const text = (value: unknown) => JSON.stringify(value);

describe('several contracts on Slack', () => {
  it('asks Daan, who is in both, which contract; takes one named; keeps his choice', async () => {
    const asked = await signed(command(USERS.daan, '/scorecard', ''));
    expect(text(asked.body)).toContain('Je werkt in meer dan één contract');
    const lef = await signed(command(USERS.daan, '/scorecard', `${LEF} Facilitators`));
    expect(text(lef.body)).toContain('Scorecard Facilitators BV');
    const chosen = await signed(command(USERS.daan, '/prestatiemonitor', `contract ${VVE}`));
    expect(text(chosen.body)).toContain(`Je opdrachten gaan voortaan naar ${VVE}`);
    const vve = await signed(command(USERS.daan, '/scorecard', 'vve'));
    expect(text(vve.body)).toContain('Voorschoten voor Elkaar');
    expect(text(vve.body)).not.toContain('KPI1');
    // Slack was asked about him once, though two contracts looked him up.
    expect(env.slack.of('users.info').filter((c) => c.args.user === USERS.daan)).toHaveLength(1);
  });

  it('tells Vincent and Carla nothing of the contract they are not in', async () => {
    const vincent = await signed(command(USERS.vincent, '/scorecard', `${LEF} Facilitators`));
    expect(text(vincent.body)).toContain(`Contract \\"${LEF}\\" ken ik niet voor jou`);
    expect(text(vincent.body)).not.toContain('Facilitators BV');
    const carla = await signed(command(USERS.carla, '/prestatiemonitor', `${VVE} scorecard vve`));
    expect(text(carla.body)).toContain(`Contract \\"${VVE}\\" ken ik niet voor jou`);
    const own = await signed(command(USERS.carla, '/scorecard', 'Facilitators'));
    expect(text(own.body)).toContain('Scorecard Facilitators BV');
  });

  it("sets Voorschoten's alert channel from a command naming it, and LEF's stays unset", async () => {
    const set = await signed(command(USERS.daan, '/prestatiemonitor', `${VVE} alerts-hier`, 'C0VVE'));
    expect(text(set.body)).toContain('Dit kanaal ontvangt voortaan de meldingen');
    const vve = env.bot.contracts.get(VVE);
    expect(await vve?.slack?.addresses.alertChannel()).toEqual({ channel: 'C0VVE' });
    expect(await env.bot.contracts.get(LEF)?.slack?.addresses.alertChannel()).toBeUndefined();
  });

  it("opens Daan's questionnaire of the contract it belongs to, and takes his answer there", async () => {
    await signed(command(USERS.gerda, '/prestatiemonitor', 'overleg vve 2026-12-09 14:00'));
    await env.bot.contracts.get(VVE)?.worker.runOnce();
    const dm = env.slack.of('chat.postMessage').filter((c) => c.args.channel === `D${USERS.daan}`);
    const blocks = text(dm.at(-1)?.args.blocks);
    expect(blocks).toContain('Voorbereiding');
    // The button names its contract: the one Slack app sends the click there.
    const button = JSON.parse(blocks)
      .flatMap((b: { elements?: { action_id?: string; value?: string }[] }) => b.elements ?? [])
      .find((e: { action_id?: string }) => e.action_id === 'evaluation_open') as { value: string };
    const value = button.value;
    expect(JSON.parse(value)).toEqual({
      contract: VVE,
      id: 'meeting|overleg-vve-2026-12-09|participant|daan',
    });
    const press = () =>
      signed(
        interaction({
          type: 'block_actions',
          user: { id: USERS.daan },
          trigger_id: 'trigger-daan',
          response_url: env.slack.responseUrl('press-daan'),
          actions: [{ type: 'button', action_id: 'evaluation_open', value }],
        }),
      );
    await press();
    await expect.poll(() => env.slack.of('views.open').length).toBe(1);
    expect(text(env.slack.of('views.open')[0]?.args.view)).toContain('Voorbereiding');
    // The modal names its contract too.
    const opened = env.slack.of('views.open')[0]?.args.view as { private_metadata: string } | undefined;
    const metadata = String(opened?.private_metadata);
    expect(JSON.parse(metadata)).toMatchObject({ contract: VVE });
    const submitted = await signed(viewSubmission(USERS.daan, metadata, {}, { points: 'Bereik maatjes' }));
    // Taken (an empty ack closes the modal); a refusal would come back as errors at the question.
    expect(submitted.status).toBe(200);
    expect(submitted.body).toBeFalsy();
    await press();
    await expect.poll(() => env.slack.of('views.open').length).toBe(2);
    expect(text(env.slack.of('views.open')[1]?.args.view)).toContain('Bereik maatjes');
  });
});
