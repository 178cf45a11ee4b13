// The evaluation after a session, end to end in the core, against Azurite and with a moved clock.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, ManualClock, MINUTE } from '../../src/clock.ts';
import { parsePeriod } from '../../src/domain/periods.ts';
import type { Records } from '../../src/domain/records.ts';
import { prepare, type RatioResult, scoreSupplier } from '../../src/domain/scoring.ts';
import { UserError } from '../../src/errors.ts';
import { scheduleEvaluation, submitAnswers } from '../../src/flows/evaluations.ts';
import { OutboxWorker } from '../../src/outbox/worker.ts';
import { sessionPartition } from '../../src/store/activity.ts';
import type { RecordsStore } from '../../src/store/records-store.ts';
import {
  coreOn,
  evaluationMessages as evaluations,
  freshTables,
  assignmentOf as id,
  oneSession as sessionRecords,
  sharedAzurite,
} from '../support/core-setup.ts';
import { baseRecords } from '../support/records.ts';

const azurite = sharedAzurite();

const END = Date.parse('2026-03-02T12:00:00+01:00');

/** Imports the records as they are (scheduling nothing), then schedules the evaluation of each session. */
async function setup(records: Records) {
  const { tables, records: store } = await freshTables(azurite(), 'f');
  await store.importRecords(records);
  const flow = coreOn(tables, store, records, new ManualClock(END - HOUR));
  for (const session of records.sessions)
    await scheduleEvaluation(
      flow.core,
      session,
      sessionPartition(records.contract.id, session, 'Europe/Amsterdam'),
    );
  return flow;
}

function oneSession(): Records {
  const records = sessionRecords('r1');
  records.clientRequests.push({ id: 'r1', supplier: 's1', date: '2026-02-20' });
  return records;
}

const facilitatorAnswers = {
  lefApplied: 'yes',
  lefExplanation: 'Volgens de LEF-aanpak',
  impact: 'yes',
  impactExplanation: 'Doelen gehaald',
};
const rmAnswers = {
  lefApplied: 'yes',
  lefExplanation: 'Zeker',
  returned: 'no',
  suitableProposed: '2',
  motivation: 'Twee passende profielen',
};

async function score(store: RecordsStore, asOf: number) {
  const period = parsePeriod('2026-H1');
  if (!period) throw new Error('period');
  const records = await store.loadForScoring('c1', period, 's1');
  const card = scoreSupplier(prepare(records), { supplier: 's1', period, asOf }).scorecard;
  return {
    kpi2: card.kpis[1] as RatioResult,
    kpi3: card.kpis[2] as RatioResult,
    kpi1: card.kpis[0] as RatioResult,
  };
}

