// A survey round end to end on the questionnaire engine, against Azurite with a moved clock: both
// sides asked their own written-out questions, reminders to those who have not answered, answers
// changed until the close and refused after it, the results to both sides, the round scored.
import { describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import type { SurveyMessage, SurveyResultsMessage } from '../../src/channels/survey-views.ts';
import { DAY } from '../../src/clock.ts';
import { parsePeriod } from '../../src/domain/periods.ts';
import type { Records } from '../../src/domain/records.ts';
import { prepare, scoreSupplier } from '../../src/domain/scoring.ts';
import { formatIssues, parseRecords } from '../../src/domain/validate.ts';
import { UserError } from '../../src/errors.ts';
import { handleCommand } from '../../src/flows/commands.ts';
import { submitAnswers } from '../../src/flows/evaluations.ts';
import { surveyJob } from '../../src/flows/survey-rounds.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import { coreWith, sharedAzurite } from '../support/core-setup.ts';
import { baseRecords } from '../support/records.ts';

const azurite = sharedAzurite();

function records(): Records {
  const r = baseRecords();
  r.contract.survey = {
    cadence: 'half-year',
    opensDaysBeforePeriodEnd: 14,
    openDays: 21,
    clientRespondents: ['cm1', 'lt1'],
  };
  const parsed = parseRecords(r);
  if (!parsed.ok) throw new Error(formatIssues(parsed.issues, 'en').join('\n'));
  return parsed.records;
}

const OPENS = Date.parse('2026-06-17T08:00:00+02:00');
const surveyOf = (person: string, side: 'client' | 'supplier', round = 's1-2026-H1') =>
  assignmentId({ kind: 'survey', round, role: side, person });

async function messagesOf(
  conversations: { list(p: string): Promise<{ message: BotMessage }[]> },
  person: string,
) {
  return (await conversations.list(person)).map((m) => m.message);
}
const surveys = (messages: BotMessage[]) => messages.filter((m): m is SurveyMessage => m.kind === 'survey');
const results = (messages: BotMessage[]) =>
  messages.filter((m): m is SurveyResultsMessage => m.kind === 'survey-results');

async function opened() {
  const setup = await coreWith(azurite(), 'svr', records(), OPENS);
  await new Scheduler(setup.core, [surveyJob], 'one').tick();
  await setup.worker.runOnce(); // opens the rounds
  await setup.worker.runOnce(); // sends the prompts
  return setup;
}

describe('a survey round on the questionnaire engine', () => {
  it('asks each side the plan’s questions written out for that side, with every answer described', async () => {
    const { conversations } = await opened();
    const [client] = surveys(await messagesOf(conversations, 'cm1'));
    const [supplier] = surveys(await messagesOf(conversations, 'sc1'));
    expect(client?.side).toBe('client');
    expect(supplier?.side).toBe('supplier');
    expect(client?.set.questions.map((q) => q.label.nl)).toEqual([
      'a. Samenwerking — Hoe heeft de Opdrachtgever de kwaliteit van de samenwerking met de Opdrachtnemer in de achterliggende periode ervaren?',
      'b. Kwaliteit dienstverlening — Hoe is de Opdrachtnemer in de achterliggende periode omgegaan met feedback van de Opdrachtgever?',
    ]);
    expect(supplier?.set.questions.map((q) => q.label.nl)).toEqual([
      'a. Samenwerking — Hoe heeft de Opdrachtnemer de kwaliteit van de samenwerking met de Opdrachtgever in de achterliggende periode ervaren?',
      'b. Kwaliteit dienstverlening — Hoe is de Opdrachtgever in de achterliggende periode omgegaan met feedback van de Opdrachtnemer?',
    ]);
    const feedback = supplier?.set.questions[1];
    expect(
      feedback?.kind === 'choice' && feedback.options.map((o) => `${o.label.nl}: ${o.description?.nl}`),
    ).toEqual([
      'a. Slecht: Feedback die is gegeven door de Opdrachtnemer, is slecht opgepakt en de maatregelen leidden tot een niet bevredigend resultaat. Er heeft geen terugkoppeling plaatsgevonden over de genomen maatregelen.',
      'b. Voldoende: Feedback die is gegeven door de Opdrachtnemer, is moeizaam opgepakt, maar leidde tot een bevredigend resultaat. Er heeft een beperkte terugkoppeling plaatsgevonden over de genomen maatregelen.',
      'c. Goed: Feedback die is gegeven door de Opdrachtnemer, is adequaat opgepakt en leidde tot een bevredigend resultaat. Er heeft een beperkte terugkoppeling plaatsgevonden over de genomen maatregelen.',
      'd. Zeer goed: Feedback die is gegeven door de Opdrachtnemer, is adequaat opgepakt en leidde tot een bevredigend resultaat. Er heeft een goede terugkoppeling plaatsgevonden over de genomen maatregelen.',
    ]);
    // s2 has no contact: only the client side is asked about it.
    expect(
      surveys(await messagesOf(conversations, 'cm1'))
        .map((m) => m.assignmentId)
        .sort(),
    ).toEqual([surveyOf('cm1', 'client'), surveyOf('cm1', 'client', 's2-2026-H1')].sort());
  });

  it('keeps answers once, refuses someone else’s and bad ones, reminds, sends results when judged, and refuses a late answer', async () => {
    const { core, clock, conversations, worker, store } = await opened();
    const cm1 = surveyOf('cm1', 'client');
    const answer = { collaboration: 'c', feedback: 'b', feedbackRemark: '  Snel opgepakt  ' };
    // The same answers again a second later (a retried delivery): kept once (the export below).
    await submitAnswers(core, 'cm1', cm1, answer);
    clock.advance(1_000);
    await submitAnswers(core, 'cm1', cm1, answer);
    await expect(submitAnswers(core, 'lt1', cm1, answer)).rejects.toMatchObject({ code: 'not-yours' });
    const bad = await submitAnswers(core, 'lt1', surveyOf('lt1', 'client'), { collaboration: 'x' }).catch(
      (e: unknown) => e,
    );
    expect(bad).toBeInstanceOf(UserError);
    expect(Object.keys((bad as UserError).fields).sort()).toEqual(['collaboration', 'feedback']);

    // Three days later: a reminder to those who have not answered, not to cm1.
    clock.set(OPENS + 3 * DAY);
    await worker.runOnce();
    const reminded = async (person: string, side: 'client' | 'supplier') =>
      surveys(await messagesOf(conversations, person)).filter(
        (m) => m.reminder === 1 && m.assignmentId === surveyOf(person, side),
      );
    expect(await reminded('lt1', 'client')).toHaveLength(1);
    expect(await reminded('sc1', 'supplier')).toHaveLength(1);
    expect(await reminded('cm1', 'client')).toEqual([]);

    // The supplier answers, then the last client-side respondent: the round is judged early.
    await submitAnswers(core, 'sc1', surveyOf('sc1', 'supplier'), { collaboration: 'a', feedback: 'c' });
    clock.advance(60_000);
    await submitAnswers(core, 'lt1', surveyOf('lt1', 'client'), { collaboration: 'c', feedback: 'c' });
    await worker.runOnce();
    await worker.runOnce();
    const [forManager] = results(await messagesOf(conversations, 'cm1'));
    const [forSupplier] = results(await messagesOf(conversations, 'sc1'));
    expect(forManager).toMatchObject({
      roundId: 's1-2026-H1',
      closed: false,
      answered: { client: 2, supplier: 1 },
      asked: { client: 2, supplier: 1 },
      norm: 'b',
      meetsNorm: true,
    });
    // The lower middle of c and c is c; of b and c it is b. The supplier side's a is two below c.
    expect(forManager?.questions.map((q) => [q.id, q.client, q.supplier, q.gap])).toEqual([
      ['collaboration', 'c', 'a', true],
      ['feedback', 'b', 'c', false],
    ]);
    expect(forManager?.individual?.map((p) => [p.name, p.side, p.remarks])).toEqual([
      ['Carla', 'client', { feedback: 'Snel opgepakt' }],
      ['Sam', 'supplier', {}],
      ['Lotte', 'client', {}],
    ]);
    expect(forSupplier?.individual).toBeUndefined();
    // Sent once, however often it is judged again.
    clock.advance(60_000);
    await submitAnswers(core, 'lt1', surveyOf('lt1', 'client'), { collaboration: 'd', feedback: 'c' });
    await worker.runOnce();
    expect(results(await messagesOf(conversations, 'lt1'))).toHaveLength(1);

    // After the close (7 July is the last day): a late answer is refused and changes nothing.
    clock.set(Date.parse('2026-07-08T00:00:00+02:00'));
    await worker.runOnce();
    await expect(
      submitAnswers(core, 'sc1', surveyOf('sc1', 'supplier'), { collaboration: 'd', feedback: 'd' }),
    ).rejects.toMatchObject({ code: 'survey-closed' });

    const exported = await store.exportRecords('c1');
    const round = exported.surveyRounds.find((r) => r.id === 's1-2026-H1');
    expect(round?.responses.map((r) => [r.respondent, r.side, r.answers, r.remarks])).toEqual([
      ['cm1', 'client', { collaboration: 'c', feedback: 'b' }, { feedback: 'Snel opgepakt' }],
      ['sc1', 'supplier', { collaboration: 'a', feedback: 'c' }, undefined],
      ['lt1', 'client', { collaboration: 'c', feedback: 'c' }, undefined],
      ['lt1', 'client', { collaboration: 'd', feedback: 'c' }, undefined],
    ]);
    // The export is a valid records file again, and KPI 5 is scored from the round.
    expect(parseRecords(JSON.parse(JSON.stringify(exported))).ok).toBe(true);
    const period = parsePeriod('2026-H1');
    if (!period) throw new Error('period');
    const card = scoreSupplier(prepare(await store.loadForScoring('c1', period, 's1')), {
      supplier: 's1',
      period,
      asOf: clock.now(),
    }).scorecard;
    expect(card.kpis[4]).toMatchObject({
      id: 'KPI5',
      status: 'green',
      questions: { collaboration: 'goed', feedback: 'voldoende' },
    });
  });

  it('lets the LEF team open an extra round once a quarter, and nobody else', async () => {
    const setup = await coreWith(azurite(), 'sve', records(), Date.parse('2026-08-03T10:00:00+02:00'));
    await expect(handleCommand(setup.core, 'cm1', 'enquete s1')).rejects.toMatchObject({
      code: 'not-allowed',
    });
    const [reply] = await handleCommand(setup.core, 'lt1', 'enquete Facilitators BV');
    expect(reply).toMatchObject({
      kind: 'notice',
      text: {
        nl: 'Extra enquêteronde voor Facilitators BV geopend: open van 3 augustus 2026 tot en met 23 augustus 2026. Ik vraag 3 respondenten.',
      },
    });
    await expect(handleCommand(setup.core, 'lt1', 'enquete s1')).rejects.toMatchObject({
      code: 'survey-this-quarter',
    });
    await expect(handleCommand(setup.core, 'lt1', 'enquete onbekend')).rejects.toMatchObject({
      code: 'unknown-supplier',
    });
    await setup.worker.runOnce();
    expect(surveys(await messagesOf(setup.conversations, 'sc1')).map((m) => m.period)).toEqual(['2026-Q3']);
    expect((await setup.store.exportRecords('c1')).surveyRounds.map((r) => r.id)).toEqual(['s1-2026-Q3']);
  });
});
