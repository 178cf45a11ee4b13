// Answer versions against Azurite: each version an entity of its own, so that one person's edits
// never limit another's, parallel submits never fail, and sessions stored the old way still read.
import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/clock.ts';
import { parsePeriod } from '../../src/domain/periods.ts';
import type { Evaluation } from '../../src/domain/records.ts';
import { UserError } from '../../src/errors.ts';
import { editAnswers, submitAnswers } from '../../src/flows/evaluations.ts';
import { evaluationModal } from '../../src/render/blocks.ts';
import { renderCard } from '../../src/render/cards.ts';
import { ANSWER_RANGE, sessionEntity } from '../../src/store/activity.ts';
import { key } from '../../src/store/tables.ts';
import { coreWith, assignmentOf as id, oneSession, sharedAzurite } from '../support/core-setup.ts';

const azurite = sharedAzurite();

const END = Date.parse('2026-03-02T12:00:00+01:00');
const PK = key('c1', 's1', '2026-H1');

/** A long explanation, different for every n (as an edit would be). */
const long = (n: number) => `Versie ${n}: ${'toelichting '.repeat(200)}`.slice(0, 2000);
const facilitator = (n: number) => ({
  lefApplied: 'yes',
  lefExplanation: long(n),
  impact: n % 2 === 0 ? 'yes' : 'no',
  impactExplanation: long(n + 1000),
});

async function opened(records = oneSession()) {
  const setup = await coreWith(azurite(), 'a', records, END + MINUTE);
  await setup.worker.runOnce();
  return setup;
}

