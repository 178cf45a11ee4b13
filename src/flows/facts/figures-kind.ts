// The period's figures as a subject of the questionnaire engine (figures.ts asks them): each contact
// of the supplier fills in the card until its due day; every version is kept, the latest counts,
// and a contact who moved to another supplier can no longer submit.

import type { QuestionnaireMessage } from '../../channels/questionnaire-view.ts';
import { UserError } from '../../errors.ts';
import { parseAnswers } from '../../questionnaires/answers.ts';
import { NOTE_ID } from '../../questionnaires/figures.ts';
import { assignmentId, type FactAssignment } from '../../store/assignments.ts';
import { formatDate, formatPeriod } from '../../texts/format.ts';
import { both, bothOf } from '../../texts/index.ts';
import type { SubjectKind } from '../questionnaire/kind.ts';
import { answersOn, applyFigures, itemsOf, measurementStore } from './figures.ts';
import { fact } from './reviewed.ts';

const value = (text: string) => ({ nl: text, en: text });

export const figuresKind: SubjectKind<FactAssignment> = {
  async message(core, a, options = {}): Promise<QuestionnaireMessage> {
    const state = options.state ?? a.status;
    const due = (lang: 'nl' | 'en') => formatDate(lang, fact(a, 'due'), 'UTC');
    // The latest version of the supplier's figures, whoever of its contacts gave it, on this card.
    const latest = options.answers ? undefined : (await measurementStore(core).submitted(a.subject)).at(-1);
    const answers = options.answers ?? (latest ? answersOn(a, latest) : undefined);
    return {
      kind: 'questionnaire',
      assignmentId: assignmentId(a),
      state,
      set: a.set,
      facts: [
        { title: both('figures.fact.supplier'), value: value(fact(a, 'supplierName')) },
        {
          title: both('figures.fact.period'),
          value: { nl: formatPeriod('nl', fact(a, 'period')), en: formatPeriod('en', fact(a, 'period')) },
        },
        { title: both('figures.fact.due'), value: { nl: due('nl'), en: due('en') } },
      ],
      status: bothOf('figures.status', (lang) => ({ state, due: due(lang) })),
      ...(answers ? { answers } : {}),
    };
  },

  async admit(_core, a, view) {
    const person = view.people.get(a.person);
    if (!person?.roles.includes('supplierContact') || person.supplier !== a.supplier)
      throw new UserError('not-allowed');
  },

  parse(a, raw) {
    const parsed = parseAnswers(a.set, raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    const given = Object.entries(parsed.answers).filter(
      ([id, v]) => id !== NOTE_ID && v !== '' && v !== undefined,
    );
    const first = a.set.questions[0]?.id ?? NOTE_ID;
    if (given.length === 0) throw new UserError('invalid', { [first]: both('figures.atLeastOne') });
    return parsed.answers;
  },

  // Each version keeps the card it was given on: another contact's card may list other items.
  async keep(core, a, { answers, receivedAt }) {
    await measurementStore(core).addVersion(a.subject, {
      by: a.person,
      receivedAt,
      answers,
      form: fact(a, 'items'),
    });
  },

  async hasAnswer(core, a) {
    if ((await measurementStore(core).submitted(a.subject)).length > 0) return true;
    // Figures of the period by import count; the client's target groups do not.
    const asked = new Set(itemsOf(a).map((item) => item.measure));
    return (await measurementStore(core).ofSupplier(a.supplier)).some(
      (m) => m.period === fact(a, 'period') && asked.has(m.measure),
    );
  },

  afterChange: (core, a, view) => applyFigures(core, a, view),

  errors: { closed: 'fact-closed', notOpen: 'fact-closed' },

  describe: (a) =>
    bothOf('figures.describe', (lang) => ({
      supplier: fact(a, 'supplierName'),
      period: formatPeriod(lang, fact(a, 'period')),
    })),
};
