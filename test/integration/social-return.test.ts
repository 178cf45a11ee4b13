// Social return in chat (KPI 7), against Azurite with an injected clock: the daily job asks each
// supplier's contacts for the plan of approach before its deadline and reminds those who have not
// submitted it; a submission goes to the contract manager, who asks for a correction (with a
// reason the supplier is told) or confirms it; only a confirmed one reaches the records and KPI 7;
// after the half-year the cumulative figures are asked the same way. Nobody answers for another,
// and every step is in the audit trail.
import { describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import { handleCommand } from '../../src/flows/commands.ts';
import { submitAnswers } from '../../src/flows/evaluations.ts';
import { SocialReturnStore } from '../../src/store/social-return.ts';
import { coreWith, sharedAzurite } from '../support/core-setup.ts';
import { factBed } from '../support/fact-bed.ts';
import { baseRecords, valid } from '../support/records.ts';

const azurite = sharedAzurite();
type Notice = Extract<BotMessage, { kind: 'notice' }>;

async function opened() {
  const r = baseRecords();
  r.people.push({ id: 'sc2', name: 'Saar', roles: ['supplierContact'], supplier: 's2' });
  const setup = await coreWith(azurite(), 'sr', valid(r), Date.parse('2026-03-02T08:00:00+01:00'));
  const { core } = setup;
  const bed = factBed(setup);
  const kpi7 = async (period: string) => {
    const [card] = await handleCommand(core, 'cm1', `scorecard Facilitators ${period}`);
    if (card?.kind !== 'scorecard') throw new Error('no scorecard');
    return card.scorecard.kpis.find((k) => k.id === 'KPI7');
  };
  const entry = async () => (await new SocialReturnStore(core.tables, core.contract).entry('s1'))?.entry;
  return { ...setup, ...bed, kpi7, entry };
}

describe('social return in chat', () => {
  it('asks for the plan, reminds, takes a correction and a confirmation, then the figures, and scores KPI 7 from what was confirmed', async () => {
    const { core, clock, at, run, cards, notices, answer, kpi7, entry } = await opened();
    await at('2026-03-02T08:00:00+01:00');
    // Each supplier's contact is asked for the plan; nobody on the client side is.
    const [plan] = await cards('sc1', 'socialreturn-plan');
    if (!plan) throw new Error('no plan card for sc1');
    expect(plan.facts.map((f) => f.value.nl)).toEqual(['Facilitators BV', '1 april 2026']);
    expect(await cards('sc2', 'socialreturn-plan')).toHaveLength(1);
    expect(await cards('cm1')).toHaveLength(0);
    // Asked once, however often the day's job runs.
    await at('2026-03-03T08:00:00+01:00');
    expect(await cards('sc1', 'socialreturn-plan')).toHaveLength(1);

    // Nobody answers for someone else; a plan needs its link.
    await expect(submitAnswers(core, 'sc2', plan.assignmentId, {})).rejects.toMatchObject({
      code: 'not-yours',
    });
    await expect(
      answer('sc1', plan.assignmentId, { planDate: '2026-03-18', link: 'ftp://x' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: { link: expect.anything() },
    });

    // Two weeks before the deadline, those who have not submitted are reminded.
    clock.set(Date.parse('2026-03-18T09:00:00+01:00'));
    const submitted = await answer('sc1', plan.assignmentId, {
      planDate: '2026-03-17',
      link: 'https://example.nl/sr-plan',
    });
    expect(submitted.status.nl).toContain('wacht op bevestiging door de contractmanager');
    expect((await cards('sc2', 'socialreturn-plan')).filter((c) => c.reminder)).toHaveLength(1);
    expect((await cards('sc1', 'socialreturn-plan')).filter((c) => c.reminder)).toHaveLength(0);
    // Not confirmed yet: nothing in the records, KPI 7 waits for the deadline.
    expect((await entry())?.planSubmittedOn).toBeUndefined();

    // The contract manager reviews it: a correction needs a reason, which the supplier is told.
    const [review] = await cards('cm1', 'socialreturn-review');
    if (!review) throw new Error('no review card');
    expect(review.facts.map((f) => f.value.nl)).toContain('https://example.nl/sr-plan');
    expect(review.note?.text.nl).toContain('Ingediend door Sam op 18 maart 2026');
    await expect(
      submitAnswers(core, 'sc1', review.assignmentId, { decision: 'confirm' }),
    ).rejects.toMatchObject({
      code: 'not-yours',
    });
    await expect(
      answer('cm1', review.assignmentId, { decision: 'changes', reason: '' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: { reason: expect.anything() },
    });
    clock.set(Date.parse('2026-03-19T10:00:00+01:00'));
    await answer('cm1', review.assignmentId, { decision: 'changes', reason: 'Het plan mist de doelgroepen' });
    expect(await notices('sc1')).toContain(
      'Carla vraagt om een correctie op het plan van aanpak social return: Het plan mist de doelgroepen',
    );
    // A decision stands: a second one is refused.
    await expect(answer('cm1', review.assignmentId, { decision: 'confirm' })).rejects.toMatchObject({
      code: 'fact-closed',
    });
    expect((await entry())?.planSubmittedOn).toBeUndefined();

    // Corrected and submitted again: a new review; confirmed, it reaches the records.
    clock.set(Date.parse('2026-03-20T11:00:00+01:00'));
    await answer('sc1', plan.assignmentId, { planDate: '2026-03-20', link: 'https://example.nl/sr-plan-2' });
    const second = (await cards('cm1', 'socialreturn-review')).filter(
      (c) => c.assignmentId !== review.assignmentId,
    );
    expect(second).toHaveLength(1);
    clock.set(Date.parse('2026-03-20T14:00:00+01:00'));
    await answer('cm1', second[0]?.assignmentId as string, { decision: 'confirm' });
    expect(await entry()).toMatchObject({
      planSubmittedOn: '2026-03-20',
      planDate: '2026-03-20',
      planLink: 'https://example.nl/sr-plan-2',
      figures: [],
    });
    expect(await notices('sc1')).toContain('Carla heeft het plan van aanpak social return bevestigd.');
    expect(await kpi7('2026-H1')).toMatchObject({ status: 'pending' });

    // A review that a newer submission replaced confirms nothing, even before it is closed.
    clock.set(Date.parse('2026-03-25T09:00:00+01:00'));
    await answer('sc1', plan.assignmentId, { planDate: '2026-03-25', link: 'https://example.nl/sr-plan-3' });
    const third = (await cards('cm1', 'socialreturn-review')).at(-1);
    clock.set(Date.parse('2026-03-25T09:05:00+01:00'));
    await submitAnswers(core, 'sc1', plan.assignmentId, {
      planDate: '2026-03-25',
      link: 'https://example.nl/sr-plan-4',
    });
    await expect(
      submitAnswers(core, 'cm1', third?.assignmentId as string, { decision: 'confirm' }),
    ).rejects.toMatchObject({
      code: 'fact-superseded',
    });
    await run();
    const fourth = (await cards('cm1', 'socialreturn-review')).at(-1);
    clock.set(Date.parse('2026-04-10T09:00:00+02:00'));
    await answer('cm1', fourth?.assignmentId as string, { decision: 'confirm' });
    // The plan stays submitted on the day it was first confirmed as submitted; its link is the latest.
    expect(await entry()).toMatchObject({
      planSubmittedOn: '2026-03-20',
      planLink: 'https://example.nl/sr-plan-4',
    });

    // After the half-year: the cumulative figures up to 30 June, due three weeks later.
    await at('2026-07-01T08:00:00+02:00');
    const [figures] = await cards('sc1', 'socialreturn-figures');
    if (!figures) throw new Error('no figures card');
    expect(figures.facts[1]?.value.nl).toBe(
      '1e halfjaar 2026: cumulatief t/m 30 juni 2026, uiterlijk 21 juli 2026',
    );
    await expect(
      answer('sc1', figures.assignmentId, { revenue: '-10', sroiValue: 'veel' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: { revenue: expect.anything(), sroiValue: expect.anything() },
    });
    clock.set(Date.parse('2026-07-03T09:00:00+02:00'));
    await answer('sc1', figures.assignmentId, { revenue: '120.000', sroiValue: '1.800,50' });
    const reviews = await cards('cm1', 'socialreturn-review');
    expect(JSON.stringify(reviews.at(-1)?.facts)).toContain('1,5% van de omzet');
    clock.set(Date.parse('2026-07-04T09:00:00+02:00'));
    await answer('cm1', reviews.at(-1)?.assignmentId as string, { decision: 'confirm' });
    expect((await entry())?.figures).toEqual([{ upTo: '2026-06-30', revenue: 120000, sroiValue: 1800.5 }]);
    // 1.5% of the revenue, under the 2% norm: red.
    expect(await kpi7('2026-H1')).toMatchObject({ status: 'red' });

    // The audit trail has each submission and decision, with who and when.
    const [trail] = (await handleCommand(core, 'cm1', 'wijzigingen')) as Notice[];
    const text = trail?.text.nl ?? '';
    expect(text).toContain('Carla · social return bevestigd van Facilitators BV (2026-H1)');
    expect(text).toContain(
      'Sam · social return ingediend door Facilitators BV (2026-H1) — periode: 2026-H1; omzet: 120000',
    );
    expect(text).toContain(
      'Carla · correctie gevraagd op social return van Facilitators BV — reden: Het plan mist de doelgroepen',
    );
    expect(text.match(/social return ingediend door Facilitators BV —/g)).toHaveLength(4);
  });
});
