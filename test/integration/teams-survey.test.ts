// The satisfaction survey on Teams, end to end: real Bot Framework activities to /api/messages, the
// connector stand-in recording what the bot sends. The LEF team opens an extra round by command;
// both sides get their own written-out questionnaire as an Adaptive Card with expanded choices that
// show each answer's description; answers are kept, refused with a reason, and closed after the close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { importRecordsFile } from '../../src/flows/import-records.ts';
import { demoRecords } from '../../src/flows/seed.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import { ConnectorStandIn } from '../support/connector.ts';
import { execute, install, message, post, type TeamsUser, teamsUser } from '../support/teams.ts';

const NOW = Date.parse('2026-11-16T15:00:00+01:00');
const ROUND = 'fbv-2026-Q4';

let bot: Bot;
let connector: ConnectorStandIn;
let clock: ManualClock;
const users: Record<string, TeamsUser> = {};
const user = (name: string) => users[name] as TeamsUser;

beforeAll(async () => {
  connector = await new ConnectorStandIn().start();
  clock = new ManualClock(NOW);
  bot = await startBot({
    config: loadConfig({ PORT: '0', LOCAL_CHANNEL: 'off' }),
    clock,
    inMemory: true,
    startWorker: false,
    log: () => {},
    teams: { sleep: async (ms) => clock.advance(ms) },
  });
  // The demo contract with a survey schedule: the client side is the contract manager and the LEF team.
  const records = demoRecords(NOW);
  records.contract.survey = {
    cadence: 'half-year',
    opensDaysBeforePeriodEnd: 14,
    openDays: 21,
    clientRespondents: ['carla', 'lotte', 'ahmed'],
  };
  await importRecordsFile(bot.store, records, clock);
  users.carla = teamsUser(connector, 'Carla Meijer', 'carla.meijer@rws.nl');
  users.lotte = teamsUser(connector, 'Lotte de Graaf', 'lotte.degraaf@rws.nl');
  users.sanne = teamsUser(connector, 'Sanne Jansen', 'sanne@facilitatorsbv.nl');
  for (const name of ['carla', 'lotte', 'sanne']) await post(bot.url, install(connector, user(name)));
});
afterAll(async () => {
  await bot?.close();
  await connector?.stop();
});

function elements(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  return [record, ...Object.values(record).flatMap(elements)];
}
const text = (card: unknown) => JSON.stringify(card);
const surveyCards = (name: string) =>
  connector.sentTo(user(name).personal).filter((sent) => text(sent.card).includes('Tevredenheidsenquête'));

function invokeCard(response: { status: number; body: unknown }) {
  expect(response.status).toBe(200);
  return (response.body as { value: Record<string, unknown> }).value;
}

describe('the satisfaction survey on Teams', () => {
  it('opens an extra round at the LEF team’s command and sends each side its own questionnaire', async () => {
    await post(bot.url, message(connector, user('lotte'), 'enquete Facilitators BV'));
    const reply = connector.sentTo(user('lotte').personal).at(-1);
    expect(text(reply?.card)).toContain('Extra enquêteronde voor Facilitators BV geopend');
    // Someone outside the LEF team may not.
    await post(bot.url, message(connector, user('carla'), 'enquete Procesbegeleiding & Co'));
    expect(text(connector.sentTo(user('carla').personal).at(-1)?.card)).toContain(
      'Je rol geeft geen toegang tot deze informatie',
    );

    await bot.worker.runOnce();
    const [client] = surveyCards('carla');
    const [supplier] = surveyCards('sanne');
    expect(text(client?.card)).toContain(
      'Hoe heeft de Opdrachtgever de kwaliteit van de samenwerking met de Opdrachtnemer in de achterliggende periode ervaren?',
    );
    expect(text(supplier?.card)).toContain(
      'Hoe is de Opdrachtgever in de achterliggende periode omgegaan met feedback van de Opdrachtnemer?',
    );
    // Expanded choices, each showing the plan's description of the answer.
    const choiceSets = elements(supplier?.card).filter((e) => e.type === 'Input.ChoiceSet');
    expect(choiceSets.map((c) => [c.id, c.style, c.isRequired])).toEqual([
      ['collaboration', 'expanded', true],
      ['feedback', 'expanded', true],
    ]);
    const titles = ((choiceSets[1]?.choices ?? []) as { title: string }[]).map((c) => c.title);
    expect(titles[0]).toBe(
      'a. Slecht — Feedback die is gegeven door de Opdrachtnemer, is slecht opgepakt en de maatregelen leidden tot een niet bevredigend resultaat. Er heeft geen terugkoppeling plaatsgevonden over de genomen maatregelen.',
    );
    // An optional remark beside each question.
    const remarks = elements(supplier?.card).filter((e) => e.type === 'Input.Text');
    expect(remarks.map((r) => [r.id, r.isRequired ?? false])).toEqual([
      ['collaborationRemark', false],
      ['feedbackRemark', false],
    ]);
  });

  it('keeps an answer, says what is missing at the question, and refuses an answer after the close', async () => {
    const carla = assignmentId({ kind: 'survey', round: ROUND, role: 'client', person: 'carla' });
    const incomplete = invokeCard(
      await post(
        bot.url,
        execute(connector, user('carla'), 'submit', { assignmentId: carla, feedback: 'b' }),
      ),
    );
    expect(text(incomplete)).toContain('Kies een van de antwoorden.');

    const answered = invokeCard(
      await post(
        bot.url,
        execute(connector, user('carla'), 'submit', {
          assignmentId: carla,
          collaboration: 'c',
          feedback: 'b',
          feedbackRemark: 'Feedback is snel opgepakt.',
        }),
      ),
    );
    expect(text(answered)).toContain('Bedankt, je antwoorden zijn opgeslagen');
    expect(text(answered)).toContain('Feedback is snel opgepakt.');

    // Someone else's questionnaire cannot be answered.
    const notYours = invokeCard(
      await post(
        bot.url,
        execute(connector, user('sanne'), 'submit', {
          assignmentId: carla,
          collaboration: 'a',
          feedback: 'a',
        }),
      ),
    );
    expect(text(notYours)).toContain('Deze vragenlijst is voor iemand anders');

    const round = (await bot.store.records.exportRecords('lef-2026')).surveyRounds.find(
      (r) => r.id === ROUND,
    );
    expect(round?.responses).toMatchObject([
      { respondent: 'carla', side: 'client', answers: { collaboration: 'c', feedback: 'b' } },
    ]);

    // Three weeks later the round has closed: a late answer is refused and stores nothing.
    clock.set(NOW + 22 * DAY);
    await bot.worker.runOnce();
    const sanne = assignmentId({ kind: 'survey', round: ROUND, role: 'supplier', person: 'sanne' });
    const late = invokeCard(
      await post(
        bot.url,
        execute(connector, user('sanne'), 'submit', {
          assignmentId: sanne,
          collaboration: 'c',
          feedback: 'c',
        }),
      ),
    );
    expect(text(late)).toContain('Deze enquête is gesloten');
    const after = (await bot.store.records.exportRecords('lef-2026')).surveyRounds.find(
      (r) => r.id === ROUND,
    );
    expect(after?.responses).toHaveLength(1);
  });
});
