// The recovery plan in chat, against Azurite with an injected clock: a KPI turns red by time alone,
// the supplier's contact is asked for the plan, reminded on the days (and not after submitting),
// the contract manager asks for changes with a reason, the plan comes back, is accepted and
// settled; another plan nobody submits is alerted as overdue the day after it was due.
import { describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import type { QuestionnaireMessage } from '../../src/channels/questionnaire-view.ts';
import { DAY, HOUR } from '../../src/clock.ts';
import type { Records } from '../../src/domain/records.ts';
import { parseRecords } from '../../src/domain/validate.ts';
import { handleCommand } from '../../src/flows/commands.ts';
import { dailyScorecardsJob } from '../../src/flows/daily.ts';
import { submitAnswers } from '../../src/flows/evaluations.ts';
import { importRecordsFile } from '../../src/flows/import-records.ts';
import { askRecoveryPlan } from '../../src/flows/recovery-plans.ts';
import { renderBlocks } from '../../src/render/blocks.ts';
import { renderCard, scorecardData } from '../../src/render/cards.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import { coreWith, sharedAzurite } from '../support/core-setup.ts';
import { s1Alone, valid } from '../support/records.ts';

const azurite = sharedAzurite();

/** 10 July 2026, 08:00 in Amsterdam: the 2026-H1 report is due on the 21st and never comes. */
const JULY_10 = Date.parse('2026-07-10T08:00:00+02:00');
const PLAN = 's1-2026-H2';
const planOf = (person: string, role = 'supplier') =>
  assignmentId({ kind: 'recovery', plan: PLAN, role, person } as never);

function records(): Records {
  return valid(s1Alone());
}

async function opened() {
  const setup = await coreWith(azurite(), 'rp', records(), JULY_10);
  const scheduler = new Scheduler(setup.core, [dailyScorecardsJob], 'one');
  /** On to `at`: the day's recomputation, and whatever the outbox has due by then. */
  const until = async (at: string) => {
    setup.clock.set(Date.parse(at));
    await scheduler.tick();
    await setup.worker.runOnce();
    await setup.worker.runOnce();
  };
  const messages = async (person: string | undefined): Promise<BotMessage[]> =>
    (await setup.conversations.list(person)).map((m) => m.message);
  /** The recovery plan's questionnaires (the report that never comes is asked for too: not these). */
  const questionnaires = async (person: string) =>
    (await messages(person)).filter(
      (m): m is QuestionnaireMessage => m.kind === 'questionnaire' && m.assignmentId.startsWith('recovery|'),
    );
  const notices = async (person: string | undefined) =>
    (await messages(person)).flatMap((m) => (m.kind === 'notice' ? [m.text.nl] : []));
  /** An answer a minute after whatever came before (people take that long, at least). */
  const submit = async (person: string, id: string, answers: Record<string, string>) => {
    setup.clock.advance(60_000);
    const result = await submitAnswers(setup.core, person, id, answers);
    await setup.worker.runOnce();
    await setup.worker.runOnce();
    return result;
  };
  /** The consequence line of s1's scorecard as the contract manager reads it. */
  const planOnScorecard = async () => {
    const [card] = await handleCommand(setup.core, 'cm1', 'scorecard s1 2026-H2');
    return card?.kind === 'scorecard' ? scorecardData(card.scorecard, 'nl').consequence : '';
  };
  return { ...setup, until, questionnaires, notices, submit, planOnScorecard };
}

const plan = {
  causes: 'Rapport te laat door ziekte',
  actions: 'Tweede auteur aangewezen',
  normMetOn: '2026-09-30',
};

describe('the recovery plan', () => {
  it('is asked, reminded, sent back with a reason, submitted again and accepted', async () => {
    const { until, questionnaires, notices, submit, core, planOnScorecard } = await opened();
    await until('2026-07-11T06:00:00+02:00');
    expect(await questionnaires('sc1')).toEqual([]); // all green or pending: nothing asked

    // 22 July: the report was due yesterday; KPI 6 red, and the plan is asked the same day.
    await until('2026-07-22T06:00:00+02:00');
    const [asked] = await questionnaires('sc1');
    expect(asked).toMatchObject({ kind: 'questionnaire', state: 'open', assignmentId: planOf('sc1') });
    expect(asked?.set.id).toBe('lef-recovery-plan');
    const card = JSON.stringify(renderCard(asked as BotMessage, 'nl'));
    for (const text of [
      'Herstelplan',
      'KPI6',
      '12 augustus 2026',
      'Oorzaken',
      'Input.Date',
      'Dien het plan uiterlijk 12 augustus 2026 in.',
    ])
      expect(card).toContain(text);
    const modalButton = JSON.stringify(renderBlocks(asked as BotMessage, 'en').blocks);
    expect(modalButton).toContain('Submit the plan by 12 August 2026.');

    // A day later nothing new is asked (the daily recomputation finds it asked).
    await until('2026-07-23T06:00:00+02:00');
    expect(await questionnaires('sc1')).toHaveLength(1);

    // 5 August, 09:00, seven days before: the first reminder.
    await until('2026-08-05T09:00:00+02:00');
    const reminded = await questionnaires('sc1');
    expect(reminded).toHaveLength(2);
    expect(reminded[1]?.reminder?.nl).toBe(
      'Herinnering: het herstelplan moet uiterlijk 12 augustus 2026 binnen zijn.',
    );

    // Refused: a date before the plan was asked, or no causes. Nothing is kept.
    await expect(submit('sc1', planOf('sc1'), { ...plan, normMetOn: '2026-07-01' })).rejects.toMatchObject({
      code: 'invalid',
      fields: { normMetOn: { nl: expect.stringContaining('kies een datum vanaf 22 juli 2026') } },
    });
    await expect(submit('sc1', planOf('sc1'), { ...plan, causes: ' ' })).rejects.toMatchObject({
      code: 'invalid',
      fields: { causes: expect.anything() },
    });
    await expect(submit('cm1', planOf('sc1'), plan)).rejects.toMatchObject({ code: 'not-yours' });
    await expect(
      submit('sc1', planOf('sc1'), { ...plan, link: 'javascript:alert(1)' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: { link: expect.anything() },
    });
    expect(await questionnaires('cm1')).toEqual([]);

    // 6 August: submitted; the contract manager is asked to review it, the alert channel told.
    await until('2026-08-06T10:00:00+02:00');
    const answered = await submit('sc1', planOf('sc1'), { ...plan, link: 'https://sharepoint.example/plan' });
    expect(answered.message).toMatchObject({ state: 'answered' });
    const [review] = await questionnaires('cm1');
    expect(review).toMatchObject({ assignmentId: planOf('cm1', 'review-1'), state: 'open' });
    expect(JSON.stringify(review?.facts)).toContain('Tweede auteur aangewezen');
    expect(await notices(undefined)).toContainEqual(
      'Sam heeft het herstelplan van Facilitators BV over het 2e halfjaar 2026 ingediend.',
    );

    expect(await planOnScorecard()).toContain(
      'herstelplan uiterlijk 12 augustus 2026 (ingediend, wacht op beoordeling)',
    );

    // 10 August, 09:00: no second reminder, the plan is in.
    await until('2026-08-10T09:00:00+02:00');
    expect(await questionnaires('sc1')).toHaveLength(2);

    // Changes asked: a reason is required; with one, the plan opens again with the reason on top.
    await expect(submit('cm1', planOf('cm1', 'review-1'), { decision: 'changes' })).rejects.toMatchObject({
      code: 'invalid',
      fields: { reason: expect.anything() },
    });
    await submit('cm1', planOf('cm1', 'review-1'), {
      decision: 'changes',
      reason: 'Maatregelen zonder datum',
    });
    const reopened = (await questionnaires('sc1')).at(-1);
    expect(reopened).toMatchObject({ state: 'open', answers: { causes: plan.causes } });
    expect(reopened?.note).toMatchObject({
      tone: 'attention',
      text: { nl: 'Carla vraagt om wijzigingen: Maatregelen zonder datum' },
    });
    expect(await notices(undefined)).toContain(
      'Carla vraagt om wijzigingen in het herstelplan van Facilitators BV over het 2e halfjaar 2026: Maatregelen zonder datum',
    );
    // The review is given: it cannot be given again.
    await expect(submit('cm1', planOf('cm1', 'review-1'), { decision: 'accept' })).rejects.toMatchObject({
      code: 'recovery-closed',
    });

    // Submitted again, reviewed again (a new review), accepted: the plan is settled for everyone.
    await submit('sc1', planOf('sc1'), { ...plan, actions: 'Tweede auteur per 15 augustus' });
    const second = (await questionnaires('cm1')).at(-1);
    expect(second?.assignmentId).toBe(planOf('cm1', 'review-2'));
    expect(await notices(undefined)).toContain(
      'Sam heeft het herstelplan van Facilitators BV over het 2e halfjaar 2026 opnieuw ingediend, met de gevraagde wijzigingen.',
    );
    await submit('cm1', planOf('cm1', 'review-2'), { decision: 'accept' });
    expect(await notices('sc1')).toContain(
      'Het herstelplan van Facilitators BV over het 2e halfjaar 2026 is geaccepteerd door Carla.',
    );
    expect(await notices(undefined)).toContain(
      'Het herstelplan van Facilitators BV over het 2e halfjaar 2026 is geaccepteerd door Carla.',
    );
    await expect(submit('sc1', planOf('sc1'), plan)).rejects.toMatchObject({ code: 'recovery-closed' });
    expect(await planOnScorecard()).toContain('(geaccepteerd)');
    const stored = await core.assignments.forPlan(core.contract, PLAN);
    expect(stored.map((s) => [s.assignment.role, s.assignment.status]).sort()).toEqual([
      ['review-1', 'closed'],
      ['review-2', 'closed'],
      ['supplier', 'closed'],
    ]);

    // The records file holds the plan with every version, and takes it back unchanged.
    const exported = await core.records.exportRecords('c1');
    expect(exported.recoveryPlans).toHaveLength(1);
    expect(exported.recoveryPlans?.[0]).toMatchObject({
      supplier: 's1',
      period: '2026-H2',
      due: '2026-08-12',
      kpis: ['KPI6'],
    });
    expect(
      exported.recoveryPlans?.[0]?.versions.map((v) =>
        v.role === 'review' ? [v.round, v.decision] : [v.role, v.by],
      ),
    ).toEqual([
      ['supplier', 'sc1'],
      [1, 'changes'],
      ['supplier', 'sc1'],
      [2, 'accept'],
    ]);
    const reparsed = parseRecords(JSON.parse(JSON.stringify(exported)));
    expect(reparsed.ok).toBe(true);
    await importRecordsFile(core, exported, core.clock);
    expect((await core.records.exportRecords('c1')).recoveryPlans).toEqual(exported.recoveryPlans);
    // A review by someone who is no contract manager is refused, naming the field.
    const wrong = JSON.parse(JSON.stringify(exported));
    wrong.recoveryPlans[0].versions[1].by = 'sc1';
    const refused = parseRecords(wrong);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues.map((i) => i.path)).toContain('recoveryPlans[0].versions[1].by');

    // The day after it was due: accepted, so nothing is overdue.
    await until('2026-08-13T06:00:00+02:00');
    expect((await notices(undefined)).some((n) => n.includes('te laat'))).toBe(false);
  });

  it('is alerted as overdue the day after its due date when nothing came, and taken late after', async () => {
    const { until, notices, submit, clock } = await opened();
    await until('2026-07-22T06:00:00+02:00');
    await until('2026-08-12T23:00:00+02:00');
    expect((await notices(undefined)).some((n) => n.includes('te laat'))).toBe(false);
    await until('2026-08-13T00:30:00+02:00');
    expect(await notices(undefined)).toContain(
      'Het herstelplan van Facilitators BV over het 2e halfjaar 2026 is te laat: het moest uiterlijk 12 augustus 2026 binnen zijn. KPI6 staat op rood.',
    );
    // Once only, whatever runs again.
    clock.advance(DAY);
    await until(new Date(clock.now() + HOUR).toISOString());
    expect((await notices(undefined)).filter((n) => n.includes('is te laat'))).toHaveLength(1);
    // A late plan is still taken, and said to be late.
    await submit('sc1', planOf('sc1'), plan);
    expect(await notices(undefined)).toContainEqual(
      expect.stringContaining('ingediend (te laat: het was uiterlijk 12 augustus 2026)'),
    );
  });
});

describe('a recovery plan due before the bot could ask', () => {
  it('is not asked (findings from before its time): nobody gets a questionnaire, nothing is overdue', async () => {
    const { core, questionnaires, notices, until } = await opened();
    const view = await core.contractView();
    const scorecard = {
      contract: 'c1',
      supplier: 's1',
      period: '2026-H1',
      asOf: '2026-07-10T08:00:00+02:00',
      kpis: [],
      red: ['KPI7'],
      consequence: 'extra-effort' as const,
      recoveryPlanDue: '2026-07-09',
    };
    expect(await askRecoveryPlan(core, scorecard, view)).toBe(false);
    expect(await askRecoveryPlan(core, { ...scorecard, recoveryPlanDue: '2026-07-10' }, view)).toBe(true);
    await until('2026-07-10T09:00:00+02:00');
    expect((await questionnaires('sc1')).map((q) => q.assignmentId)).toEqual([
      assignmentId({ kind: 'recovery', plan: 's1-2026-H1', role: 'supplier', person: 'sc1' } as never),
    ]);
    expect((await notices(undefined)).some((n) => n.includes('te laat'))).toBe(false);
  });
});

describe('a recovery plan with two contacts and two contract managers', () => {
  it('shows the plan submitted to the other contact, reminds neither, and counts one decision per review', async () => {
    const setup = await coreWith(azurite(), 'rp2', twoOfEach(), JULY_10);
    const scheduler = new Scheduler(setup.core, [dailyScorecardsJob], 'one');
    const { core, clock, worker, conversations } = setup;
    const run = async (at: string) => {
      clock.set(Date.parse(at));
      await scheduler.tick();
      await worker.runOnce();
      await worker.runOnce();
    };
    const kinds = async (person: string) =>
      (await conversations.list(person))
        .map((m) => m.message)
        .filter((m) => m.kind === 'questionnaire' && m.assignmentId.startsWith('recovery|'));
    await run('2026-07-22T06:00:00+02:00');
    expect(await kinds('sc1')).toHaveLength(1);
    expect(await kinds('sc3')).toHaveLength(1);

    clock.set(Date.parse('2026-08-01T10:00:00+02:00'));
    await submitAnswers(core, 'sc1', planOf('sc1'), plan);
    await worker.runOnce();
    await worker.runOnce();
    const other = (await core.assignments.forPlan(core.contract, PLAN)).find(
      (s) => s.assignment.person === 'sc3',
    );
    expect(other?.assignment.status).toBe('answered');
    // Her card shows the plan as submitted, with its text.
    const shown = await kinds('sc3');
    expect(JSON.stringify(shown.at(-1))).toContain('Rapport te laat door ziekte');
    await run('2026-08-05T09:00:00+02:00'); // the first reminder's moment: nobody is reminded
    expect(await kinds('sc1')).toHaveLength(1);
    expect(await kinds('sc3')).toHaveLength(1);

    // Both managers decide the first review at once: one decision counts, whatever the order.
    clock.set(Date.parse('2026-08-06T10:00:00+02:00'));
    const outcomes = await Promise.allSettled([
      submitAnswers(core, 'cm1', planOf('cm1', 'review-1'), {
        decision: 'changes',
        reason: 'Datum ontbreekt',
      }),
      submitAnswers(core, 'cm2', planOf('cm2', 'review-1'), { decision: 'accept' }),
    ]);
    await worker.runOnce();
    await worker.runOnce();
    const exported = await core.records.exportRecords('c1');
    const decisions = exported.recoveryPlans?.[0]?.versions.filter((v) => v.role === 'review') ?? [];
    expect(decisions).toHaveLength(1);
    const winner = decisions[0]?.by;
    const loser = winner === 'cm1' ? 'cm2' : 'cm1';
    const lost = outcomes[winner === 'cm1' ? 1 : 0];
    if (lost?.status === 'rejected') expect(lost.reason).toMatchObject({ code: 'recovery-closed' });
    else
      expect(
        (await conversations.list(loser)).some(
          (m) => m.message.kind === 'notice' && m.message.text.nl.includes('had deze beoordeling al gegeven'),
        ),
      ).toBe(true);
    // Afterwards the round is closed for both, on this process and any other (read, not cached).
    await expect(
      submitAnswers(core, loser, planOf(loser, 'review-1'), { decision: 'accept' }),
    ).rejects.toMatchObject({ code: 'recovery-closed' });
  });
});

function twoOfEach(): Records {
  const r = records();
  r.people.push(
    { id: 'cm2', name: 'Cor', roles: ['contractManager'] },
    { id: 'sc3', name: 'Sofie', roles: ['supplierContact'], supplier: 's1' },
  );
  return valid(r);
}
