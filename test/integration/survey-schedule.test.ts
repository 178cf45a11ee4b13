// The survey schedule on the scheduler, against Azurite with an injected clock: rounds open per
// supplier and period as `contract.survey` says, each occurrence once however many instances tick,
// and an occurrence missed while the bot was down runs once at the next start.
import { describe, expect, it } from 'vitest';
import type { Records } from '../../src/domain/records.ts';
import type { SurveySchedule } from '../../src/domain/survey-schedule.ts';
import { formatIssues, parseRecords } from '../../src/domain/validate.ts';
import { surveyJob } from '../../src/flows/survey-rounds.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { coreOn, coreWith, sharedAzurite } from '../support/core-setup.ts';
import { baseRecords } from '../support/records.ts';

const azurite = sharedAzurite();

function withSurvey(survey: SurveySchedule): Records {
  const records = baseRecords();
  records.contract.survey = survey;
  const parsed = parseRecords(records);
  if (!parsed.ok) throw new Error(formatIssues(parsed.issues, 'en').join('\n'));
  return parsed.records;
}

const HALF_YEAR: SurveySchedule = {
  cadence: 'half-year',
  opensDaysBeforePeriodEnd: 14,
  openDays: 21,
  clientRespondents: ['cm1', 'lt1'],
};

async function rounds(setup: Awaited<ReturnType<typeof coreWith>>) {
  return (await setup.store.exportRecords('c1')).surveyRounds;
}

