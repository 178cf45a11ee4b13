// The texts of the figures a supplier reports in chat each period (flows/facts/figures.ts).
import type { Catalogue } from './index.ts';

export const FIGURES_TEXTS = {
  'figures.title': {
    nl: 'Cijfers {period} — {supplier}',
    en: 'Figures {period} — {supplier}',
  },
  'figures.intro': {
    nl: 'Vul de cijfers van {period} in, per activiteit, zoals je registratie ze geeft. Laat leeg wat je (nog) niet weet of wat niet van toepassing is; indienen kan tot en met {due}. Opnieuw indienen vervangt de cijfers die je dan invult; een leeg veld laat een eerder gegeven cijfer staan. De cijfers zijn om van te leren: ze komen in de trend en aan de {meeting}.',
    en: 'Fill in the figures of {period}, per activity, as your registration gives them. Leave empty what you do not know (yet) or what does not apply; you can submit until {due}. Submitting again replaces the figures you then fill in; an empty field leaves a figure given before. The figures are for learning: they go into the trend and to the {meeting}.',
  },
  'figures.whole': { nl: 'Hele organisatie', en: 'Whole organisation' },
  'figures.note': { nl: 'Toelichting', en: 'Note' },
  'figures.noteHelp': {
    nl: 'Wat bij deze cijfers hoort: een verandering in de registratie, een bijzonderheid.',
    en: 'What goes with these figures: a change in the registration, something out of the ordinary.',
  },
  'figures.fact.supplier': { nl: 'Opdrachtnemer', en: 'Supplier' },
  'figures.fact.period': { nl: 'Periode', en: 'Period' },
  'figures.fact.due': { nl: 'Uiterlijk', en: 'Due' },
  'figures.status': {
    nl: '{state, select, open {Open tot en met {due}} answered {Ingediend; wijzigen kan tot en met {due}} other {Gesloten}}',
    en: '{state, select, open {Open until {due}} answered {Submitted; you can change it until {due}} other {Closed}}',
  },
  'figures.describe': {
    nl: 'de cijfers van {supplier} over {period}',
    en: 'the figures of {supplier} for {period}',
  },
  'figures.atLeastOne': {
    nl: 'Vul minstens één cijfer of omschrijving in.',
    en: 'Fill in at least one figure or description.',
  },
  'figures.submitted': {
    nl: '{name} heeft de cijfers van {supplier} over {period} ingediend ({count, plural, one {# cijfer} other {# cijfers}}). Ze staan in de scorecard en gaan naar de {meeting}.',
    en: '{name} submitted the figures of {supplier} for {period} ({count, plural, one {# figure} other {# figures}}). They are in the scorecard and go to the {meeting}.',
  },
} as const satisfies Catalogue;
