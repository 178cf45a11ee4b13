// A person's details as a subject of the questionnaire engine: the form of a contract manager (any
// person: name, e-mail, roles, supplier, onboarding date) or of a supplier's contact (their own
// facilitator). The answers are checked on the acknowledgement's path against every record that
// names the person, so that the records stay valid; each version is kept, the latest applied to the
// person, and every change written to the audit trail with who made it and when.
import type { QuestionnaireMessage } from '../../channels/questionnaire-view.ts';
import { checkReferences, type Person, type Role, SUPPLIER_ROLES } from '../../domain/records.ts';
import { describeRef } from '../../domain/validate.ts';
import { UserError } from '../../errors.ts';
import { type Answers, parseAnswers } from '../../questionnaires/answers.ts';
import { NO_SUPPLIER } from '../../questionnaires/facts.ts';
import type { Text } from '../../questionnaires/types.ts';
import { assignmentId, type FactAssignment } from '../../store/assignments.ts';
import { FactVersionStore } from '../../store/fact-versions.ts';
import { key } from '../../store/tables.ts';
import { both } from '../../texts/index.ts';
import { type ContractView, type Core, supplierName } from '../core.ts';
import type { SubjectKind } from '../questionnaire/kind.ts';
import { recordChange } from './audit.ts';
import { editable } from './people.ts';

const versions = (core: Core) => new FactVersionStore(core.tables, key(core.contract, 'person-edits'));
const modeOf = (a: FactAssignment) => (a.facts?.mode === 'facilitator' ? 'facilitator' : 'person');

/** The form's answers as the person they describe (what is not on the form is kept as it was). */
function personFrom(a: FactAssignment, answers: Answers, before: Person | undefined): Person {
  const facilitator = modeOf(a) === 'facilitator';
  const roles = facilitator
    ? (before?.roles ?? ['facilitator'])
    : (String(answers.roles).split(',').filter(Boolean) as Role[]);
  const supplier = facilitator ? a.supplier : String(answers.supplier);
  const {
    name: _n,
    email: _e,
    roles: _r,
    supplier: _s,
    onboardedOn: _o,
    ...kept
  } = before ?? { id: a.subject };
  return {
    ...kept,
    id: a.subject,
    name: String(answers.name),
    ...(typeof answers.email === 'string' ? { email: answers.email } : {}),
    roles,
    ...(supplier !== NO_SUPPLIER && supplier !== '' ? { supplier } : {}),
    ...(typeof answers.onboardedOn === 'string' ? { onboardedOn: answers.onboardedOn } : {}),
  } as Person;
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
    const last = (await versions(core).list(a.subject)).filter((v) => v.by === a.person).at(-1);
    const answers = options.answers ?? last?.answers ?? (current ? answersOf(current) : undefined);
    const name = current?.name ?? (typeof answers?.name === 'string' ? answers.name : '');
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

  parse(a, raw, view) {
    const parsed = parseAnswers(a.set, raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    const fields = sideProblems(a, parsed.answers, view);
    if (Object.keys(fields).length > 0) throw new UserError('invalid', fields);
    return parsed.answers;
  },

  async check(core, a, answers, view) {
    const before = view.people.get(a.subject);
    const editor = view.people.get(a.person);
    // A supplier's contact changes only their own supplier's facilitators, as they are now.
    if (
      modeOf(a) === 'facilitator' &&
      before &&
      !(editor && editable(view, editor, 'facilitator').includes(before))
    )
      throw new UserError('not-allowed');
    const records = await core.records.exportRecords(core.contract);
    const next = personFrom(a, answers, before);
    const people = before
      ? records.people.map((p) => (p.id === next.id ? next : p))
      : [...records.people, next];
    const known = new Set(checkReferences(records).map((i) => JSON.stringify(i)));
    const fresh = checkReferences({ ...records, people }).filter((i) => !known.has(JSON.stringify(i)));
    if (fresh.length === 0) return;
    const index = people.indexOf(next);
    const fields: Record<string, Text> = {};
    for (const issue of fresh) {
      const own = issue.path[0] === 'people' && issue.path[1] === index;
      const field = own && typeof issue.path[2] === 'string' ? issue.path[2] : 'roles';
      fields[field === 'supplier' && modeOf(a) === 'facilitator' ? 'name' : field] ??= describeRef(
        issue.problem,
      );
    }
    throw new UserError('invalid', fields);
  },

  async keep(core, a, { answers, receivedAt }) {
    await versions(core).add(a.subject, { by: a.person, receivedAt, answers });
  },

  async hasAnswer(core, a) {
    return (await versions(core).list(a.subject)).some((v) => v.by === a.person);
  },

  async afterChange(core, a, view, answered) {
    if (!answered) return;
    // The latest version stands, whatever order the follow-ups of two quick changes run in.
    const latest = (await versions(core).list(a.subject)).at(-1);
    if (!latest) return;
    const before = view.people.get(a.subject);
    const after = personFrom(a, latest.answers, before);
    const changes = diff(view, before, after);
    if (changes.length === 0) return;
    await core.records.savePerson(core.contract, after);
    await recordChange(
      core,
      {
        at: latest.receivedAt,
        by: latest.by,
        action: before ? 'person-changed' : 'person-added',
        subject: after.name,
        changes,
      },
      `person|${a.subject}|${latest.receivedAt}`,
    );
  },

  errors: { closed: 'fact-closed', notOpen: 'fact-closed' },

  describe(a) {
    return both('person.describe', { mode: modeOf(a) });
  },
};

/** What the form alone can tell: the sides of the roles and the supplier agree; e-mail addresses are one person's. */
function sideProblems(a: FactAssignment, answers: Answers, view: ContractView): Record<string, Text> {
  const fields: Record<string, Text> = {};
  const email = typeof answers.email === 'string' ? answers.email.toLowerCase() : undefined;
  const other = email
    ? [...view.people.values()].find((p) => p.id !== a.subject && p.email?.toLowerCase() === email)
    : undefined;
  if (other) fields.email = both('person.emailTaken', { name: other.name });
  if (modeOf(a) === 'facilitator') return fields;
  const roles = String(answers.roles).split(',') as Role[];
  const supplierSide = roles.filter((r) => SUPPLIER_ROLES.includes(r));
  if (supplierSide.length > 0 && supplierSide.length < roles.length) fields.roles = both('person.mixedSides');
  else if (supplierSide.length > 0 && answers.supplier === NO_SUPPLIER)
    fields.supplier = both('person.supplierRequired');
  else if (supplierSide.length === 0 && answers.supplier !== NO_SUPPLIER)
    fields.supplier = both('person.noSupplierForClient');
  return fields;
}

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
