// The satisfaction survey on Slack, end to end: signed requests to /slack/events, Slack's Web API a
// local stand-in. The DM's button opens a modal in which each question's answers are described in
// sections above short radio options (at most 75 characters); the submission is kept, or its errors
// come back at the question.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { importRecordsFile } from '../../src/flows/import-records.ts';
import { demoRecords } from '../../src/flows/seed.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import { SlackApiStandIn } from '../support/slack-api.ts';
import { interaction, signedTo, slashCommand, viewSubmission } from '../support/slack-signed.ts';

const SECRET = 'slack-signing-secret-for-survey-tests';
const NOW = Date.parse('2026-11-16T15:00:00+01:00');
const USERS = { lotte: 'U0LOTTE', sanne: 'U0SANNE', carla: 'U0CARLA' };
const ROUND = 'fbv-2026-Q4';

let bot: Bot;
let slack: SlackApiStandIn;
const clock = new ManualClock(NOW);
const signed = (body: string) => signedTo(bot.url, SECRET, body);
const text = (value: unknown) => JSON.stringify(value);

beforeAll(async () => {
  slack = await new SlackApiStandIn().start();
  slack.users.set('lotte.degraaf@rws.nl', USERS.lotte);
  slack.users.set('sanne@facilitatorsbv.nl', USERS.sanne);
  slack.users.set('carla.meijer@rws.nl', USERS.carla);
  bot = await startBot({
    config: loadConfig({
      PORT: '0',
      LOCAL_CHANNEL: 'off',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.url,
    }),
    clock,
    inMemory: true,
    startWorker: false,
    log: () => {},
    slackSleep: async (ms) => clock.advance(ms),
  });
  const records = demoRecords(NOW);
  records.contract.survey = {
    cadence: 'quarter',
    opensDaysBeforePeriodEnd: 10,
    openDays: 14,
    clientRespondents: ['carla', 'lotte'],
  };
  await importRecordsFile(bot.store, records, clock);
});
afterAll(async () => {
  await bot?.close();
  await slack?.stop();
});

const sanne = assignmentId({ kind: 'survey', round: ROUND, role: 'supplier', person: 'sanne' });

describe('the satisfaction survey on Slack', () => {
  it('opens an extra round with /prestatiemonitor enquete and DMs the supplier’s contact her questionnaire', async () => {
    const opened = await signed(
      slashCommand(USERS.lotte, '/prestatiemonitor', 'enquete Facilitators BV', slack.responseUrl('survey')),
    );
    expect(text(opened.body)).toContain('Extra enquêteronde voor Facilitators BV geopend');
    await bot.worker.runOnce();
    const dm = slack.of('chat.postMessage').find((c) => c.args.channel === `D${USERS.sanne}`);
    expect(text(dm?.args.blocks)).toContain('Tevredenheidsenquête — Opdrachtnemer');
    expect(text(dm?.args.blocks)).toContain('"action_id":"evaluation_open"');
    expect(dm?.args.text).toBe('Tevredenheidsenquête over 4e kwartaal 2026 (Facilitators BV)');
  });

  it('shows the questions in a modal: descriptions in sections, short radio options, optional remarks', async () => {
    await signed(
      interaction({
        type: 'block_actions',
        user: { id: USERS.sanne },
        trigger_id: 'trigger-7',
        response_url: slack.responseUrl('press'),
        actions: [{ type: 'button', action_id: 'evaluation_open', value: sanne }],
      }),
    );
    await expect.poll(() => slack.of('views.open').length).toBe(1);
    const view = slack.of('views.open')[0]?.args.view as {
      title: { text: string };
      blocks: {
        type: string;
        block_id?: string;
        optional?: boolean;
        text?: { text: string };
        element?: { options?: { text: { text: string } }[] };
      }[];
    };
    expect(view.title.text).toBe('Tevredenheidsenquête');
    const inputs = view.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => [b.block_id, b.optional ?? false])).toEqual([
      ['collaboration', false],
      ['collaborationRemark', true],
      ['feedback', false],
      ['feedbackRemark', true],
    ]);
    const options = inputs[2]?.element?.options?.map((o) => o.text.text);
    expect(options).toEqual(['a. Slecht', 'b. Voldoende', 'c. Goed', 'd. Zeer goed']);
    for (const block of view.blocks)
      for (const o of block.element?.options ?? []) expect(o.text.text.length).toBeLessThanOrEqual(75);
    // The supplier side's own wording, and each answer's description above the options.
    const sections = view.blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
    expect(sections.join('\n')).toContain(
      'Hoe is de Opdrachtgever in de achterliggende periode omgegaan met feedback van de Opdrachtnemer?',
    );
    expect(sections.join('\n')).toContain(
      '*d. Zeer goed* — Feedback die is gegeven door de Opdrachtnemer, is adequaat opgepakt en leidde tot een bevredigend resultaat. Er heeft een goede terugkoppeling plaatsgevonden over de genomen maatregelen.',
    );
  });

  it('returns a missing answer at its question, then keeps the answer with its remark', async () => {
    const missing = await signed(viewSubmission(USERS.sanne, sanne, { feedback: 'c' }));
    expect(missing.body).toMatchObject({
      response_action: 'errors',
      errors: { collaboration: 'Kies een van de antwoorden.' },
    });
    const done = await signed(
      viewSubmission(
        USERS.sanne,
        sanne,
        { collaboration: 'c', feedback: 'b' },
        { feedbackRemark: 'Graag eerder.' },
      ),
    );
    expect(done.status).toBe(200);
    expect(done.body).toBeUndefined();
    // Carla cannot answer Sanne's questionnaire.
    const other = await signed(viewSubmission(USERS.carla, sanne, { collaboration: 'a', feedback: 'a' }));
    expect(text(other.body)).toContain('Deze vragenlijst is voor iemand anders');
    const round = (await bot.store.records.exportRecords('lef-2026')).surveyRounds.find(
      (r) => r.id === ROUND,
    );
    expect(round?.responses).toMatchObject([
      {
        respondent: 'sanne',
        side: 'supplier',
        answers: { collaboration: 'c', feedback: 'b' },
        remarks: { feedback: 'Graag eerder.' },
      },
    ]);
  });
});
