// A regular meeting prepared in chat, against Azurite with an injected clock: a contract manager
// plans the tactical meeting with a supplier; five working days before it (Easter Monday not
// counted) the contract managers and the supplier's contacts get the preparation with the figures,
// what changed since the last meeting, the open findings and the reflection questions, and add
// agenda points; on the working day before, the agenda closes and goes to everyone. A meeting from
// the records file is prepared the same way. Nobody else is asked, nobody answers for another.
import { describe, expect, it } from 'vitest';
import { handleCommand } from '../../src/flows/commands.ts';
import { submitAnswers } from '../../src/flows/evaluations.ts';
import { coreWith, sharedAzurite } from '../support/core-setup.ts';
import { factBed } from '../support/fact-bed.ts';
import { baseRecords, valid } from '../support/records.ts';

const azurite = sharedAzurite();

async function opened() {
  const r = baseRecords();
  r.people.push({ id: 'sc2', name: 'Saar', roles: ['supplierContact'], supplier: 's2' });
  r.findings = [{ supplier: 's1', period: '2026-H2', kpi: 'KPI6', foundAt: '2026-07-22T08:00:00+02:00' }];
  // The last meeting with Facilitators BV, and one with Andere BV planned in the records file.
  r.meetings = [
    { id: 'overleg-s1-2026-09-15', supplier: 's1', date: '2026-09-15' },
    { id: 'overleg-s2-2027-04-08', supplier: 's2', date: '2027-04-08', time: '10:00' },
  ];
  const setup = await coreWith(azurite(), 'mt', valid(r), Date.parse('2027-03-01T09:00:00+01:00'));
  const bed = factBed(setup);
  const command = async (person: string, text: string) => {
    const [reply] = await handleCommand(setup.core, person, text);
    return reply?.kind === 'notice' ? reply.text.nl : '';
  };
  const moveTo = async (iso: string) => {
    setup.clock.set(Date.parse(iso));
    await bed.run();
  };
  return { ...setup, ...bed, command, moveTo };
}

