// The progress report's delivery in chat (KPI 6), against Azurite with an injected clock: once the
// half-year has ended, each supplier's contacts get the draft (a signed link to the PDF) and add an
// explanation per KPI; submitting it is the delivery, its day what KPI 6 judges. The contract manager
// rejects it with a reason (before the due date: as if not delivered), the supplier delivers again,
// the manager accepts, and KPI 6 is green; the other supplier never delivers: after the due date
// its card says it is late and KPI 6 is red and alerted. Nobody answers for another; every step is
// in the audit trail.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import type { QuestionnaireMessage } from '../../src/channels/questionnaire-view.ts';
import { handleCommand } from '../../src/flows/commands.ts';
import { submitAnswers } from '../../src/flows/evaluations.ts';
import { reportMessage } from '../../src/flows/facts/report-view.ts';
import { reportSubject } from '../../src/flows/facts/reports.ts';
import { openReportLink, renderReport } from '../../src/flows/report.ts';
import type { FactAssignment } from '../../src/store/assignments.ts';
import { ReportStore } from '../../src/store/reports.ts';
import { coreWith, sharedAzurite } from '../support/core-setup.ts';
import { factBed } from '../support/fact-bed.ts';
import { baseRecords, valid } from '../support/records.ts';

const azurite = sharedAzurite();
type Notice = Extract<BotMessage, { kind: 'notice' }>;

async function opened() {
  const r = baseRecords();
  r.people.push({ id: 'sc2', name: 'Saar', roles: ['supplierContact'], supplier: 's2' });
  const setup = await coreWith(azurite(), 'rd', valid(r), Date.parse('2026-06-30T08:00:00+02:00'));
  const { core, conversations } = setup;
  const bed = factBed(setup);
  const kpi6 = async (supplier: string, period: string) => {
    const [card] = await handleCommand(core, 'cm1', `scorecard ${supplier} ${period}`);
    if (card?.kind !== 'scorecard') throw new Error('no scorecard');
    return card.scorecard.kpis.find((k) => k.id === 'KPI6');
  };
  const entry = (supplier: string) => new ReportStore(core.tables, core.contract).entry(supplier, '2026-H1');
  const alerts = async () =>
    (await conversations.list(undefined)).flatMap((m) =>
      m.message.kind === 'alert' ? [m.message.alert] : [],
    );
  return { ...setup, ...bed, kpi6, entry, alerts };
}

const token = (card: QuestionnaireMessage) => card.link?.url.nl.split('/reports/')[1] ?? '';