describe('answer versions', () => {
  it('keeps twenty long edits of one assessor, and the others still answer', async () => {
    const { core, clock, store } = await opened();
    for (let n = 1; n <= 20; n++) {
      clock.advance(MINUTE);
      const result = await submitAnswers(core, 'f1', id('facilitator', 'f1'), facilitator(n));
      expect(result.message).toMatchObject({ kind: 'evaluation', state: 'answered' });
    }
    const rm = await submitAnswers(core, 'rm1', id('relationshipManager', 'rm1'), {
      lefApplied: 'yes',
      lefExplanation: 'Toegepast',
    });
    const ic = await submitAnswers(core, 'ic1', id('internalClient', 'ic1'), {
      impact: 'yes',
      impactExplanation: 'Doel gehaald',
    });
    expect([rm.message, ic.message]).toMatchObject([{ state: 'answered' }, { state: 'answered' }]);

    const exported = await store.exportRecords('c1');
    expect(
      exported.evaluations
        .filter((e) => e.respondent !== 'f1')
        .map((e) => e.respondent)
        .sort(),
    ).toEqual(['ic1', 'rm1']);
    const mine = exported.evaluations.filter((e) => e.respondent === 'f1');
    expect(mine).toHaveLength(20);
    // Every version whole, in the order given: nothing cut, nothing dropped.
    expect(mine.map((e) => (e.role === 'facilitator' ? e.lefExplanation : ''))).toEqual(
      Array.from({ length: 20 }, (_, i) => long(i + 1)),
    );
    expect(
      exported.evaluations
        .map((e) => e.respondent)
        .filter((r) => r !== 'f1')
        .sort(),
    ).toEqual(['ic1', 'rm1']);
    // The card shows the latest version, and a re-import of the export changes nothing.
    const card = await editAnswers(core, 'f1', id('facilitator', 'f1'));
    expect(card.kind === 'evaluation' && card.answers?.lefExplanation).toBe(long(20));
    expect((await store.importRecords(exported)).written).toBe(0);
  });

  it('stores twenty different answers of one person sent in parallel, each readable, and a double submit once', async () => {
    const { core, clock, store } = await opened();
    clock.advance(MINUTE);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, n) =>
        submitAnswers(core, 'f1', id('facilitator', 'f1'), facilitator(n)),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const versions = (await store.exportRecords('c1')).evaluations.filter((e) => e.respondent === 'f1');
    expect(versions.map((e) => (e.role === 'facilitator' ? e.lefExplanation : '')).sort()).toEqual(
      Array.from({ length: 20 }, (_, n) => long(n)).sort(),
    );

    // A double click: the same answers twice at once, after the others: one new version.
    clock.advance(MINUTE);
    const twice = await Promise.all([
      submitAnswers(core, 'f1', id('facilitator', 'f1'), facilitator(99)),
      submitAnswers(core, 'f1', id('facilitator', 'f1'), facilitator(99)),
    ]);
    expect(twice.map((r) => r.message.kind)).toEqual(['evaluation', 'evaluation']);
    const after = (await store.exportRecords('c1')).evaluations.filter((e) => e.respondent === 'f1');
    expect(after).toHaveLength(21);
  });

  it('keeps an answer whose write was lost through its follow-up, which then marks the assignment answered', async () => {
    const { core, store, tables, worker } = await opened();
    await submitAnswers(core, 'f1', id('facilitator', 'f1'), facilitator(1));
    // The version's write lost after the follow-up's was stored (a crash between the two).
    const [version] = await tables.list('activity', PK, ANSWER_RANGE);
    if (!version) throw new Error('no version');
    await tables.delete('activity', PK, version.rowKey);
    expect((await store.exportRecords('c1')).evaluations).toEqual([]);

    await worker.runOnce();
    const kept = (await store.exportRecords('c1')).evaluations;
    expect(kept).toMatchObject([{ respondent: 'f1', lefExplanation: long(1) }]);
    expect((await tables.list('activity', PK, ANSWER_RANGE)).map((e) => e.rowKey)).toEqual([version.rowKey]);
    const assignment = await core.assignments.get('c1', 'ses1', 'facilitator', 'f1');
    expect(assignment?.assignment).toMatchObject({ status: 'answered' });
  });

  it('refuses an explanation over the limit with a message at the field, storing nothing, and the card says the limit', async () => {
    const { core, tables } = await opened();
    const before = await tables.listByPartitionPrefix('activity', 'c1|');
    const refused = await submitAnswers(core, 'f1', id('facilitator', 'f1'), {
      ...facilitator(1),
      impactExplanation: 'x'.repeat(2001),
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).fields.impactExplanation).toEqual({
      nl: 'Te lang: hoogstens 2000 tekens. Er is niets opgeslagen; kort je tekst in.',
      en: 'Too long: at most 2,000 characters. Nothing was saved; please shorten your text.',
    });
    expect((await tables.listByPartitionPrefix('activity', 'c1|')).map((e) => e.etag)).toEqual(
      before.map((e) => e.etag),
    );

    const message = await editAnswers(core, 'f1', id('facilitator', 'f1'));
    if (message.kind !== 'evaluation') throw new Error('expected the questionnaire');
    const inputs = JSON.stringify(renderCard(message, 'nl'));
    expect(inputs.match(/"maxLength":2000,"placeholder":"Hoogstens 2.000 tekens"/g)).toHaveLength(2);
    const modal = JSON.stringify(evaluationModal(message, 'en'));
    expect(modal.match(/"max_length":2000/g)).toHaveLength(2);
  });

  it('reads sessions stored the old way, with their answers inside, and adds new versions beside them', async () => {
    const { core, clock, store, tables } = await opened();
    // A session entity as the previous version wrote it: every answer inside.
    const legacy: Evaluation = {
      session: 'ses1',
      respondent: 'f1',
      role: 'facilitator',
      submittedAt: '2026-03-02T12:00:30+01:00',
      lefApplied: true,
      lefExplanation: 'Oud antwoord',
      impact: true,
      impactExplanation: 'Oud antwoord',
    };
    const session = (await store.exportRecords('c1')).sessions[0];
    if (!session) throw new Error('setup');
    await tables.upsert('activity', sessionEntity(PK, { session, evaluations: [legacy] }));

    const card = await editAnswers(core, 'f1', id('facilitator', 'f1'));
    expect(card.kind === 'evaluation' && card.answers?.lefExplanation).toBe('Oud antwoord');
    const period = parsePeriod('2026-H1');
    if (!period) throw new Error('period');
    const scored = (await store.loadForScoring('c1', period, 's1')).evaluations;
    expect(scored).toEqual([legacy]);

    // The same answers again change nothing; new ones are a version after the old one.
    const same = await submitAnswers(core, 'f1', id('facilitator', 'f1'), {
      lefApplied: 'yes',
      lefExplanation: 'Oud antwoord',
      impact: 'yes',
      impactExplanation: 'Oud antwoord',
    });
    expect(same.message).toMatchObject({ state: 'answered' });
    expect((await store.exportRecords('c1')).evaluations).toEqual([legacy]);
    clock.advance(10_000);
    await submitAnswers(core, 'f1', id('facilitator', 'f1'), { ...facilitator(1), impact: 'no' });
    const exported = await store.exportRecords('c1');
    expect(exported.evaluations.map((e) => (e.role === 'facilitator' ? e.impact : undefined))).toEqual([
      true,
      false,
    ]);
  });
  it('moves every answer version with a session that moves to another partition, once', async () => {
    const { core, clock, store, tables } = await opened();
    for (let n = 1; n <= 3; n++) {
      clock.advance(MINUTE);
      await submitAnswers(core, 'f1', id('facilitator', 'f1'), facilitator(n));
    }
    const before = (await store.exportRecords('c1')).evaluations;
    expect(before).toHaveLength(3);
    // The planning system corrects the supplier: the session and its answers move to s2's partition.
    const records = await store.exportRecords('c1');
    records.people.push({ id: 'g9', name: 'Gert', roles: ['facilitator'], supplier: 's2' });
    const moved = records.sessions.map((s) => ({ ...s, supplier: 's2', facilitators: ['g9'] }));
    const changed = { ...records, sessions: moved, evaluations: [] };
    await store.importRecords(changed);
    expect((await store.importRecords(changed)).written).toBe(0);
    expect(await tables.list('activity', PK)).toEqual([]);
    const after = await store.exportRecords('c1');
    expect(after.sessions.map((s) => s.supplier)).toEqual(['s2']);
    expect(after.evaluations).toEqual(before);
  });
});
