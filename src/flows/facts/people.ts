// People in chat: a contract manager adds someone with `persoon` or changes someone with `persoon
// <naam>` (every detail, roles and supplier among them); a supplier's contact adds one of their own
// facilitators with `facilitator` or changes one with `facilitator <naam>` (name, e-mail, onboarding
// date; their supplier is theirs). Each command hands out a form of its own (a questionnaire
// assignment with a new id, for a week), so that nobody fills in someone else's form.
import { randomBytes } from 'node:crypto';
import { DAY } from '../../clock.ts';
import type { Person } from '../../domain/records.ts';
import { UserError } from '../../errors.ts';
import { facilitatorSet, personSet } from '../../questionnaires/facts.ts';
import type { FactAssignment } from '../../store/assignments.ts';
import { both } from '../../texts/index.ts';
import { type ContractView, type Core, supplierName } from '../core.ts';
import { assign } from '../questionnaire/engine.ts';

/** A form is filled in within this long. */
const FORM_DAYS = 7;

export type PersonMode = 'person' | 'facilitator';

/** Who may use a mode: contract managers any person, a supplier's contact their own facilitators. */
export function mayEdit(editor: Person | undefined, mode: PersonMode): editor is Person {
  if (!editor) return false;
  if (mode === 'person') return editor.roles.includes('contractManager');
  return editor.roles.includes('supplierContact') && editor.supplier !== undefined;
}

/** Whom an editor may change in a mode. */
export function editable(view: ContractView, editor: Person, mode: PersonMode): Person[] {
  const people = [...view.people.values()];
  if (mode === 'person') return people;
  return people.filter((p) => p.supplier === editor.supplier && p.roles.includes('facilitator'));
}

/** `persoon [naam]` / `facilitator [naam]`: the form to add someone, or to change the one named. */
export async function personFormCommand(core: Core, editorId: string, mode: PersonMode, typed: string) {
  const view = await core.contractView();
  const editor = view.people.get(editorId);
  if (!editor) throw new UserError('unknown-person');
  if (!mayEdit(editor, mode)) throw new UserError('not-allowed');
  const target = typed.trim() === '' ? undefined : findPerson(editable(view, editor, mode), typed);
  const supplier = mode === 'facilitator' ? (editor.supplier as string) : (target?.supplier ?? '');
  const change = target !== undefined;
  const set =
    mode === 'person'
      ? personSet(view.suppliers, change)
      : facilitatorSet(supplierName(view, supplier), change);
  const now = core.clock.now();
  const assignment: FactAssignment = {
    kind: 'person',
    contract: core.contract,
    subject: target?.id ?? `p-${randomBytes(4).toString('hex')}`,
    role: `${mode}-${randomBytes(3).toString('hex')}`,
    person: editorId,
    supplier,
    opensAt: now,
    closesAt: now + FORM_DAYS * DAY,
    status: 'open',
    set,
    facts: { mode, change: change ? 'yes' : 'no', name: target?.name ?? 'none' },
  };
  await assign(core, [{ assignment, answered: false }], []);
  return {
    kind: 'notice' as const,
    text: both('person.formSent', { mode, change: change ? 'yes' : 'no', name: target?.name ?? '' }),
  };
}

function findPerson(people: Person[], typed: string): Person {
  const wanted = typed.trim().toLowerCase();
  const exact = people.filter((p) => p.id.toLowerCase() === wanted || p.name.toLowerCase() === wanted);
  const found = exact.length > 0 ? exact : people.filter((p) => p.name.toLowerCase().includes(wanted));
  if (found.length === 1) return found[0] as Person;
  if (found.length === 0) throw new UserError('bad-argument', {}, both('person.noMatch', { typed }));
  const names = found
    .slice(0, 8)
    .map((p) => p.name)
    .join(', ');
  throw new UserError('bad-argument', {}, both('person.several', { typed, names }));
}