describe('the progress report delivered and judged in chat', () => {
  it('draft, explanation, delivered on time, rejected with a reason, delivered again, accepted; the other late, red and alerted', async () => {
    const { core, clock, at, run, cards, notices, answer, kpi6, entry, alerts } = await opened();
    // The half-year has not ended: nothing asked yet.
    await at('2026-06-30T08:00:00+02:00');
    expect(await cards('sc1', 'report-delivery')).toHaveLength(0);

    // The day after, each supplier's contacts get the draft and the due date; the client's people not.
    await at('2026-07-01T08:00:00+02:00');
    const [draft] = await cards('sc1', 'report-delivery');
    if (!draft) throw new Error('no report card for sc1');
    expect(draft.facts.map((f) => f.value.nl)).toEqual([
      'Facilitators BV',
      '1e halfjaar 2026',
      '21 juli 2026',
    ]);
    expect(draft.set.questions.map((q) => q.id)).toEqual([
      'explainKPI1',
      'explainKPI2',
      'explainKPI3',
      'explainKPI4',
      'explainKPI5',
      'explainKPI6',
      'explainKPI7',
    ]);
    expect(draft.link?.title.nl).toBe('Concept openen (PDF)');
    expect(await cards('sc2', 'report-delivery')).toHaveLength(1);
    expect(await cards('cm1', 'report-delivery')).toHaveLength(0);
    // Asked once, however often the day's job runs.
    await at('2026-07-02T08:00:00+02:00');
    expect(await cards('sc1', 'report-delivery')).toHaveLength(1);

    // The draft opens for its reader only, as a PDF drawn from the data.
    const opening = await openReportLink(core, token(draft));
    expect(opening).toMatchObject({ ok: true, link: { person: 'sc1', supplier: 's1', period: '2026-H1' } });
    if (!opening.ok) throw new Error('refused');
    expect((await renderReport(core, opening.link)).subarray(0, 5).toString()).toBe('%PDF-');

    // Nobody delivers for someone else.
    await expect(submitAnswers(core, 'sc2', draft.assignmentId, {})).rejects.toMatchObject({
      code: 'not-yours',
    });

    // Delivered on 10 July with an explanation: on time, awaiting judgement.
    clock.set(Date.parse('2026-07-10T09:00:00+02:00'));
    const delivered = await answer('sc1', draft.assignmentId, {
      explainKPI1: 'Twee aanvragen kwamen in de zomer.',
    });
    expect(delivered.status.nl).toContain(
      'Opgeleverd op 10 juli 2026; wacht op het oordeel van de contractmanager',
    );
    expect(await entry('s1')).toEqual({
      supplier: 's1',
      covers: '2026-H1',
      deliveredOn: '2026-07-10',
      explanations: { KPI1: 'Twee aanvragen kwamen in de zomer.' },
    });
    expect(await kpi6('Facilitators', '2026-H2')).toMatchObject({ status: 'pending' });

    // A week before the due date, those who have not delivered are reminded.
    clock.set(Date.parse('2026-07-14T09:00:00+02:00'));
    await run();
    expect((await cards('sc2', 'report-delivery')).filter((c) => c.reminder)).toHaveLength(1);
    expect((await cards('sc1', 'report-delivery')).filter((c) => c.reminder)).toHaveLength(0);
    expect((await cards('sc2', 'report-delivery')).find((c) => c.reminder)?.reminder?.nl).toBe(
      'Herinnering: de voortgangsrapportage over 1e halfjaar 2026 moet uiterlijk 21 juli 2026 opgeleverd zijn.',
    );

    // The contract manager judges it, with the report and the explanations at hand.
    const [review] = await cards('cm1', 'report-review');
    if (!review) throw new Error('no review card');
    expect(review.facts).toContainEqual({
      title: { nl: 'KPI1 Levering passende facilitatoren', en: 'KPI1 Fitting facilitators proposed' },
      value: { nl: 'Twee aanvragen kwamen in de zomer.', en: 'Twee aanvragen kwamen in de zomer.' },
    });
    expect(review.facts.map((f) => f.value.nl)).toContain('10 juli 2026');
    expect(review.link?.title.nl).toBe('Rapportage openen (PDF)');
    expect(await openReportLink(core, token(review))).toMatchObject({ ok: true, link: { person: 'cm1' } });
    await expect(
      submitAnswers(core, 'sc1', review.assignmentId, { decision: 'confirm' }),
    ).rejects.toMatchObject({
      code: 'not-yours',
    });
    // A rejection needs its reason.
    await expect(
      answer('cm1', review.assignmentId, { decision: 'changes', reason: '' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: { reason: expect.anything() },
    });
    clock.set(Date.parse('2026-07-15T10:00:00+02:00'));
    await answer('cm1', review.assignmentId, {
      decision: 'changes',
      reason: 'De toelichting bij KPI 3 ontbreekt.',
    });
    expect(await notices('sc1')).toContain(
      'Carla wees de voortgangsrapportage over 1e halfjaar 2026 af: De toelichting bij KPI 3 ontbreekt.',
    );
    // Rejected before the due date: as if not delivered; the reason is kept.
    expect(await entry('s1')).toMatchObject({ reason: 'De toelichting bij KPI 3 ontbreekt.' });
    expect((await entry('s1'))?.deliveredOn).toBeUndefined();
    const rejected = (await cards('sc1', 'report-delivery')).at(-1);
    // Its card is open again: the report is owed once more (and reminded, like one not delivered).
    expect(rejected?.state).toBe('open');
    expect(rejected?.note?.text.nl).toBe(
      'De contractmanager wees de rapportage af: De toelichting bij KPI 3 ontbreekt.',
    );

    // Delivered again on the 17th, judged on the 18th: accepted, and the asking ends.
    clock.set(Date.parse('2026-07-17T11:00:00+02:00'));
    await answer('sc1', draft.assignmentId, {
      explainKPI1: 'Twee aanvragen kwamen in de zomer.',
      explainKPI3: 'Eén sessie zonder impactmeting: de deelnemers vertrokken vroeg.',
    });
    expect((await entry('s1'))?.deliveredOn).toBe('2026-07-17');
    const second = (await cards('cm1', 'report-review')).filter(
      (c) => c.assignmentId !== review.assignmentId,
    );
    expect(second).toHaveLength(1);
    clock.set(Date.parse('2026-07-18T14:00:00+02:00'));
    await answer('cm1', second[0]?.assignmentId as string, { decision: 'confirm' });
    expect(await entry('s1')).toEqual({
      supplier: 's1',
      covers: '2026-H1',
      deliveredOn: '2026-07-17',
      accepted: true,
      explanations: {
        KPI1: 'Twee aanvragen kwamen in de zomer.',
        KPI3: 'Eén sessie zonder impactmeting: de deelnemers vertrokken vroeg.',
      },
    });
    expect(await notices('sc1')).toContain(
      'Carla heeft de voortgangsrapportage over 1e halfjaar 2026 geaccepteerd.',
    );
    expect((await cards('sc1', 'report-delivery')).at(-1)?.state).toBe('closed');
    await expect(answer('sc1', draft.assignmentId, {})).rejects.toMatchObject({ code: 'fact-closed' });
    // The report as delivered carries the explanations and the judgement.
    const pdf = join(mkdtempSync(join(tmpdir(), 'delivery-')), 'report.pdf');
    writeFileSync(pdf, await renderReport(core, { ...opening.link, person: 'cm1' }));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('Toelichting van de opdrachtnemer');
    expect(text).toContain('de deelnemers vertrokken vroeg');

    // After the due date: the accepted one is green; the other supplier's is late, red and alerted.
    await at('2026-07-22T08:00:00+02:00');
    expect(await kpi6('Facilitators', '2026-H2')).toMatchObject({ status: 'green' });
    expect(await kpi6('Andere', '2026-H2')).toMatchObject({ status: 'red' });
    expect(await entry('s2')).toBeUndefined();
    const redAlerts = (await alerts()).filter((a) => a.supplier === 's2' && a.period === '2026-H2');
    expect(redAlerts.map((a) => a.newlyRed.map((k) => k.id))).toContainEqual(['KPI6']);
    expect((await alerts()).some((a) => a.supplier === 's1' && a.newlyRed.some((k) => k.id === 'KPI6'))).toBe(
      false,
    );
    const [late] = await core.assignments.forFact(core.contract, 'report', reportSubject('s2', '2026-H1'));
    const lateCard = await reportMessage(core, late?.assignment as FactAssignment);
    expect(lateCard.note?.text.nl).toBe(
      'De rapportage was uiterlijk 21 juli 2026 nodig en is nog niet opgeleverd: KPI 6 staat op rood. Lever haar alsnog op.',
    );

    // The audit trail has each delivery and judgement, with who and when.
    const [trail] = (await handleCommand(core, 'cm1', 'wijzigingen')) as Notice[];
    const audit = trail?.text.nl ?? '';
    expect(audit).toContain(
      'Sam · voortgangsrapportage opgeleverd door Facilitators BV (2026-H1) — periode: 2026-H1; toelichting KPI1: Twee aanvragen kwamen in de zomer.',
    );
    expect(audit).toContain(
      'Carla · voortgangsrapportage afgewezen van Facilitators BV (2026-H1) — reden: De toelichting bij KPI 3 ontbreekt.',
    );
    expect(audit).toContain('Carla · voortgangsrapportage geaccepteerd van Facilitators BV (2026-H1)');
  });
});
