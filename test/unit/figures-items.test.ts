// The figures card's items (questionnaires/figures.ts) and how a version's answers are read
// (flows/facts/figures.ts): by measure and activity, whatever card the version was given on, so
// that two contacts with cards of different items never put a figure on the wrong measure.
import { describe, expect, it } from 'vitest';
import { findFramework } from '../../src/domain/frameworks/index.ts';
import { answersOn, measurementsOf } from '../../src/flows/facts/figures.ts';
import { parseAnswers } from '../../src/questionnaires/answers.ts';
import { type FigureItem, figureItems } from '../../src/questionnaires/figures.ts';
import type { FactAssignment } from '../../src/store/assignments.ts';

const card = (items: FigureItem[]): FactAssignment => ({
  kind: 'figures',
  contract: 'c',
  subject: 'vve-2027-Q1',
  role: 'supplier',
  person: 'vc1',
  supplier: 'vve',
  opensAt: 0,
  closesAt: 1,
  status: 'open',
  set: { id: 'figures', title: { nl: 't', en: 't' }, intro: { nl: 'i', en: 'i' }, questions: [] },
  facts: { period: '2027-Q1', items: JSON.stringify(items) },
});

describe('the figures card', () => {
  it('asks descriptions where they were given and figures for every listed activity, never the target group', () => {
    const framework = findFramework('vve');
    if (!framework) throw new Error('no vve framework');
    const items = figureItems(
      framework,
      [
        { supplier: 'vve', measure: 'omschrijving', period: '2026-Q4', text: 'x' },
        { supplier: 'vve', measure: 'aanbod', period: '2026-Q4', activity: 'a', value: 1 },
        // Only the municipality's figure for b: it does not make b a reporting activity.
        { supplier: 'vve', measure: 'doelgroep', period: '2026-Q4', activity: 'b', value: 100 },
      ],
      [{ id: 'b', supplier: 'vve', name: 'B' }],
    );
    // a (not listed) gave only its offer before: only that; b (listed) is asked every figure.
    expect(items.map((i) => `${i.activity ?? '-'} ${i.measure}`)).toEqual([
      '- omschrijving',
      'a aanbod',
      'b aanbod',
      'b gebruikers',
      'b doorlooptijd',
      'b klachten',
    ]);
  });

  it("reads another contact's version by measure and activity, not by position", () => {
    const mine: FigureItem[] = [
      { measure: 'aanbod', activity: 'a', kind: 'number', kpi: 'A1' },
      { measure: 'klachten', kind: 'number', kpi: 'K2' },
    ];
    const theirs: FigureItem[] = [
      { measure: 'klachten', kind: 'number', kpi: 'K2' },
      { measure: 'gebruikers', activity: 'a', kind: 'number', kpi: 'A2' },
      { measure: 'aanbod', activity: 'a', kind: 'number', kpi: 'A1' },
    ];
    const version = {
      by: 'vc2',
      receivedAt: 1,
      answers: { f0: 2, f1: 40, f2: 9 },
      form: JSON.stringify(theirs),
    };
    expect(answersOn(card(mine), version)).toEqual({ f0: 9, f1: 2 });
    expect(
      measurementsOf(card(mine), version).map((m) => `${m.activity ?? '-'} ${m.measure} ${m.value}`),
    ).toEqual(['- klachten 2', 'a gebruikers 40', 'a aanbod 9']);
  });

  it('reads figures the Dutch way, and takes an empty field as none', () => {
    const set = {
      id: 'n',
      title: { nl: 't', en: 't' },
      intro: { nl: 'i', en: 'i' },
      questions: [
        { id: 'a', kind: 'number' as const, label: { nl: 'a', en: 'a' } },
        { id: 'b', kind: 'number' as const, label: { nl: 'b', en: 'b' } },
      ],
    };
    const read = (typed: string) => {
      const parsed = parseAnswers(set, { a: typed, b: '' });
      return parsed.ok ? parsed.answers.a : 'refused';
    };
    expect(read('2,5')).toBe(2.5);
    expect(read('2.5')).toBe(2.5);
    expect(read('1.250')).toBe(1250);
    expect(read('1.250.000')).toBe(1250000);
    expect(read('0.500')).toBe(0.5);
    // A stored figure shown back with its decimal comma reads as itself.
    expect(read('2,125')).toBe(2.125);
    expect(read('')).toBeUndefined();
    expect(read('-1')).toBe('refused');
    expect(read('veel')).toBe('refused');
  });
});
