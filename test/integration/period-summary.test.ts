// The period summary, against Azurite with an injected clock: when 2026-H1 ends, one card for all
// suppliers in the alert channel with each supplier's lights and consequence (provisional: the
// reports are not in yet); once the last figures are final, the final standing, once.
import { describe, expect, it } from 'vitest';
import type { PeriodSummaryView } from '../../src/channels/channel.ts';
import type { Records } from '../../src/domain/records.ts';
import { periodSummaryJob } from '../../src/flows/period-summary.ts';
import { renderBlocks } from '../../src/render/blocks.ts';
import { renderCard } from '../../src/render/cards.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { coreWith, sharedAzurite } from '../support/core-setup.ts';
import { baseRecords, valid } from '../support/records.ts';

const azurite = sharedAzurite();

/** Both suppliers' H1 survey round, open 20 June to 4 July, answered by the contract manager. */
function records(): Records {
  const r = baseRecords();
  r.people.push({ id: 'sc2', name: 'Saar', roles: ['supplierContact'], supplier: 's2' });
  r.socialReturn = ['s1', 's2'].map((supplier) => ({
    supplier,
    planSubmittedOn: '2026-03-01',
    figures: [{ upTo: '2026-06-30', revenue: 100_000, sroiValue: supplier === 's1' ? 3_000 : 1_000 }],
  }));
  r.surveyRounds = ['s1', 's2'].map((supplier) => ({
    id: `${supplier}-2026-H1`,
    supplier,
    opensOn: '2026-06-20',
    closesOn: '2026-07-04',
    respondents: ['cm1', 'lt1', supplier === 's1' ? 'sc1' : 'sc2'],
    responses: [
      {
        respondent: 'cm1',
        side: 'client' as const,
        submittedAt: '2026-06-22T12:00:00+02:00',
        answers: { collaboration: 'c', feedback: 'c' } as Record<string, 'c'>,
      },
    ],
  }));
  return valid(r);
}

describe('the period summary', () => {
  it('posts the closed period for all suppliers, then the final standing once, each once', async () => {
    const setup = await coreWith(azurite(), 'ps', records(), Date.parse('2026-06-30T20:00:00+02:00'));
    const { clock, conversations, worker } = setup;
    const scheduler = new Scheduler(setup.core, [periodSummaryJob], 'one');
    const summaries = async (): Promise<PeriodSummaryView[]> =>
      (await conversations.list(undefined)).flatMap((m) =>
        m.message.kind === 'period-summary' ? [m.message.summary] : [],
      );
    const at = async (iso: string) => {
      clock.set(Date.parse(iso));
      await scheduler.tick();
      await worker.runOnce();
      await worker.runOnce();
    };

    await at('2026-06-30T23:00:00+02:00');
    expect(await summaries()).toEqual([]); // the first half-year has not ended
    await at('2026-07-01T00:00:00+02:00');
    const [ended] = await summaries();
    expect(ended).toMatchObject({ period: '2026-H1', final: false });
    expect(ended?.suppliers.map((s) => s.name)).toEqual(['Facilitators BV', 'Andere BV']);
    expect(ended?.suppliers[1]?.kpis.find((k) => k.id === 'KPI7')?.status).toBe('red');
    const card = JSON.stringify(
      renderCard({ kind: 'period-summary', summary: ended as PeriodSummaryView }, 'nl'),
    );
    expect(card).toContain('Periode afgesloten: 1e halfjaar 2026');
    expect(card).toContain('KPI7 ✖');
    expect(card).toContain('Extra inspanning vereist (1 rode KPI)');
    expect(
      JSON.stringify(renderBlocks({ kind: 'period-summary', summary: ended as PeriodSummaryView }, 'en')),
    ).toContain('Period closed: 1st half of 2026');

    expect(ended?.suppliers[0]?.kpis.find((k) => k.id === 'KPI5')?.status).toBe('pending');

    // Hours later nothing new; the survey rounds close on 4 July and are judged: the final standing, once.
    await at('2026-07-02T09:00:00+02:00');
    expect(await summaries()).toHaveLength(1);
    await at('2026-07-05T09:00:00+02:00');
    await at('2026-07-05T10:00:00+02:00');
    await at('2026-07-06T10:00:00+02:00');
    const all = await summaries();
    expect(all.map((s) => s.final)).toEqual([false, true]);
    expect(
      JSON.stringify(renderCard({ kind: 'period-summary', summary: all[1] as PeriodSummaryView }, 'nl')),
    ).toContain('Eindstand: 1e halfjaar 2026');
  });
});
