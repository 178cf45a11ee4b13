// People in chat, against Azurite with an injected clock: a contract manager adds a person and
// changes another's roles (refused, at the field, where the records would no longer hold); a
// supplier's contact adds a facilitator of their own with an onboarding date and changes only their
// own; nobody else may; each change is applied (a LEF day then expects the new facilitator) and kept
// in the audit trail with who made it and when.
import { describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import type { QuestionnaireMessage } from '../../src/channels/questionnaire-view.ts';
import { handleCommand } from '../../src/flows/commands.ts';
import { submitAnswers } from '../../src/flows/evaluations.ts';
import { expectedOn } from '../../src/flows/lef-days.ts';
import { coreWith, oneSession, sharedAzurite } from '../support/core-setup.ts';

const azurite = sharedAzurite();
type Notice = Extract<BotMessage, { kind: 'notice' }>;

async function opened() {
  const r = oneSession();
  r.people.push({ id: 'sc2', name: 'Saar', roles: ['supplierContact'], supplier: 's2' });
  const setup = await coreWith(azurite(), 'pp', r, Date.parse('2026-05-04T10:00:00+02:00'));
  const { core, worker, conversations } = setup;
  const run = async () => {
    for (let i = 0; i < 3; i++) await worker.runOnce();
  };
  const say = async (person: string, text: string) => {
    const replies = await handleCommand(core, person, text);
    await run();
    return replies as Notice[];
  };
  const form = async (person: string) => {
    const cards = (await conversations.list(person))
      .map((m) => m.message)
      .filter((m): m is QuestionnaireMessage => m.kind === 'questionnaire');
    const last = cards.at(-1);
    if (!last) throw new Error(`no form for ${person}`);
    return last;
  };
  const answer = async (person: string, id: string, answers: Record<string, string>) => {
    const result = await submitAnswers(core, person, id, answers);
    await run();
    return result.message as QuestionnaireMessage;
  };
  return { ...setup, run, say, form, answer };
}

describe('people in chat', () => {
  it('lets a contract manager add and change people, a supplier contact their own facilitators, and keeps every change', async () => {
    const { core, clock, say, form, answer, run } = await opened();
    for (const person of ['f1', 'rm1', 'lt1'])
      await expect(say(person, 'persoon')).rejects.toMatchObject({ code: 'not-allowed' });
    for (const person of ['f1', 'cm1', 'rm1'])
      await expect(say(person, 'facilitator')).rejects.toMatchObject({ code: 'not-allowed' });

    // The contract manager adds a relationship manager.
    const [sent] = await say('cm1', 'persoon');
    expect(sent?.text.nl).toContain('Het formulier om iemand toe te voegen staat in je berichten');
    const add = await form('cm1');
    expect(add.set.title.nl).toBe('Persoon toevoegen');
    await expect(submitAnswers(core, 'sc1', add.assignmentId, {})).rejects.toMatchObject({
      code: 'not-yours',
    });
    // What is wrong is named at the field: roles of both sides, a supplier for the client's side, an e-mail in use.
    await expect(
      answer('cm1', add.assignmentId, {
        name: 'Roos',
        email: 'roos@example.nl',
        roles: 'relationshipManager,facilitator',
        supplier: 's1',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: { roles: { nl: expect.stringContaining('één kant') } },
    });
    await expect(
      answer('cm1', add.assignmentId, {
        name: 'Roos',
        email: 'roos@example.nl',
        roles: 'relationshipManager',
        supplier: 's1',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: { supplier: { nl: expect.stringContaining('kies "Geen"') } },
    });
    clock.set(Date.parse('2026-05-04T10:05:00+02:00'));
    const added = await answer('cm1', add.assignmentId, {
      name: 'Roos',
      email: 'roos@example.nl',
      roles: 'relationshipManager',
      supplier: '-',
    });
    expect(added.status.nl).toBe('Opgeslagen; wijzigen kan nog.');
    const roos = [...(await core.contractView()).people.values()].find((p) => p.name === 'Roos');
    expect(roos).toMatchObject({ email: 'roos@example.nl', roles: ['relationshipManager'] });
    // Roos can register a client request at once.
    await expect(say(roos?.id as string, 'aanvraag Facilitators 4-5-2026 2 Sessie')).resolves.toHaveLength(1);
    // Her e-mail address is hers: nobody else is given it.
    await say('cm1', 'persoon');
    const another = await form('cm1');
    await expect(
      answer('cm1', another.assignmentId, {
        name: 'Rosa',
        email: 'ROOS@example.nl',
        roles: 'manager',
        supplier: '-',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: { email: { nl: 'Dit e-mailadres hoort al bij Roos.' } },
    });

    // A change that would break the records is refused at the roles: Rik is the session's relationship manager.
    await say('cm1', 'persoon Rik');
    const change = await form('cm1');
    expect(change.set.title.nl).toBe('Persoon wijzigen');
    expect(change.answers).toMatchObject({ name: 'Rik', roles: 'relationshipManager', supplier: '-' });
    await expect(
      answer('cm1', change.assignmentId, {
        name: 'Rik',
        roles: 'internalClient',
        supplier: '-',
        email: 'rik@example.nl',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: {
        roles: {
          nl: 'Zo kan het niet: Rik staat in die rol nog in sessie ses1. Laat de rol staan, of pas die eerst aan.',
        },
      },
    });
    clock.set(Date.parse('2026-05-04T10:10:00+02:00'));
    await answer('cm1', change.assignmentId, {
      name: 'Rik de Boer',
      roles: 'relationshipManager,manager',
      supplier: '-',
      email: 'rik@example.nl',
    });
    expect((await core.contractView()).people.get('rm1')).toMatchObject({
      name: 'Rik de Boer',
      roles: ['relationshipManager', 'manager'],
    });

    // A supplier's contact adds a facilitator of their own; their supplier is theirs, whatever is sent.
    await say('sc1', 'facilitator');
    const own = await form('sc1');
    expect(own.set.questions.map((q) => q.id)).toEqual(['name', 'email', 'onboardedOn']);
    clock.set(Date.parse('2026-05-04T10:15:00+02:00'));
    await answer('sc1', own.assignmentId, {
      name: 'Noor',
      email: 'noor@example.nl',
      onboardedOn: '2026-05-01',
      supplier: 's2',
      roles: 'contractManager',
    });
    const noor = [...(await core.contractView()).people.values()].find((p) => p.name === 'Noor');
    expect(noor).toMatchObject({ supplier: 's1', roles: ['facilitator'], onboardedOn: '2026-05-01' });
    // A LEF day after her onboarding expects her.
    expect(expectedOn('2026-06-11', await core.contractView()).map((p) => p.name)).toContain('Noor');
    // Only their own facilitators: the other supplier's are not found for them.
    await expect(say('sc2', 'facilitator Noor')).rejects.toMatchObject({
      detail: { nl: 'Ik vind niemand die "Noor" heet bij wie je mag wijzigen.' },
    });
    await say('sc1', 'facilitator Noor');
    const noorForm = await form('sc1');
    expect(noorForm.answers).toMatchObject({ name: 'Noor', onboardedOn: '2026-05-01' });

    // A second form about her arrives too (the first one's answer does not count for it); a name
    // longer than the records allow is refused at the field.
    expect(noorForm.assignmentId).not.toBe(own.assignmentId);
    await expect(
      answer('sc1', noorForm.assignmentId, {
        name: 'N'.repeat(201),
        email: 'noor@example.nl',
        onboardedOn: '2026-05-01',
      }),
    ).rejects.toMatchObject({ code: 'invalid', fields: { name: { nl: 'Te lang: hoogstens 200 tekens.' } } });

    // Two forms about Noor at once: Carla's (all her details) and Sam's (her name). Whatever order
    // their follow-ups run in, each keeps its own fields and the later change stands.
    await say('cm1', 'persoon Noor');
    const carlas = await form('cm1');
    clock.set(Date.parse('2026-05-04T10:20:00+02:00'));
    await submitAnswers(core, 'cm1', carlas.assignmentId, {
      name: 'Noor',
      email: 'noor@example.nl',
      roles: 'facilitator,supplierContact',
      supplier: 's1',
      onboardedOn: '2026-05-01',
    });
    clock.set(Date.parse('2026-05-04T10:21:00+02:00'));
    await submitAnswers(core, 'sc1', noorForm.assignmentId, {
      name: 'Noor Jansen',
      email: 'noor@example.nl',
      onboardedOn: '2026-05-01',
    });
    await run();
    expect((await core.contractView()).people.get(noor?.id as string)).toMatchObject({
      name: 'Noor Jansen',
      roles: ['facilitator', 'supplierContact'],
      supplier: 's1',
    });

    // Someone who is no longer a supplier's contact cannot use a form handed out before.
    await say('sc1', 'facilitator');
    const stale = await form('sc1');
    await say('cm1', 'persoon Sam');
    const moveSam = await form('cm1');
    clock.set(Date.parse('2026-05-04T10:30:00+02:00'));
    await answer('cm1', moveSam.assignmentId, { name: 'Sam', roles: 'supplierContact', supplier: 's2' });
    await expect(
      answer('sc1', stale.assignmentId, {
        name: 'Kees',
        email: 'kees@example.nl',
        onboardedOn: '2026-05-01',
      }),
    ).rejects.toMatchObject({ code: 'not-allowed' });

    // The audit trail: who changed what, before and after.
    await expect(say('sc1', 'wijzigingen')).rejects.toMatchObject({ code: 'not-allowed' });
    const [trail] = await say('cm1', 'wijzigingen');
    const text = trail?.text.nl ?? '';
    expect(text).toContain(
      'Sam · persoon toegevoegd: Noor — naam: Noor; e-mail: noor@example.nl; rollen: Facilitator; opdrachtnemer: Facilitators BV; onboarddatum: 1 mei 2026',
    );
    expect(text).toContain(
      'Carla · persoon gewijzigd: Rik de Boer — naam: Rik → Rik de Boer; e-mail: – → rik@example.nl; rollen: Relatiemanager → Relatiemanager, Manager',
    );
    expect(text).toContain(
      'Carla · persoon toegevoegd: Roos — naam: Roos; e-mail: roos@example.nl; rollen: Relatiemanager',
    );
  });
});
