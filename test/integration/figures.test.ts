// A supplier's quarterly figures reported in chat (issue 16), on Voorschoten's records without their
// fourth quarter: the day after the quarter each contact of VvE gets a card per activity and measure,
// a blank card and a wrong figure are refused at the question, what is submitted becomes the
// quarter's measurements (source chat) and its trend, the contract manager is told, a second version
// replaces the first, and after the due day nothing is taken.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireMessage } from '../../src/channels/questionnaire-view.ts';
import { parseRecords } from '../../src/domain/validate.ts';
import { currentEvaluation, submitAnswers } from '../../src/flows/evaluations.ts';
import { scorecardMessages } from '../../src/flows/scorecard.ts';
import { coreWith, sharedAzurite } from '../support/core-setup.ts';
import { factBed } from '../support/fact-bed.ts';

const azurite = sharedAzurite();

function withoutFourthQuarter() {
  const parsed = parseRecords(JSON.parse(readFileSync('examples/voorschoten-records.json', 'utf8')));
  if (!parsed.ok) throw new Error('the example does not validate');
  const records = parsed.records;
  records.measurements = (records.measurements ?? []).filter((m) => m.period !== '2026-Q4');
  // The municipality's new target group for the quarter: not the supplier's answer, so still asked.
  records.measurements.push({
    supplier: 'vve',
    measure: 'doelgroep',
    period: '2026-Q4',
    activity: 'maatjes',
    value: 950,
    source: 'gemeente',
  });
  // A new activity the records list, which has reported nothing yet.
  records.activities?.push({
    id: 'buurtkamer',
    supplier: 'vve',
    name: 'Buurtkamer',
    goals: ['Minder inwoners zijn eenzaam'],
  });
  // A second contact of VvE.
  records.people.push({
    id: 'vc2',
    name: 'Wim de Wit',
    roles: ['supplierContact'],
    supplier: 'vve',
    email: 'wim@voorschotenvoorelkaar.nl',
  });
  return records;
}

