// A LEF day in chat (KPI 4), against Azurite with an injected clock: planned by the LEF team (and by
// nobody else), every facilitator onboarded before it invited, an excuse before the day (agreed in
// advance) and one on the day (late), reminders a week and a day before to those who did not excuse
// themselves, the LEF team's attendance card on the day (a facilitator cannot use it), the
// supplier's contact's contributions, and KPI 4 on both suppliers' scorecards after it.
import { describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import type { QuestionnaireMessage } from '../../src/channels/questionnaire-view.ts';
import type { Records } from '../../src/domain/records.ts';
import { handleCommand } from '../../src/flows/commands.ts';
import { submitAnswers } from '../../src/flows/evaluations.ts';
import { importRecordsFile } from '../../src/flows/import-records.ts';
import { refreshQuestionnaireMessages } from '../../src/flows/questionnaire/follow-up.ts';
import { renderBlocks } from '../../src/render/blocks.ts';
import { renderCard } from '../../src/render/cards.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import { coreWith, sharedAzurite } from '../support/core-setup.ts';
import { baseRecords, valid } from '../support/records.ts';

const azurite = sharedAzurite();
const DAY_ID = 'lefdag-2026-06-11';
const of = (role: string, person: string) =>
  assignmentId({ kind: 'lefday', day: DAY_ID, role, person } as never);

function records(): Records {
  const r = baseRecords();
  r.people.push({ id: 'sc2', name: 'Saar', roles: ['supplierContact'], supplier: 's2' });
  // Onboarded after the day: not expected, not invited.
  r.people.push({
    id: 'f9',
    name: 'Nieuw',
    roles: ['facilitator'],
    supplier: 's1',
    onboardedOn: '2026-06-20',
  });
  return valid(r);
}

async function opened() {
  const setup = await coreWith(azurite(), 'ld', records(), Date.parse('2026-05-01T10:00:00+02:00'));
  const { core, clock, worker, conversations } = setup;
  const at = async (iso: string) => {
    clock.set(Date.parse(iso));
    await worker.runOnce();
    await worker.runOnce();
  };
  const cards = async (person: string) =>
    (await conversations.list(person))
      .map((m) => m.message)
      .filter((m): m is QuestionnaireMessage => m.kind === 'questionnaire');
  const say = (person: string, text: string) => handleCommand(core, person, text);
  const answer = async (person: string, id: string, answers: Record<string, string>) => {
    const result = await submitAnswers(core, person, id, answers);
    await worker.runOnce();
    await worker.runOnce();
    return result;
  };
  const kpi4 = async (supplier: string) => {
    const [card] = await say('cm1', `scorecard ${supplier} 2026-H1`);
    if (card?.kind !== 'scorecard') throw new Error('no scorecard');
    return card.scorecard.kpis.find((k) => k.id === 'KPI4');
  };
  return { ...setup, at, cards, say, answer, kpi4 };
}

describe('a LEF day in chat', () => {
  it('plans, invites, takes excuses before and on the day, reminds, registers attendance and contributions, and scores KPI 4', async () => {
    const { at, cards, say, answer, kpi4, core } = await opened();
    // Only the client side plans; a date must be a real one, after today, and not taken.
    await expect(say('f1', 'lefdag 2026-06-11')).rejects.toMatchObject({ code: 'not-allowed' });
    await expect(say('sc1', 'lefdag 2026-06-11')).rejects.toMatchObject({ code: 'not-allowed' });
    await expect(say('lt1', 'lefdag 31-02-2027')).rejects.toMatchObject({
      code: 'bad-argument',
      detail: { nl: expect.stringContaining('"31-02-2027" is geen datum') },
    });
    await expect(say('lt1', 'lefdag 2026-04-01')).rejects.toMatchObject({ code: 'bad-argument' });
    const [planned] = await say('lt1', 'lefdag 11-6-2026');
    expect(planned).toMatchObject({ kind: 'notice', tone: 'good' });
    expect((planned as Extract<BotMessage, { kind: 'notice' }>).text.nl).toContain(
      'LEF-dag gepland op 11 juni 2026. 3 facilitatoren zijn uitgenodigd',
    );
    await expect(say('lt2', 'lefdag 2026-06-11')).rejects.toMatchObject({
      detail: { nl: 'Er staat al een LEF-dag op 11 juni 2026.' },
    });
    await at('2026-05-01T10:01:00+02:00');
    for (const person of ['f1', 'f2', 'g1']) expect((await cards(person))[0]?.set.id).toBe('lefday-excuse');
    expect(await cards('f9')).toEqual([]);

    // 1 June: Frits excuses himself, before the day.
    await at('2026-06-01T12:00:00+02:00');
    await expect(answer('f2', of('invitee', 'f2'), { reason: ' ' })).rejects.toMatchObject({
      code: 'invalid',
    });
    await answer('f2', of('invitee', 'f2'), { reason: 'Training elders' });
    // 4 June, 09:00, and 10 June, 09:00: reminders to those who did not excuse themselves.
    await at('2026-06-04T09:00:00+02:00');
    await at('2026-06-10T09:00:00+02:00');
    expect((await cards('f1')).filter((c) => c.reminder)).toHaveLength(2);
    expect((await cards('g1')).filter((c) => c.reminder)).toHaveLength(2);
    expect((await cards('f2')).filter((c) => c.reminder)).toHaveLength(0);

    // 11 June: Gijs excuses himself on the day (late); the LEF team gets the attendance card.
    await at('2026-06-11T00:00:00+02:00');
    await at('2026-06-11T08:00:00+02:00');
    await answer('g1', of('invitee', 'g1'), { reason: 'Ziek' });
    const [card] = (await cards('lt1')).filter((c) => c.set.id === 'lefday-attendance');
    expect(card?.set.questions.map((q) => q.label.nl)).toEqual([
      'Gijs (Andere BV)',
      'Fenna (Facilitators BV)',
      'Frits (Facilitators BV)',
    ]);
    expect(card?.answers).toMatchObject({ p2: 'excused' }); // Frits's excuse is on the card already
    expect(JSON.stringify(renderCard(card as BotMessage, 'nl'))).toContain('Aanwezigheid LEF-dag');
    expect(JSON.stringify(renderBlocks(card as BotMessage, 'en').blocks)).toContain(
      'Attendance at the LEF day',
    );
    // A facilitator cannot register attendance (the card is the LEF team's).
    await expect(
      answer('f1', of('attendance', 'lt1'), { p0: 'present', p1: 'present', p2: 'present' }),
    ).rejects.toMatchObject({
      code: 'not-yours',
    });
    await expect(
      answer('lt1', of('attendance', 'lt1'), { p0: 'excused', p1: 'present' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: { p2: expect.anything() },
    });
    await answer('lt1', of('attendance', 'lt1'), { p0: 'excused', p1: 'present', p2: 'excused' });

    // Sam (Facilitators BV) adds Fenna's contribution; Saar (Andere BV) has nobody who was there.
    const [contribution] = (await cards('sc1')).filter((c) => c.set.id === 'lefday-contribution');
    // Every expected facilitator of hers is listed (a correction needs no other card); only those present count.
    expect(contribution?.set.questions.map((q) => q.label.nl)).toEqual(['Fenna', 'Frits']);
    expect((await cards('sc2')).filter((c) => c.set.id === 'lefday-contribution')).toEqual([]);
    await expect(answer('sc2', of('contribution', 'sc1'), { c0: 'x' })).rejects.toMatchObject({
      code: 'not-yours',
    });
    await answer('sc1', of('contribution', 'sc1'), {
      c0: 'Werkvorm over systeemdenken gegeven',
      c1: 'Was er niet',
    });

    const exported = await core.records.exportRecords('c1');
    const day = exported.lefDays.find((d) => d.id === DAY_ID);
    expect(day?.attendance).toEqual(
      expect.arrayContaining([
        { person: 'f1', status: 'present', contribution: 'Werkvorm over systeemdenken gegeven' },
        {
          person: 'f2',
          status: 'excused',
          reason: 'Training elders',
          registeredAt: '2026-06-01T12:00:00+02:00',
        },
        { person: 'g1', status: 'excused', reason: 'Ziek', registeredAt: '2026-06-11T08:00:00+02:00' },
      ]),
    );

    // The day after: Facilitators BV meets KPI 4 (present, and excused in advance); Andere BV does not (late).
    await at('2026-06-12T09:00:00+02:00');
    expect(await kpi4('s1')).toMatchObject({ status: 'green', figures: { passed: 2, counted: 2 } });
    expect(await kpi4('s2')).toMatchObject({ status: 'red', figures: { passed: 0, counted: 1 } });

    // Every step in the audit trail, with who and when (a contract manager reads it).
    const [trail] = await say('cm1', 'wijzigingen');
    const lines = trail?.kind === 'notice' ? trail.text.nl.split('\n') : [];
    // (Newest first; the answers given in the same minute here are in no particular order.)
    expect(lines).toHaveLength(6);
    expect(lines.slice(1).map((l) => l.replace(/^• [^·]+· /, ''))).toEqual(
      expect.arrayContaining([
        'Sam · bijdragen ingevuld van de LEF-dag van 11 juni 2026 — Fenna: Werkvorm over systeemdenken gegeven; Frits: Was er niet',
        'Lotte · aanwezigheid geregistreerd van de LEF-dag van 11 juni 2026 — Gijs: afgemeld; Fenna: aanwezig; Frits: afgemeld',
        'Gijs · afgemeld voor de LEF-dag van 11 juni 2026 — reden: Ziek',
        'Frits · afgemeld voor de LEF-dag van 11 juni 2026 — reden: Training elders',
        'Lotte · LEF-dag gepland: 11 juni 2026',
      ]),
    );
    expect(lines.at(-1)).toContain('1 mei 2026 om 10:00 · Lotte · LEF-dag gepland');
  });

  it('ends the same whatever order the answers are applied in, keeps a timely excuse through corrections, and a late excuse does not undo a mark', async () => {
    const { at, say, answer, core, worker, clock } = await opened();
    await say('lt1', 'lefdag 2026-06-11');
    await at('2026-05-01T10:01:00+02:00');
    await answer('f2', of('invitee', 'f2'), { reason: 'Training elders' }); // 1 May: in advance
    await at('2026-06-11T08:00:00+02:00');
    // Lotte marks Frits present by mistake, then Luuk corrects it to excused; Gijs present.
    const first = { p0: 'present', p1: 'present', p2: 'present' };
    const fixed = { p0: 'present', p1: 'present', p2: 'excused' };
    await submitAnswers(core, 'lt1', of('attendance', 'lt1'), first);
    clock.advance(60_000);
    await submitAnswers(core, 'lt2', of('attendance', 'lt2'), fixed);
    clock.advance(60_000);
    // Fenna, marked present, excuses herself late: the LEF team's mark stands.
    await submitAnswers(core, 'f1', of('invitee', 'f1'), { reason: 'Toch ziek' });
    await worker.runOnce();
    await worker.runOnce();
    const day = async () =>
      (await core.records.exportRecords('c1')).lefDays.find((d) => d.id === DAY_ID)?.attendance ?? [];
    const expected = expect.arrayContaining([
      { person: 'f1', status: 'present' },
      {
        person: 'f2',
        status: 'excused',
        reason: 'Training elders',
        registeredAt: '2026-05-01T10:01:00+02:00',
      },
      { person: 'g1', status: 'present' },
    ]);
    expect(await day()).toEqual(expected);
    // The first card's follow-up run once more, after the rest (a retry after a crash): nothing changes.
    await refreshQuestionnaireMessages(core, {
      assignment: of('attendance', 'lt1'),
      answered: { answers: first, receivedAt: Date.parse('2026-06-11T08:00:00+02:00') },
    });
    expect(await day()).toEqual(expected);
    clock.advance(86_400_000);
    expect(
      await (async () => {
        const [card] = await say('cm1', 'scorecard s1 2026-H1');
        return card?.kind === 'scorecard'
          ? card.scorecard.kpis.find((k) => k.id === 'KPI4')?.status
          : undefined;
      })(),
    ).toBe('green');
  });

  it('invites a facilitator onboarded after the day was planned, at the next reminder moment', async () => {
    const { at, say, cards, core } = await opened();
    await say('lt1', 'lefdag 2026-06-11');
    await at('2026-05-01T10:01:00+02:00');
    const later = records();
    later.people.push({
      id: 'f5',
      name: 'Floor',
      roles: ['facilitator'],
      supplier: 's1',
      onboardedOn: '2026-05-15',
    });
    await importRecordsFile(core, later, core.clock);
    expect(await cards('f5')).toEqual([]);
    await at('2026-06-04T09:00:00+02:00');
    expect((await cards('f5')).map((c) => c.set.id)).toEqual(['lefday-excuse']);
  });
});
