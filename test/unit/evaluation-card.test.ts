// The evaluation card's inputs: the number of fitting facilitators empty and required until it is
// answered (an untouched card never sends 0), each input with its own message, and after "Wijzigen"
// a note that the earlier answer still counts, with Annuleren.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import { renderCard } from '../../src/render/cards.ts';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');

function elements(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  return [record, ...Object.values(record).flatMap(elements)];
}
function parseEvents(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message as string);
}

const rm = (over: Partial<Extract<BotMessage, { kind: 'evaluation' }>> = {}): BotMessage => ({
  kind: 'evaluation',
  assignmentId: 'ses1|relationshipManager|rm1',
  role: 'relationshipManager',
  registration: true,
  session: {
    id: 'ses1',
    supplierName: 'Facilitators BV',
    start: '2026-11-23T14:00:00+01:00',
    end: '2026-11-23T16:00:00+01:00',
    facilitators: ['Fenna de Vries'],
    timeZone: 'Europe/Amsterdam',
  },
  closesAt: '2026-12-07T16:00:00+01:00',
  state: 'open',
  ...over,
});

describe('the evaluation card', () => {
  it('leaves the number input empty and required, with a message naming the range, until it is answered', () => {
    for (const lang of ['nl', 'en'] as const) {
      const card = renderCard(rm(), lang);
      expect(parseEvents(card)).toEqual([]);
      const number = elements(card).filter((e) => e.id === 'suitableProposed');
      expect(number).toHaveLength(1);
      expect(number[0]).not.toHaveProperty('value');
      expect(number[0]).toMatchObject({ type: 'Input.Number', isRequired: true, min: 0, max: 10 });
      expect(number[0]?.errorMessage).toBe(
        lang === 'nl'
          ? 'Vul een heel getal van 0 tot en met 10 in (verplicht).'
          : 'Enter a whole number from 0 to 10 (required).',
      );
    }
  });

  it('gives every input its own message', () => {
    const card = renderCard(rm(), 'nl');
    const messages = Object.fromEntries(
      elements(card)
        .filter((e) => typeof e.id === 'string' && String(e.type).startsWith('Input.'))
        .map((e) => [e.id, e.errorMessage]),
    );
    expect(messages.lefApplied).toBe('Kies ja of nee (verplicht).');
    expect(messages.motivation).toBe('Motiveer je registratie (verplicht).');
    expect(new Set(Object.values(messages)).size).toBe(Object.keys(messages).length);
  });

  it('shows the answered number, and after Wijzigen says the earlier answer counts, with Annuleren', () => {
    const answers = {
      lefApplied: true,
      lefExplanation: 'Ja',
      returned: 'no',
      suitableProposed: 2,
      motivation: 'Twee',
    };
    const editing = renderCard(rm({ answers }), 'nl');
    expect(parseEvents(editing)).toEqual([]);
    expect(elements(editing).find((e) => e.id === 'suitableProposed')?.value).toBe('2');
    const cancel = elements(editing).find((e) => e.verb === 'cancel');
    expect(cancel).toMatchObject({
      type: 'Action.Execute',
      title: 'Annuleren',
      data: { assignmentId: 'ses1|relationshipManager|rm1' },
    });
    expect(JSON.stringify(editing)).toContain(
      'Tot je opnieuw verstuurt, blijven je eerdere antwoorden gelden.',
    );
    // A first answer has no Annuleren and no note.
    const fresh = renderCard(rm(), 'nl');
    expect(elements(fresh).some((e) => e.verb === 'cancel')).toBe(false);
  });
});