describe('figures reported in chat', () => {
  it('asks the quarter per activity, takes valid figures, scores their trend and tells the contract manager', async () => {
    const setup = await coreWith(
      azurite(),
      'fig',
      withoutFourthQuarter(),
      Date.parse('2026-12-31T10:00:00+01:00'),
    );
    const bed = factBed(setup);
    // Still in the quarter: nothing asked.
    await bed.at('2026-12-31T10:00:00+01:00');
    expect(await bed.cards('vc1', 'figures')).toHaveLength(0);

    await bed.at('2027-01-01T10:00:00+01:00');
    const [card] = await bed.cards('vc1', 'figures');
    if (!card) throw new Error('no figures card');
    expect(await bed.cards('vc2', 'figures')).toHaveLength(1);
    expect(await bed.cards('gm1', 'figures')).toHaveLength(0);
    expect(card.set.title.nl).toBe('Cijfers 4e kwartaal 2026 — Voorschoten voor Elkaar');
    const labels = card.set.questions.map((q) => q.label.nl);
    // The description for the organisation; each activity's measures as it reported them before
    // (the taalcafé has no lead time; reach is users over the municipality's target group, not
    // asked), then the note.
    // The activities by the names the records give them, each listed one asked every figure (the
    // taalcafé's lead time too: it may have one now; empty is fine).
    expect(labels).toEqual([
      'Hele organisatie — E1 Omschrijving van het aanbod',
      'Schuldhulpmaatjes — A1 Hoeveelheid van het aanbod',
      'Schuldhulpmaatjes — A2 Gebruikers van het aanbod',
      'Schuldhulpmaatjes — A4 Doorlooptijden',
      'Schuldhulpmaatjes — K2 Klachten',
      'Taalcafé — A1 Hoeveelheid van het aanbod',
      'Taalcafé — A2 Gebruikers van het aanbod',
      'Taalcafé — A4 Doorlooptijden',
      'Taalcafé — K2 Klachten',
      'Buurtkamer — A1 Hoeveelheid van het aanbod',
      'Buurtkamer — A2 Gebruikers van het aanbod',
      'Buurtkamer — A4 Doorlooptijden',
      'Buurtkamer — K2 Klachten',
      'Toelichting',
    ]);
    expect(card.facts.map((f) => f.value.nl)).toEqual([
      'Voorschoten voor Elkaar',
      '4e kwartaal 2026',
      '30 januari 2027',
    ]);
    const id = card.assignmentId;
    const ids = card.set.questions.map((q) => q.id);

    // Nothing filled in, a negative figure, a word: refused at the question, nothing kept.
    await expect(submitAnswers(setup.core, 'vc1', id, {})).rejects.toMatchObject({
      code: 'invalid',
      fields: { f0: { nl: 'Vul minstens één cijfer of omschrijving in.' } },
    });
    await expect(submitAnswers(setup.core, 'vc1', id, { f1: '-3', f2: 'veel' })).rejects.toMatchObject({
      fields: {
        f1: { nl: expect.stringContaining('Vul een getal in') },
        f2: { nl: expect.stringContaining('Vul een getal in') },
      },
    });
    // Gerda cannot answer Vincent's card.
    await expect(submitAnswers(setup.core, 'gm1', id, { f1: '7' })).rejects.toMatchObject({
      code: 'not-yours',
    });

    const answers: Record<string, string> = {
      f0: 'Maatjes: twee nieuwe vrijwilligers. Taalcafé: terug in het dorpshuis.',
      f1: '7',
      f2: '30',
      f3: '10,5',
      f4: '0',
      f5: '14',
      f6: '1.047',
      f7: '',
      f8: '1',
      f9: '3',
      f10: '',
      f11: '',
      f12: '',
      note: 'Telling volgens de nieuwe registratie.',
    };
    // Empty fields come as '' from a card: not reported, not refused.
    expect(ids).toEqual(Object.keys(answers));
    const shown = await bed.answer('vc1', id, answers);
    expect(shown.state).toBe('answered');
    const records = await setup.store.exportRecords('voorschoten-2026');
    // The activities come back from the store as the records file gave them.
    expect(records.activities?.find((a) => a.id === 'taalcafe')).toEqual({
      id: 'taalcafe',
      supplier: 'vve',
      name: 'Taalcafé',
      goals: ['Meer inwoners doen mee in de samenleving', 'Minder inwoners zijn eenzaam'],
    });
    expect(records.activities?.map((a) => a.id).sort()).toEqual(['buurtkamer', 'maatjes', 'taalcafe']);
    const q4 = (records.measurements ?? []).filter((m) => m.period === '2026-Q4' && m.source === 'chat');
    expect(q4).toHaveLength(9);
    expect(q4.find((m) => m.activity === 'buurtkamer')).toMatchObject({ measure: 'aanbod', value: 3 });
    // A dot before three digits is a thousands separator: 1.047 users.
    expect(q4.find((m) => m.activity === 'taalcafe' && m.measure === 'gebruikers')).toEqual({
      supplier: 'vve',
      measure: 'gebruikers',
      period: '2026-Q4',
      activity: 'taalcafe',
      value: 1047,
      source: 'chat',
      note: 'Telling volgens de nieuwe registratie.',
    });
    expect(q4.find((m) => m.activity === 'maatjes' && m.measure === 'doorlooptijd')?.value).toBe(10.5);
    // The contract manager hears of it; the trend follows (users 30 + 1047 against the baseline 58).
    expect((await bed.notices('gm1')).join('\n')).toContain(
      'Vincent Claassen heeft de cijfers van Voorschoten voor Elkaar over 4e kwartaal 2026 ingediend (9 cijfers).',
    );
    const [scorecard] = await scorecardMessages(setup.core, 'gm1', ['vve', '2026-Q4']);
    expect(JSON.stringify(scorecard)).toContain('"value":1077,"better":"higher","baseline":58');

    // Wim corrects one figure: the latest version counts, and his card opened now shows Vincent's figures.
    const [wims] = await bed.cards('vc2', 'figures');
    const opened = (await currentEvaluation(
      setup.core,
      'vc2',
      wims?.assignmentId as string,
    )) as QuestionnaireMessage;
    expect(opened.answers?.f2).toBe(30);
    await bed.answer('vc2', opened.assignmentId, { ...answers, f2: '31' });
    const after = await setup.store.exportRecords('voorschoten-2026');
    const users = (after.measurements ?? []).find(
      (m) => m.period === '2026-Q4' && m.activity === 'maatjes' && m.measure === 'gebruikers',
    );
    expect(users?.value).toBe(31);

    // After the due day (30 January): closed, nothing taken.
    setup.clock.set(Date.parse('2027-01-31T10:00:00+01:00'));
    await expect(submitAnswers(setup.core, 'vc1', id, { ...answers, f2: '99' })).rejects.toMatchObject({
      code: 'fact-closed',
    });
  });
});
