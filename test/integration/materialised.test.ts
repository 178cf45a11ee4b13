// `/scorecard` answers from the stored scorecard, against Azurite with an injected clock: scored
// and stored on first read, read back (a row altered by hand shows, proving it is read), scored
// again after a change, on the next day, for another revision, and a computation overtaken by a
// change never overwrites the stale mark.
import { describe, expect, it } from 'vitest';
import type { ScorecardView } from '../../src/channels/channel.ts';
import { DAY } from '../../src/clock.ts';
import { parsePeriod } from '../../src/domain/periods.ts';
import { handleCommand } from '../../src/flows/commands.ts';
import { importRecordsFile } from '../../src/flows/import-records.ts';
import { enqueueRecompute } from '../../src/flows/scorecard.ts';
import { computeScorecard, isFresh, toStored } from '../../src/flows/scorecard-read.ts';
import { key } from '../../src/store/tables.ts';
import { coreWith, oneSession, sharedAzurite } from '../support/core-setup.ts';

const azurite = sharedAzurite();

/** 2 March 2026, 15:00 in Amsterdam: ses1 ended at noon. */
const MARCH_2 = Date.parse('2026-03-02T15:00:00+01:00');

async function opened() {
  const setup = await coreWith(azurite(), 'mat', oneSession(), MARCH_2);
  await setup.worker.runOnce();
  const scorecard = async (): Promise<ScorecardView> => {
    const [message] = await handleCommand(setup.core, 'cm1', 'scorecard s1');
    if (message?.kind !== 'scorecard') throw new Error(`no scorecard: ${JSON.stringify(message)}`);
    return message.scorecard;
  };
  /** Rewrites the stored row's KPI 1 status by hand, as nothing in the product would. */
  const tamper = async (status: string) => {
    const pk = key('c1', 's1');
    const row = await setup.core.tables.get('scorecards', pk, key('2026-H1'));
    if (!row) throw new Error('no stored scorecard');
    const stored = JSON.parse(row.json);
    stored.scorecard.kpis[0].status = status;
    await setup.core.tables.upsert('scorecards', { ...row, json: JSON.stringify(stored) });
  };
  return { ...setup, scorecard, tamper };
}

describe('the stored scorecard', () => {
  it('is stored on first read and read back until a change marks it stale', async () => {
    const { core, worker, scorecard, tamper } = await opened();
    const first = await scorecard();
    expect(first.kpis[0]?.status).not.toBe('red');
    const row = await core.scorecards.read('s1', '2026-H1');
    expect(row.stored?.scorecard.kpis.map((k) => k.status)).toEqual(first.kpis.map((k) => k.status));

    await tamper('red');
    expect((await scorecard()).kpis[0]?.status).toBe('red'); // read from the row, not scored

    await enqueueRecompute(core, 's1', '2026-03-02T09:00:00+01:00'); // what every change does
    expect((await core.scorecards.read('s1', '2026-H1')).stored).toBeUndefined();
    expect((await scorecard()).kpis[0]?.status).toBe(first.kpis[0]?.status); // scored afresh
    await worker.runOnce(); // the recomputation stores it again
    expect((await core.scorecards.read('s1', '2026-H1')).stored?.computedAt).toBe(core.clock.now());
  });

  it('is scored again on the next day while its period runs, and for another version', async () => {
    const { core, clock, scorecard, tamper } = await opened();
    await scorecard();
    await tamper('red');
    clock.advance(DAY);
    expect((await scorecard()).kpis[0]?.status).not.toBe('red');
    const stored = (await core.scorecards.read('s1', '2026-H1')).stored;
    if (!stored) throw new Error('not stored');
    expect(stored.day).toBe('2026-03-03');
    expect(isFresh(stored, stored.version, '2026-03-03')).toBe(true);
    expect(isFresh(stored, 'another', '2026-03-03')).toBe(false);
    expect(isFresh(stored, stored.version, '2026-03-04')).toBe(false);
  });

  it('stays fresh after its period once nothing is pending, and not while something is', async () => {
    const { core, scorecard } = await opened();
    await scorecard();
    const stored = (await core.scorecards.read('s1', '2026-H1')).stored;
    if (!stored) throw new Error('not stored');
    const settled = { ...stored, day: '2026-08-01' };
    settled.scorecard = {
      ...stored.scorecard,
      kpis: stored.scorecard.kpis.map((k) => ({ ...k, status: 'green' as const })),
    };
    expect(isFresh(settled, stored.version, '2027-05-01')).toBe(true);
    const waiting = {
      ...settled,
      scorecard: {
        ...settled.scorecard,
        kpis: settled.scorecard.kpis.map((k, i) => (i === 5 ? { ...k, status: 'pending' as const } : k)),
      },
    };
    expect(isFresh(waiting, stored.version, '2027-05-01')).toBe(false);
  });

  it('is never overwritten by a computation that a change overtook', async () => {
    const { core, scorecard } = await opened();
    await scorecard();
    const period = parsePeriod('2026-H1');
    if (!period) throw new Error('no period');
    const before = await core.scorecards.read('s1', period.id);
    const scored = await computeScorecard(core, 's1', period);
    await core.scorecards.invalidate('s1', period.id); // a change lands meanwhile
    const view = await core.contractView();
    expect(await core.scorecards.write(toStored(core, scored, view), before.etag)).toBe(false);
    expect((await core.scorecards.read('s1', period.id)).stored).toBeUndefined();
    // And a first write loses to a row someone else created in between.
    await core.scorecards.write(
      toStored(core, scored, view),
      (await core.scorecards.read('s1', period.id)).etag,
    );
    expect(await core.scorecards.write(toStored(core, scored, view), undefined)).toBe(false);
  });

  it('is marked stale everywhere by an import that changes anything', async () => {
    const { core, scorecard } = await opened();
    await scorecard();
    expect((await core.scorecards.read('s1', '2026-H1')).stored).toBeDefined();
    const changed = oneSession();
    const person = changed.people.find((p) => p.id === 'cm1');
    if (person) person.name = 'Another name';
    await importRecordsFile(core, changed, core.clock);
    expect((await core.scorecards.read('s1', '2026-H1')).stored).toBeUndefined();
  });
});
