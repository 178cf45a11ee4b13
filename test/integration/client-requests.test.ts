// Client requests in chat (KPI 1), against Azurite with an injected clock: registered by a
// relationship manager (nobody else), the supplier's contacts told, the proposal registered on the
// request's own card (no session needed), a request handed back passed to another supplier ("her
// selectie") as a new request that refers to the first, KPI 1 following, and each step in the
// audit trail that only a contract manager reads.
import { describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import type { QuestionnaireMessage } from '../../src/channels/questionnaire-view.ts';
import { handleCommand } from '../../src/flows/commands.ts';
import { submitAnswers } from '../../src/flows/evaluations.ts';
import { renderBlocks } from '../../src/render/blocks.ts';
import { renderCard } from '../../src/render/cards.ts';
import { coreWith, sharedAzurite } from '../support/core-setup.ts';
import { baseRecords, valid } from '../support/records.ts';

const azurite = sharedAzurite();
type Notice = Extract<BotMessage, { kind: 'notice' }>;

async function opened() {
  const r = baseRecords();
  r.people.push({ id: 'sc2', name: 'Saar', roles: ['supplierContact'], supplier: 's2' });
  const setup = await coreWith(azurite(), 'cr', valid(r), Date.parse('2026-05-04T10:00:00+02:00'));
  const { core, worker, conversations } = setup;
  const run = async () => {
    await worker.runOnce();
    await worker.runOnce();
  };
  const say = async (person: string, text: string) => {
    const replies = await handleCommand(core, person, text);
    await run();
    return replies;
  };
  const messages = async (person: string) => (await conversations.list(person)).map((m) => m.message);
  const cards = async (person: string) =>
    (await messages(person)).filter((m): m is QuestionnaireMessage => m.kind === 'questionnaire');
  const notices = async (person: string) =>
    (await messages(person)).filter((m): m is Notice => m.kind === 'notice').map((m) => m.text.nl);
  const kpi1 = async (supplier: string) => {
    const [card] = await handleCommand(core, 'cm1', `scorecard ${supplier} 2026-H1`);
    if (card?.kind !== 'scorecard') throw new Error('no scorecard');
    return card.scorecard.kpis.find((k) => k.id === 'KPI1');
  };
  return { ...setup, run, say, cards, notices, kpi1 };
}

describe('client requests in chat', () => {
  it('registers a request, tells the supplier, takes the proposal on its card, passes a returned one on, and keeps the audit trail', async () => {
    const { core, clock, say, run, cards, notices, kpi1 } = await opened();
    // Only a relationship manager registers; each argument is checked and named.
    for (const person of ['f1', 'sc1', 'lt1'])
      await expect(say(person, 'aanvraag Facilitators 4-5-2026 2 Sessie')).rejects.toMatchObject({
        code: 'not-allowed',
      });
    await expect(say('rm1', 'aanvraag')).rejects.toMatchObject({
      detail: { nl: expect.stringContaining('Registreer een klantaanvraag met de opdrachtnemer') },
    });
    await expect(say('rm1', 'aanvraag Onbekend 4-5-2026 2 Sessie')).rejects.toMatchObject({
      detail: { nl: expect.stringContaining('Kies uit: Facilitators BV, Andere BV') },
    });
    await expect(say('rm1', 'aanvraag Facilitators 31-2-2026 2 Sessie')).rejects.toMatchObject({
      detail: { nl: expect.stringContaining('"31-2-2026" is geen datum') },
    });
    await expect(say('rm1', 'aanvraag Facilitators 4-5-2026 4 Sessie')).rejects.toMatchObject({
      detail: { nl: expect.stringContaining('"4" facilitatoren kan niet') },
    });
    await expect(say('rm1', 'aanvraag Facilitators 4-5-2026 2')).rejects.toMatchObject({
      detail: { nl: 'Zeg ook waarvoor de aanvraag is, na het aantal facilitatoren.' },
    });
    // Every wrong part at once; a request's date is the day it came in, not a day ahead.
    const [supplierWrong, dateWrong, countWrong] = [
      'Welke opdrachtnemer bedoel je met "Foobar"?',
      '"31-02-2026" is geen datum.',
      '"4" facilitatoren kan niet',
    ];
    await expect(say('rm1', 'aanvraag Foobar 31-02-2026 4 Test')).rejects.toMatchObject({
      detail: {
        nl: expect.stringMatching(
          new RegExp(
            [supplierWrong, dateWrong, countWrong].map((x) => x.replace(/[.?"()]/g, '.')).join('.*'),
          ),
        ),
      },
    });
    await expect(say('rm1', 'aanvraag Facilitators 5/5/2026 2 Test')).rejects.toMatchObject({
      detail: { nl: expect.stringContaining('vandaag of eerder, niet later') },
    });
    expect(await cards('rm1')).toHaveLength(0);

    const [registered] = (await say(
      'rm1',
      'aanvraag Facilitators 4-5-2026 3 Sessie over de Ring Utrecht',
    )) as Notice[];
    const id = /Klantaanvraag (aanvraag-[0-9a-f]{8}) geregistreerd/.exec(registered?.text.nl ?? '')?.[1];
    expect(id).toBeDefined();
    expect(registered?.text.nl).toContain('Facilitators BV, 4 mei 2026, 3 facilitatoren gevraagd');
    // The supplier's contact is told; the other supplier's is not.
    expect(await notices('sc1')).toEqual([
      expect.stringContaining(
        `Nieuwe klantaanvraag ${id} van Rik: 3 facilitatoren op 4 mei 2026. Waarvoor: Sessie over de Ring Utrecht`,
      ),
    ]);
    expect(await notices('sc2')).toEqual([]);
    const stored = await core.records.findRequest(core.contract, id as string);
    expect(stored).toMatchObject({
      supplier: 's1',
      date: '2026-05-04',
      requestedFacilitators: 3,
      relationshipManager: 'rm1',
    });
    expect(stored?.registration).toBeUndefined();
    expect(await kpi1('Facilitators')).toMatchObject({ status: 'pending' });

    // The relationship manager's card: the request's facts, parsed by the SDK, within Slack's limits.
    const [card] = await cards('rm1');
    if (!card) throw new Error('no registration card');
    expect(card.facts.map((f) => f.value.nl)).toEqual(
      expect.arrayContaining([
        id,
        'Facilitators BV',
        '4 mei 2026',
        '3 facilitatoren',
        'Sessie over de Ring Utrecht',
      ]),
    );
    expect(JSON.stringify(renderCard(card, 'nl'))).toContain('Klantaanvraag: voorstel registreren');
    expect(JSON.stringify(renderBlocks(card, 'en').blocks)).toContain(
      'Client request: register the proposal',
    );
    // Nobody else answers it, and a bad answer is named at the question.
    await expect(submitAnswers(core, 'cm1', card.assignmentId, {})).rejects.toMatchObject({
      code: 'not-yours',
    });
    await expect(
      submitAnswers(core, 'rm1', card.assignmentId, {
        returned: 'no',
        suitableProposed: '11',
        motivation: ' ',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: { suitableProposed: expect.anything(), motivation: expect.anything() },
    });
    // Two fitting of three asked: registered, and KPI 1 red (fails the request).
    clock.set(Date.parse('2026-05-04T15:00:00+02:00'));
    await submitAnswers(core, 'rm1', card.assignmentId, {
      returned: 'no',
      suitableProposed: '2',
      motivation: 'Twee passende profielen; de derde had geen ervaring met infrasessies',
    });
    await run();
    expect((await core.records.findRequest(core.contract, id as string))?.registration).toMatchObject({
      by: 'rm1',
      suitableProposed: 2,
      returned: false,
    });
    expect(await kpi1('Facilitators')).toMatchObject({ status: 'red', figures: { passed: 0, counted: 1 } });

    // Changed the next day: the supplier handed it back after all. The card says how to pass it on.
    clock.set(Date.parse('2026-05-05T09:30:00+02:00'));
    const { message } = await submitAnswers(core, 'rm1', card.assignmentId, {
      returned: 'yes',
      suitableProposed: '0',
      motivation: 'Geen facilitatoren beschikbaar in mei',
    });
    await run();
    expect((message as QuestionnaireMessage).status.nl).toContain(`herselectie ${id} <opdrachtnemer>`);

    // Herselectie: only a request handed back, only to another supplier, once per supplier.
    await expect(say('rm1', 'herselectie')).rejects.toMatchObject({ code: 'bad-argument' });
    await expect(say('rm1', 'herselectie onbekend Andere')).rejects.toMatchObject({
      code: 'not-possible',
      detail: { nl: 'Klantaanvraag "onbekend" ken ik niet.' },
    });
    await expect(say('rm1', `herselectie ${id} Facilitators`)).rejects.toMatchObject({
      detail: { nl: expect.stringContaining('gaf deze aanvraag zelf terug') },
    });
    await expect(say('sc1', `herselectie ${id} Andere`)).rejects.toMatchObject({ code: 'not-allowed' });
    clock.set(Date.parse('2026-05-05T10:00:00+02:00'));
    const [passed] = (await say('rm1', `herselectie ${id} Andere`)) as Notice[];
    expect(passed?.text.nl).toContain(
      `als herselectie van ${id}: Andere BV, 4 mei 2026, 3 facilitatoren gevraagd`,
    );
    const [again] = (await say('rm1', `herselectie ${id} andere bv`)) as Notice[];
    expect(again?.text.nl).toBe(passed?.text.nl);
    const second = await core.records.findRequest(core.contract, `${id}-h-s2`);
    expect(second).toMatchObject({
      supplier: 's2',
      reselectionOf: id,
      purpose: 'Sessie over de Ring Utrecht',
    });
    expect(await notices('sc2')).toEqual([
      expect.stringContaining('(herselectie: een andere opdrachtnemer gaf haar terug)'),
    ]);
    expect((await cards('rm1')).filter((c) => c.assignmentId.includes('-h-s2'))).toHaveLength(1);

    // The audit trail: every step with who made it; a contract manager reads it, nobody else.
    await expect(say('rm1', 'wijzigingen')).rejects.toMatchObject({ code: 'not-allowed' });
    const [trail] = (await say('cm1', 'wijzigingen')) as Notice[];
    const lines = trail?.text.nl.split('\n') ?? [];
    expect(lines[0]).toBe('De laatste 4 wijzigingen (laatste 365 dagen), nieuwste eerst:');
    expect(lines[1]).toContain(`Rik · herselectie geregistreerd: ${id}-h-s2 — opdrachtnemer: Andere BV`);
    expect(lines[2]).toContain(
      `Rik · voorstel geregistreerd op ${id} — teruggegeven: ja; passend voorgesteld: 0`,
    );
    expect(lines[3]).toContain(
      `Rik · voorstel geregistreerd op ${id} — teruggegeven: nee; passend voorgesteld: 2`,
    );
    expect(lines[4]).toContain(
      `Rik · klantaanvraag geregistreerd: ${id} — opdrachtnemer: Facilitators BV; datum: 4 mei 2026; gevraagd: 3`,
    );
  });
});
