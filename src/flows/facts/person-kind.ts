// A person's details as a subject of the questionnaire engine: the form of a contract manager (any
// person: name, e-mail, roles, supplier, onboarding date) or of a supplier's contact (their own
// facilitator: name, e-mail, onboarding date). The answers are checked on the acknowledgement's path
// (person-check.ts); each version is kept per form, and a form's latest is applied to the person as
// stored then, its own fields only, unless a later change was applied already (store/people.ts).
// Every change is in the audit trail with who made it and when.
import type { QuestionnaireMessage } from '../../channels/questionnaire-view.ts';
import type { Person, Role } from '../../domain/records.ts';
import { UserError } from '../../errors.ts';
import { type Answers, parseAnswers } from '../../questionnaires/answers.ts';
import { NO_SUPPLIER } from '../../questionnaires/facts.ts';
import { assignmentId, type FactAssignment } from '../../store/assignments.ts';
import { FactVersionStore } from '../../store/fact-versions.ts';
import { PeopleStore } from '../../store/people.ts';
import { key } from '../../store/tables.ts';
import { both } from '../../texts/index.ts';
import { type ContractView, type Core, supplierName } from '../core.ts';
import type { SubjectKind } from '../questionnaire/kind.ts';
import { recordChange } from './audit.ts';
import { editable, mayEdit } from './people.ts';
import { formProblems, recordProblems, withSupplierId } from './person-check.ts';

const versions = (core: Core) => new FactVersionStore(core.tables, key(core.contract, 'person-edits'));
const people = (core: Core) => new PeopleStore(core.tables, core.contract);
const modeOf = (a: FactAssignment) => (a.facts?.mode === 'facilitator' ? 'facilitator' : 'person');

/** This form's versions (one person may have had several forms about someone). */
async function formVersions(core: Core, a: FactAssignment) {
  return (await versions(core).list(a.subject)).filter((v) => v.by === a.person && v.form === a.role);
}

/** The form's answers applied to the person: a facilitator's form changes its own fields only. */
function personFrom(a: FactAssignment, answers: Answers, before: Person | undefined): Person {
  const own = (name: string) => (typeof answers[name] === 'string' ? (answers[name] as string) : undefined);
  const base: Person = before ?? { id: a.subject, name: '', roles: ['facilitator'] };
  const { email: _e, onboardedOn: _o, ...kept } = base;
  const email = own('email');
  const onboardedOn = own('onboardedOn');
  if (modeOf(a) === 'facilitator')
    return {
      ...kept,
      name: String(answers.name),
      supplier: a.supplier,
      ...(email ? { email } : {}),
      ...(onboardedOn ? { onboardedOn } : {}),
    };
  const { supplier: _s, ...rest } = kept;
  const supplier = own('supplier');
  return {
    ...rest,
    name: String(answers.name),
    roles: String(answers.roles).split(',').filter(Boolean) as Role[],
    ...(email ? { email } : {}),
    ...(supplier && supplier !== NO_SUPPLIER ? { supplier } : {}),
    ...(onboardedOn ? { onboardedOn } : {}),
  };
}

function answersOf(person: Person): Answers {
  return {
    name: person.name,
    ...(person.email ? { email: person.email } : {}),
    roles: person.roles.join(','),
    supplier: person.supplier ?? NO_SUPPLIER,
    ...(person.onboardedOn ? { onboardedOn: person.onboardedOn } : {}),
  };
}

export const personKind: SubjectKind<FactAssignment> = {
  async message(core, a, options = {}) {
    const view = options.view ?? (await core.contractView());
    const state = options.state ?? a.status;
    const current = view.people.get(a.subject);
    const last = (await formVersions(core, a)).at(-1);
    const answers = options.answers ?? last?.answers ?? (current ? answersOf(current) : undefined);
    const name = typeof answers?.name === 'string' ? answers.name : (current?.name ?? '');
    const message: QuestionnaireMessage = {
      kind: 'questionnaire',
      assignmentId: assignmentId(a),
      set: a.set,
      facts: [
        { title: both('person.fact.person'), value: name ? { nl: name, en: name } : both('person.new') },
        ...(a.supplier
          ? [
              {
                title: both('person.fact.supplier'),
                value: { nl: supplierName(view, a.supplier), en: supplierName(view, a.supplier) },
              },
            ]
          : []),
      ],
      status: both('person.status', { state }),
      state,
      ...(answers ? { answers } : {}),
    };
    return message;
  },

  async admit(_core, a, view) {
    // Still allowed when answering: a contract manager, or a contact of this supplier.
    const editor = view.people.get(a.person);
    if (!mayEdit(editor, modeOf(a))) throw new UserError('not-allowed');
    if (modeOf(a) === 'facilitator' && editor.supplier !== a.supplier) throw new UserError('not-allowed');
  },

  parse(a, raw, view) {
    const parsed = parseAnswers(a.set, raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    let answers = parsed.answers;
    if (modeOf(a) === 'person') {
      const resolved = withSupplierId(answers, view);
      if (!resolved.ok) throw new UserError('invalid', resolved.fields);
      answers = resolved.answers;
    }
    const fields = formProblems(a, answers, view);
    if (Object.keys(fields).length > 0) throw new UserError('invalid', fields);
    return answers;
  },

  async check(core, a, answers, view) {
    const before = await people(core).get(a.subject);
    const editor = view.people.get(a.person);
    // A supplier's contact changes only their own supplier's facilitators, as they are now.
    if (
      modeOf(a) === 'facilitator' &&
      before &&
      !(editor && editable(view, editor, 'facilitator').some((p) => p.id === before.id))
    )
      throw new UserError('not-allowed');
    const fields = await recordProblems(core, personFrom(a, answers, before), before);
    if (Object.keys(fields).length > 0) throw new UserError('invalid', fields);
  },

  async keep(core, a, { answers, receivedAt }) {
    await versions(core).add(a.subject, { by: a.person, receivedAt, answers, form: a.role });
  },

  async hasAnswer(core, a) {
    return (await formVersions(core, a)).length > 0;
  },

  async afterChange(core, a, view, answered) {
    if (!answered) return;
    // This form's latest version, over the person as stored now, unless a later change stands.
    const latest = (await formVersions(core, a)).at(-1);
    if (!latest) return;
    const applied = await people(core).apply(a.subject, latest.receivedAt, (before) =>
      personFrom(a, latest.answers, before),
    );
    if (!applied) return;
    const changes = diff(view, applied.before, applied.after);
    if (changes.length === 0) return;
    await recordChange(
      core,
      {
        at: latest.receivedAt,
        by: latest.by,
        action: applied.before ? 'person-changed' : 'person-added',
        subject: applied.after.name,
        changes,
      },
      `person|${a.subject}|${latest.receivedAt}`,
    );
  },

  errors: { closed: 'fact-closed', notOpen: 'fact-closed' },

  describe(a) {
    return both('person.describe', { mode: modeOf(a), name: a.facts?.name || 'none' });
  },
};

function diff(view: ContractView, before: Person | undefined, after: Person) {
  const shown = (p: Person | undefined, field: string): string | undefined => {
    if (!p) return undefined;
    if (field === 'roles') return p.roles.join(', ');
    if (field === 'supplier') return p.supplier ? supplierName(view, p.supplier) : '';
    const value = (p as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : '';
  };
  return ['name', 'email', 'roles', 'supplier', 'onboardedOn'].flatMap((field) => {
    const from = shown(before, field);
    const to = shown(after, field);
    if (from === to) return [];
    return [{ field, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }];
  });
}