describe('the survey schedule on the scheduler', () => {
  it('opens a half-yearly round for each supplier on its day, with the schedule’s client side and the supplier’s contacts', async () => {
    const setup = await coreWith(
      azurite(),
      'svh',
      withSurvey(HALF_YEAR),
      Date.parse('2026-06-16T23:30:00+02:00'),
    );
    const scheduler = new Scheduler(setup.core, [surveyJob], 'one');
    expect(await scheduler.tick()).toEqual({ claimed: [], requeued: [] });

    setup.clock.set('2026-06-17T00:00:00+02:00'); // the day it opens, in the contract's zone
    expect((await scheduler.tick()).claimed).toEqual(['survey:s1-2026-H1', 'survey:s2-2026-H1']);
    await setup.worker.runOnce();
    expect(await rounds(setup)).toEqual([
      {
        id: 's1-2026-H1',
        supplier: 's1',
        opensOn: '2026-06-17',
        closesOn: '2026-07-07',
        respondents: ['cm1', 'lt1', 'sc1'],
        responses: [],
      },
      {
        id: 's2-2026-H1',
        supplier: 's2',
        opensOn: '2026-06-17',
        closesOn: '2026-07-07',
        respondents: ['cm1', 'lt1'],
        responses: [],
      },
    ]);
    // Ticking again, later that day or the next, opens nothing more.
    setup.clock.set('2026-06-18T10:00:00+02:00');
    expect(await scheduler.tick()).toEqual({ claimed: [], requeued: [] });
    await setup.worker.runOnce();
    expect(await rounds(setup)).toHaveLength(2);
  });

  it('opens quarterly rounds, and never a second round for a period that already has one', async () => {
    const records = withSurvey({
      ...HALF_YEAR,
      cadence: 'quarter',
      opensDaysBeforePeriodEnd: 10,
      openDays: 7,
    });
    // Opened by hand in Q2 already (an imported round): the schedule leaves Q2 alone.
    records.surveyRounds.push({
      id: 'handmatig',
      supplier: 's1',
      opensOn: '2026-05-04',
      closesOn: '2026-05-18',
      respondents: ['cm1'],
      responses: [],
    });
    const setup = await coreWith(azurite(), 'svq', records, Date.parse('2026-03-01T12:00:00+01:00'));
    const scheduler = new Scheduler(setup.core, [surveyJob], 'one');
    for (const day of ['2026-03-22', '2026-06-21', '2026-09-21', '2026-12-22']) {
      setup.clock.set(`${day}T08:00:00+01:00`);
      await scheduler.tick();
      await setup.worker.runOnce();
    }
    const ids = (await rounds(setup)).map((r) => `${r.id} ${r.opensOn}..${r.closesOn}`).sort();
    expect(ids).toEqual([
      'handmatig 2026-05-04..2026-05-18',
      's1-2026-Q1 2026-03-22..2026-03-28',
      's1-2026-Q3 2026-09-21..2026-09-27',
      's1-2026-Q4 2026-12-22..2026-12-28',
      's2-2026-Q1 2026-03-22..2026-03-28',
      's2-2026-Q2 2026-06-21..2026-06-27',
      's2-2026-Q3 2026-09-21..2026-09-27',
      's2-2026-Q4 2026-12-22..2026-12-28',
    ]);
  });

  it('runs each of twenty occurrences exactly once with two instances on one store', async () => {
    const records = withSurvey({
      ...HALF_YEAR,
      cadence: 'quarter',
      opensDaysBeforePeriodEnd: 10,
      openDays: 7,
    });
    const a = await coreWith(azurite(), 'sv2', records, Date.parse('2026-01-02T12:00:00+01:00'));
    const b = coreOn(a.tables, a.store, records, a.clock);
    const created: string[] = [];
    // One records store object serves both cores here; each create that made a round is counted.
    const create = a.store.createRound.bind(a.store);
    a.store.createRound = async (contract, round) => {
      const made = await create(contract, round);
      if (made) created.push(round.id);
      return made;
    };
    const one = new Scheduler(a.core, [surveyJob], 'instance-a');
    const two = new Scheduler(b.core, [surveyJob], 'instance-b');
    // Ten quarters, two suppliers: twenty occurrences; both instances tick and work at every step.
    const claimed: string[] = [];
    for (let quarter = 0; quarter < 10; quarter++) {
      const year = 2026 + Math.floor(quarter / 4);
      const month = ((quarter % 4) + 1) * 3;
      a.clock.set(`${year}-${String(month).padStart(2, '0')}-25T09:00:00+01:00`);
      const ticks = await Promise.all([one.tick(), two.tick(), one.tick(), two.tick()]);
      claimed.push(...ticks.flatMap((t) => t.claimed));
      await Promise.all([a.worker.runOnce(), b.worker.runOnce()]);
    }
    expect(claimed).toHaveLength(20);
    expect(new Set(claimed).size).toBe(20);
    expect(created).toHaveLength(20);
    expect(new Set(created).size).toBe(20);
    expect(await rounds(a)).toHaveLength(20);
    // Nothing of the scheduler is left over (the rounds' own reminders and closes wait for their day).
    expect((await a.core.outbox.pending()).filter((item) => item.kind === 'open-survey-round')).toEqual([]);
  });

  it('opens, at the next start, the round whose day came while the bot was down, once; one whose window passed is not opened', async () => {
    const setup = await coreWith(
      azurite(),
      'svd',
      withSurvey(HALF_YEAR),
      Date.parse('2026-06-10T12:00:00+02:00'),
    );
    await new Scheduler(setup.core, [surveyJob], 'before').tick();
    // Down from 10 June to 20 June: the opening on 17 June was missed.
    setup.clock.set('2026-06-20T09:00:00+02:00');
    const restarted = new Scheduler(setup.core, [surveyJob], 'after');
    expect((await restarted.tick()).claimed).toEqual(['survey:s1-2026-H1', 'survey:s2-2026-H1']);
    await setup.worker.runOnce();
    expect((await rounds(setup)).map((r) => [r.id, r.opensOn, r.closesOn])).toEqual([
      ['s1-2026-H1', '2026-06-17', '2026-07-07'],
      ['s2-2026-H1', '2026-06-17', '2026-07-07'],
    ]);
    expect((await new Scheduler(setup.core, [surveyJob], 'again').tick()).claimed).toEqual([]);

    // Down across the whole of the H2 round (18 December to 7 January): claimed once, not opened.
    setup.clock.set('2027-01-09T09:00:00+01:00');
    expect((await new Scheduler(setup.core, [surveyJob], 'late').tick()).claimed).toEqual([
      'survey:s1-2026-H2',
      'survey:s2-2026-H2',
    ]);
    await setup.worker.runOnce();
    expect((await rounds(setup)).map((r) => r.id)).toEqual(['s1-2026-H1', 's2-2026-H1']);
    expect(await new Scheduler(setup.core, [surveyJob], 'later').tick()).toEqual({
      claimed: [],
      requeued: [],
    });
  });
});

describe('the outbox under a fan-out', () => {
  it('adds a thousand new items in batches, and a second enqueue of them (with one new) adds only the new one', async () => {
    const { core } = await coreWith(
      azurite(),
      'svo',
      withSurvey(HALF_YEAR),
      Date.parse('2026-03-01T12:00:00+01:00'),
    );
    const before = (await core.outbox.pending()).length;
    const items = Array.from({ length: 1000 }, (_, i) => ({
      id: `bench-item|${i}`,
      kind: 'prompt',
      payload: { assignment: `x|${i}` },
      dueAt: Date.parse('2030-01-01T00:00:00Z'),
    }));
    expect(await core.outbox.enqueue(items)).toBe(1000);
    const again = [...items, { ...items[0], id: 'bench-item|new' }] as typeof items;
    expect(await core.outbox.enqueue(again)).toBe(1);
    expect((await core.outbox.pending()).length - before).toBe(1001);
  });
});
