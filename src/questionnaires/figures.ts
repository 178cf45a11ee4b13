// The quarter's figures a supplier's contact reports in chat: one question per measure of the
// framework that the supplier reports (rules `figure`, `trend` and `descriptive`), per activity
// where the supplier reports that measure per activity, else once for the supplier; all optional
// (a figure not known yet is left empty), with one note for the whole. Question ids are f0, f1, …
// in the order of `items`, which travels with the assignment.
import type { Framework } from '../domain/frameworks/schema.ts';
import type { Activity, Measurement } from '../domain/records.ts';
import type { Question, QuestionSet, Text } from './types.ts';

/** One figure asked: a measure, for an activity or (none) for the supplier as a whole. */
export interface FigureItem {
  measure: string;
  activity?: string;
  kind: 'number' | 'text';
  /** The KPI it counts for, for the label. */
  kpi: string;
}

export const NOTE_ID = 'note';
export const itemId = (index: number) => `f${index}`;

/** The measures a supplier reports (its rules' `measure`; a `per` measure is the client's). */
export function reportedMeasures(framework: Framework): Set<string> {
  const measures = new Set<string>();
  for (const kpi of framework.kpis)
    if (kpi.rule.kind === 'figure' || kpi.rule.kind === 'trend' || kpi.rule.kind === 'descriptive')
      measures.add(kpi.rule.measure);
  return measures;
}

/** Where an item's figure is, whatever the card's order: its measure and activity. */
export const itemKey = (item: Pick<FigureItem, 'measure' | 'activity'>) =>
  `${item.measure}|${item.activity ?? ''}`;

/**
 * What to ask: each reported measure of the framework. A description per activity where the
 * supplier's earlier descriptions name activities, else for the whole organisation. A figure per
 * activity where earlier figures of it name activities, and for every activity the records list
 * (a new one, or one that has not given this figure yet: it is optional); else for the whole.
 */
export function figureItems(
  framework: Framework,
  history: readonly Measurement[],
  listed: readonly Activity[] = [],
): FigureItem[] {
  const items: FigureItem[] = [];
  const seen = new Set<string>();
  const asked = reportedMeasures(framework);
  const own = history.filter((m) => asked.has(m.measure));
  for (const kpi of framework.kpis) {
    const rule = kpi.rule;
    if (rule.kind !== 'figure' && rule.kind !== 'trend' && rule.kind !== 'descriptive') continue;
    if (seen.has(rule.measure)) continue;
    seen.add(rule.measure);
    const kind = rule.kind === 'descriptive' ? 'text' : 'number';
    const reported = own
      .filter((m) => m.measure === rule.measure && m.activity)
      .map((m) => m.activity as string);
    const activities = [...new Set(kind === 'number' ? [...reported, ...listed.map((a) => a.id)] : reported)];
    if (activities.length === 0) items.push({ measure: rule.measure, kind, kpi: kpi.id });
    else
      for (const activity of activities) items.push({ measure: rule.measure, activity, kind, kpi: kpi.id });
  }
  // Grouped by activity (the supplier as a whole first), each in the framework's order.
  const order = [...new Set(items.map((i) => i.activity ?? ''))];
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        order.indexOf(a.item.activity ?? '') - order.indexOf(b.item.activity ?? '') || a.index - b.index,
    )
    .map(({ item }) => item);
}

/** The card: each item labelled with its activity's name (as the records list it, else its id) and KPI. */
export function figuresSet(
  framework: Framework,
  items: readonly FigureItem[],
  texts: { title: Text; intro: Text; whole: Text; note: Text; noteHelp: Text },
  listed: readonly Activity[] = [],
): QuestionSet {
  const kpiName = (id: string) => framework.kpis.find((k) => k.id === id)?.name ?? { nl: id, en: id };
  const activityName = (id: string) => listed.find((a) => a.id === id)?.name ?? id;
  const label = (item: FigureItem): Text => {
    const name = kpiName(item.kpi);
    const of = (lang: 'nl' | 'en') => (item.activity ? activityName(item.activity) : texts.whole[lang]);
    return { nl: `${of('nl')} — ${item.kpi} ${name.nl}`, en: `${of('en')} — ${item.kpi} ${name.en}` };
  };
  const questions: Question[] = items.map((item, index) =>
    item.kind === 'number'
      ? { id: itemId(index), kind: 'number', label: label(item) }
      : { id: itemId(index), kind: 'text', optional: true, label: label(item) },
  );
  questions.push({ id: NOTE_ID, kind: 'text', optional: true, label: texts.note, help: texts.noteHelp });
  return { id: 'figures', title: texts.title, intro: texts.intro, questions };
}