describe('the evaluation after a session', () => {
  it('prompts three roles, reminds who has not answered, closes the window and scores as the rules say', async () => {
    const { clock, conversations, core, worker, store } = await setup(oneSession());
    // Before the end nothing is asked.
    await worker.runOnce();
    expect(await conversations.list('f1')).toEqual([]);

    clock.set(END + MINUTE);
    await worker.runOnce();
    for (const person of ['f1', 'rm1', 'ic1'])
      expect(evaluations(await conversations.list(person))).toHaveLength(1);
    const [rmPrompt] = evaluations(await conversations.list('rm1'));
    expect(rmPrompt).toMatchObject({ role: 'relationshipManager', registration: true, state: 'open' });

    // The facilitator answers at once.
    const answered = await submitAnswers(core, 'f1', id('facilitator', 'f1'), facilitatorAnswers);
    expect(answered.message).toMatchObject({ kind: 'evaluation', state: 'answered' });
    await worker.runOnce(); // the sent questionnaire becomes the summary through the outbox
    expect(evaluations(await conversations.list('f1'))[0]?.state).toBe('answered');

    // Day 3 and day 7: reminders to the two who have not answered.
    clock.set(END + 3 * DAY);
    await worker.runOnce();
    clock.set(END + 7 * DAY);
    await worker.runOnce();
    expect(evaluations(await conversations.list('f1'))).toHaveLength(1);
    expect(evaluations(await conversations.list('rm1')).map((m) => m.reminder)).toEqual([undefined, 1, 2]);
    expect(evaluations(await conversations.list('ic1')).map((m) => m.reminder)).toEqual([undefined, 1, 2]);

    // The relationship manager answers on day 8; the internal client never does.
    clock.set(END + 8 * DAY);
    await submitAnswers(core, 'rm1', id('relationshipManager', 'rm1'), rmAnswers);
    expect((await score(store, clock.now())).kpi3).toMatchObject({ status: 'pending', pending: 1 });

    clock.set(END + 14 * DAY);
    await worker.runOnce();
    expect(evaluations(await conversations.list('ic1')).every((m) => m.state === 'closed')).toBe(true);
    expect(evaluations(await conversations.list('rm1')).every((m) => m.state === 'answered')).toBe(true);
    const after = await score(store, clock.now());
    expect(after.kpi2).toMatchObject({ status: 'green', passed: 1, counted: 1 });
    expect(after.kpi3).toMatchObject({ status: 'green', passed: 1, counted: 1 });
    expect(after.kpi1).toMatchObject({ status: 'green', passed: 1, counted: 1 });

    // After the close: refused with its message, and nothing changes.
    const late = await submitAnswers(core, 'ic1', id('internalClient', 'ic1'), {
      impact: 'yes',
      impactExplanation: 'laat',
    }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(UserError);
    expect((late as UserError).text('nl')).toBe(
      'De evaluatie van deze sessie is gesloten; antwoorden worden niet meer aangenomen.',
    );
    expect((await score(store, clock.now())).kpi3).toEqual(after.kpi3);
  });

  it('reminds on the days the contract sets', async () => {
    const records = oneSession();
    records.contract.reminderDays = [1];
    const { clock, conversations, worker } = await setup(records);
    clock.set(END + MINUTE);
    await worker.runOnce();
    clock.set(END + 1 * DAY);
    await worker.runOnce();
    clock.set(END + 7 * DAY);
    await worker.runOnce();
    expect(evaluations(await conversations.list('ic1')).map((m) => m.reminder)).toEqual([undefined, 1]);
  });

  it('refuses a wrong person, an unknown assignment and a blank explanation, changing nothing; a double submit stores once', async () => {
    const { clock, core, worker, store, tables } = await setup(oneSession());
    clock.set(END + MINUTE);
    await worker.runOnce();
    const snapshot = async () => (await tables.listByPartitionPrefix('activity', 'c1|')).map((e) => e.json);
    const before = await snapshot();

    const wrong = await submitAnswers(core, 'f2', id('facilitator', 'f1'), facilitatorAnswers).catch(
      (e: unknown) => e,
    );
    expect((wrong as UserError).code).toBe('not-yours');
    const unknown = await submitAnswers(core, 'f1', 'nonsense', facilitatorAnswers).catch((e: unknown) => e);
    expect((unknown as UserError).code).toBe('unknown-assignment');
    const blank = await submitAnswers(core, 'f1', id('facilitator', 'f1'), {
      ...facilitatorAnswers,
      lefExplanation: '   ',
    }).catch((e: unknown) => e);
    expect((blank as UserError).code).toBe('invalid');
    expect((blank as UserError).fields.lefExplanation?.nl).toBe('Licht je antwoord toe (verplicht).');
    expect(await snapshot()).toEqual(before);

    const first = await submitAnswers(core, 'f1', id('facilitator', 'f1'), facilitatorAnswers);
    clock.advance(1_000); // a retried delivery a second later
    const second = await submitAnswers(core, 'f1', id('facilitator', 'f1'), facilitatorAnswers);
    expect(second.message).toEqual(first.message);
    const exported = await store.exportRecords('c1');
    expect(exported.evaluations.filter((e) => e.respondent === 'f1')).toHaveLength(1);

    // A changed answer while the window is open is a new version; the old one is kept.
    clock.advance(HOUR);
    await submitAnswers(core, 'f1', id('facilitator', 'f1'), {
      ...facilitatorAnswers,
      impact: 'no',
      impactExplanation: 'Toch niet',
    });
    const versions = (await store.exportRecords('c1')).evaluations.filter((e) => e.respondent === 'f1');
    expect(versions.map((e) => ('impact' in e ? e.impact : undefined))).toEqual([true, false]);
  });

  it('alerts the alert channel when a KPI turns red, once', async () => {
    const { clock, conversations, core, worker } = await setup(oneSession());
    clock.set(END + MINUTE);
    await worker.runOnce();
    await submitAnswers(core, 'rm1', id('relationshipManager', 'rm1'), {
      ...rmAnswers,
      lefApplied: 'no',
      lefExplanation: 'Geen LEF-werkvormen',
    });
    await worker.runOnce();
    clock.set(END + 14 * DAY);
    await worker.runOnce();
    const alerts = (await conversations.list(undefined)).filter((m) => m.message.kind === 'alert');
    expect(alerts).toHaveLength(1);
    const alert = alerts[0]?.message;
    expect(alert?.kind === 'alert' && alert.alert.newlyRed.map((k) => k.id)).toContain('KPI2');
    // Recomputing again finds nothing new to alert.
    clock.advance(2 * MINUTE);
    await core.outbox.enqueue([
      {
        id: 'again',
        kind: 'recompute-scorecard',
        payload: { supplier: 's1', period: '2026-H1' },
        dueAt: clock.now(),
      },
    ]);
    await worker.runOnce();
    expect((await conversations.list(undefined)).filter((m) => m.message.kind === 'alert')).toHaveLength(1);
  });
});

describe('registering a session in chat', () => {
  it('registers one session per form, however often it is submitted, and only for relationship managers', async () => {
    const { core, store } = await setup(oneSession());
    const { sessionForm, submitSessionForm } = await import('../../src/flows/register-session.ts');
    const inputs = {
      supplier: 's1',
      date: '2026-03-10',
      startTime: '09:00',
      endTime: '11:30',
      facilitators: 'f1,f2',
      internalClient: 'ic1',
    };
    const { formId } = await sessionForm(core, 'rm1');
    const first = await submitSessionForm(core, 'rm1', formId, inputs);
    const second = await submitSessionForm(core, 'rm1', formId, inputs);
    expect([first.outcome, second.outcome]).toEqual(['created', 'unchanged']);
    const sessions = (await store.exportRecords('c1')).sessions.filter(
      (s) => s.start === '2026-03-10T09:00:00+01:00',
    );
    expect(sessions).toMatchObject([
      { facilitators: ['f1', 'f2'], relationshipManager: 'rm1', end: '2026-03-10T11:30:00+01:00' },
    ]);
    const refused = await submitSessionForm(core, 'f1', formId, inputs).catch((e: unknown) => e);
    expect((refused as UserError).code).toBe('not-allowed');
  });
});

describe('the outbox worker', () => {
  it('delivers every one of 200 prompts exactly once across a restart and a crash mid-item', async () => {
    const records = baseRecords();
    for (let i = 0; i < 198; i++) {
      records.people.push({
        id: `fx${i}`,
        name: `Facilitator ${i}`,
        roles: ['facilitator'],
        supplier: 's1',
        onboardedOn: '2026-01-10',
      });
    }
    records.sessions.push({
      id: 'big',
      supplier: 's1',
      start: '2026-03-02T09:00:00+01:00',
      end: '2026-03-02T12:00:00+01:00',
      facilitators: records.people.filter((p) => p.id.startsWith('fx')).map((p) => p.id),
      relationshipManager: 'rm1',
      internalClient: 'ic1',
    });
    const { clock, conversations, core, worker } = await setup(records);
    clock.set(END + MINUTE);
    // Open the evaluation (1 item) and deliver about half the prompts, then "restart".
    await worker.runOnce(100);
    const remaining = (await core.outbox.pending()).filter((i) => i.kind === 'prompt');
    expect(remaining.length).toBeGreaterThan(50);
    expect(remaining.length).toBeLessThan(200);

    // A crash mid-item: a prompt claimed and delivered, but never marked done.
    const [victim] = await core.outbox.due(clock.now(), 1);
    if (!victim) throw new Error('setup');
    const claimed = await core.outbox.claim(victim, clock.now(), 2 * MINUTE);
    if (!claimed) throw new Error('setup');
    const { deliverPrompt } = await import('../../src/flows/evaluations.ts');
    await deliverPrompt(core, claimed.item.payload as { assignment: string }, claimed.item.id);

    // A new worker after the restart; the crashed item comes back when its lease ends.
    const restarted = new OutboxWorker(core, { log: () => {} });
    await restarted.runOnce();
    clock.advance(3 * MINUTE);
    await restarted.runOnce();
    expect((await core.outbox.pending()).filter((i) => i.kind === 'prompt')).toEqual([]);

    const people = ['rm1', 'ic1', ...records.people.filter((p) => p.id.startsWith('fx')).map((p) => p.id)];
    const counts = await Promise.all(
      people.map(async (p) => evaluations(await conversations.list(p)).length),
    );
    expect(counts).toHaveLength(200);
    expect(counts.every((c) => c === 1)).toBe(true);
  });

  it('retries a failing item with backoff and keeps it until it succeeds', async () => {
    const { clock, core, worker, log } = await setup(oneSession());
    clock.set(END + MINUTE);
    await core.outbox.enqueue([{ id: 'broken', kind: 'no-such-kind', payload: {}, dueAt: clock.now() }]);
    const first = await worker.runOnce();
    expect(first.retried).toBe(1);
    expect(log.some((line) => line.includes('broken failed (attempt 1)'))).toBe(true);
    const [item] = (await core.outbox.pending()).filter((i) => i.id === 'broken');
    expect(item?.attempts).toBe(1);
    expect(item?.dueAt).toBeGreaterThan(clock.now());
    // Not due again until the backoff has passed.
    expect((await worker.runOnce()).retried).toBe(0);
    clock.advance(5_000);
    expect((await worker.runOnce()).retried).toBe(1);
  });
});