describe('a meeting prepared in chat', () => {
  it('plans, prepares five working days ahead, takes agenda points and sends the agenda the day before', async () => {
    const { core, command, moveTo, at, cards, notices, answer } = await opened();
    // Only a contract manager plans, ahead, with a date that exists and one supplier.
    await expect(command('sc1', 'overleg Facilitators 2027-04-01')).rejects.toMatchObject({
      code: 'not-allowed',
    });
    await expect(command('cm1', 'overleg Facilitators 2027-02-01')).rejects.toMatchObject({
      detail: { nl: 'Een overleg wordt vooruit gepland: kies een datum na vandaag.' },
    });
    await expect(command('cm1', 'overleg Facilitators 31-02-2027')).rejects.toMatchObject({
      detail: { nl: expect.stringContaining('"31-02-2027" is geen datum') },
    });
    await expect(command('cm1', 'overleg Facilitators 2027-04-01 25:00')).rejects.toMatchObject({
      detail: { nl: '"25:00" is geen tijd. Gebruik bijvoorbeeld 14:00.' },
    });
    // Planning is an action: two letters match nothing, the start of a word of the name does.
    await expect(command('cm1', 'overleg BV 2027-04-01')).rejects.toMatchObject({
      detail: { nl: 'geen opdrachtnemer "BV" gevonden (je kunt kiezen uit: Facilitators BV, Andere BV)' },
    });

    // Thursday 1 April 2027: five working days before it, Easter Monday (29 March) not counted, is 24 March.
    expect(await command('cm1', 'overleg Facili 1-4-2027 14:00')).toBe(
      'Tactisch overleg met Facilitators BV gepland op 1 april 2027 om 14:00. De voorbereiding gaat op 24 maart 2027 naar de deelnemers (2 mensen); de agenda op 31 maart 2027.',
    );
    await expect(command('cm1', 'overleg Facilitators 2027-04-01')).rejects.toMatchObject({
      code: 'not-possible',
      detail: { nl: 'Er staat al een tactisch overleg met Facilitators BV op 1 april 2027.' },
    });

    // Nothing before its day; at 09:00 on it, the contract manager and the supplier's contact.
    await moveTo('2027-03-23T09:00:00+01:00');
    expect(await cards('sc1', 'meeting-agenda')).toHaveLength(0);
    await moveTo('2027-03-24T09:00:00+01:00');
    const [prep] = await cards('sc1', 'meeting-agenda');
    if (!prep) throw new Error('no preparation for sc1');
    expect(await cards('cm1', 'meeting-agenda')).toHaveLength(1);
    for (const other of ['sc2', 'f1', 'rm1', 'lt1'])
      expect(await cards(other, 'meeting-agenda')).toHaveLength(0);
    expect(prep.set.title.nl).toBe('Voorbereiding tactisch overleg met Facilitators BV');
    expect(prep.facts.map((f) => f.value.nl)).toEqual([
      'Tactisch overleg',
      'Facilitators BV',
      '1 april 2027 om 14:00',
      '31 maart 2027 om 09:00',
    ]);
    const sections = Object.fromEntries(
      (prep.sections ?? []).map((s) => [s.title.nl, s.lines.map((l) => l.nl)]),
    );
    expect(Object.keys(sections)).toEqual([
      'De cijfers: 2e halfjaar 2026',
      'Veranderd sinds het vorige overleg (15 september 2026)',
      'Open bevindingen en herstelplannen',
      'Reflectievragen',
      'Agendapunten tot nu toe',
    ]);
    expect(sections['De cijfers: 2e halfjaar 2026']).toHaveLength(7);
    expect(sections['De cijfers: 2e halfjaar 2026']?.[5]).toMatch(
      /^KPI6 Managementrapportage: rood · 0% \(norm ≥ 100%\)/,
    );
    // No figure, no norm: left out rather than written as dashes.
    expect(sections['De cijfers: 2e halfjaar 2026']?.[4]).toBe(
      'KPI5 Samenwerking: tevredenheid opdrachtgever: geen gegevens',
    );
    // KPI 6 and 7 were red at the last meeting and are red now; the rest had no data then nor now.
    expect(sections['Veranderd sinds het vorige overleg (15 september 2026)']).toEqual([
      'Geen KPI is van status veranderd.',
    ]);
    expect(sections['Open bevindingen en herstelplannen']).toEqual([
      'KPI6 Managementrapportage (2e halfjaar 2026): rood sinds 22 juli 2026',
    ]);
    expect(sections.Reflectievragen).toHaveLength(6);
    expect(sections.Reflectievragen?.[0]).toBe('Herkennen we deze data in de praktijk?');
    expect(sections['Agendapunten tot nu toe']).toEqual(['Nog geen.']);

    // Agenda points, one per line; nobody gives them for someone else; the others' cards show them.
    await expect(submitAnswers(core, 'sc2', prep.assignmentId, { points: 'x' })).rejects.toMatchObject({
      code: 'not-yours',
    });
    await moveTo('2027-03-25T10:00:00+01:00');
    await answer('sc1', prep.assignmentId, { points: 'Evaluatie LEF-dag\n- Planning tweede kwartaal\n' });
    // The others' cards are not redrawn under them (it would wipe what they type); theirs show it once they answer.
    const [managerCard] = (await cards('cm1', 'meeting-agenda')).slice(-1);
    const before = managerCard?.sections?.find((s) => s.title.nl === 'Agendapunten tot nu toe');
    expect(before?.lines.map((l) => l.nl)).toEqual(['Nog geen.']);
    await moveTo('2027-03-26T10:00:00+01:00');
    const answered = await answer('cm1', managerCard?.assignmentId as string, { points: 'Herstel KPI 6' });
    const soFar = answered.sections?.find((s) => s.title.nl === 'Agendapunten tot nu toe');
    expect(soFar?.lines.map((l) => l.nl)).toEqual([
      'Evaluatie LEF-dag (Sam)',
      'Planning tweede kwartaal (Sam)',
      'Herstel KPI 6 (Carla)',
    ]);
    // A later version replaces the participant's earlier points.
    await answer('sc1', prep.assignmentId, { points: 'Evaluatie LEF-dag\nPlanning Q2' });

    // The working day before: the agenda closes and goes to everyone taking part.
    await moveTo('2027-03-31T09:00:00+02:00');
    const agenda =
      'Agenda tactisch overleg met Facilitators BV, 1 april 2027 om 14:00:\n1. Evaluatie LEF-dag (Sam)\n2. Planning Q2 (Sam)\n3. Herstel KPI 6 (Carla)';
    expect(await notices('sc1')).toContain(agenda);
    expect(await notices('cm1')).toContain(agenda);
    expect(await notices('sc2')).not.toContain(agenda);
    expect((await cards('sc1', 'meeting-agenda')).at(-1)?.state).toBe('closed');
    await expect(submitAnswers(core, 'sc1', prep.assignmentId, { points: 'Nog iets' })).rejects.toMatchObject(
      {
        code: 'meeting-closed',
      },
    );
    // Moved again, nothing is sent twice.
    await moveTo('2027-03-31T10:00:00+02:00');
    expect((await notices('sc1')).filter((n) => n === agenda)).toHaveLength(1);

    // The meeting from the records file (Thursday 8 April): the day's job queues it, prepared on 1 April.
    await at('2027-03-31T10:00:00+02:00');
    expect(await cards('sc2', 'meeting-agenda')).toHaveLength(0);
    await moveTo('2027-04-01T09:00:00+02:00');
    const [theirs] = await cards('sc2', 'meeting-agenda');
    expect(theirs?.facts.map((f) => f.value.nl)).toContain('8 april 2027 om 10:00');
    // Andere BV's first meeting: nothing to compare with.
    expect(theirs?.sections?.[1]?.lines[0]?.nl).toBe(
      'Dit is het eerste overleg: er is geen eerder overleg om mee te vergelijken.',
    );
    expect(await cards('sc1', 'meeting-agenda')).toHaveLength(1);

    // Planned the day before: prepared at once, its agenda closing at 08:00 on the day itself.
    expect(await command('cm1', 'overleg Facilitators 2-4-2027')).toContain(
      'De voorbereiding gaat nu naar de deelnemers (2 mensen); de agenda op 2 april 2027.',
    );
    // On a public holiday (Whit Monday, 17 May 2027): planned, with a word of warning.
    expect(await command('cm1', 'overleg Andere 17-5-2027')).toContain(
      'gepland op 17 mei 2027. Let op: dat is geen werkdag. De voorbereiding gaat op 10 mei 2027',
    );
    await moveTo('2027-04-01T09:05:00+02:00');
    const late = (await cards('sc1', 'meeting-agenda')).at(-1);
    expect(late?.facts.map((f) => f.value.nl).at(-1)).toBe('2 april 2027 om 08:00');
    expect(late?.state).toBe('open');

    // The planning is in the audit trail.
    expect(await command('cm1', 'wijzigingen')).toContain(
      'Carla · overleg gepland: Facilitators BV (2027-04-01) — tijd: 14:00',
    );
  });
});
