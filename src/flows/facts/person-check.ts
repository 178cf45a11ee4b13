// What is wrong with a person's form, named at its field: what the form alone tells (the sides of
// the roles and the supplier agree, an e-mail address is one person's, a facilitator has an
// onboarding date), the records' own rules for a person, and, when roles or supplier change, every
// record that would no longer hold (a session whose relationship manager would lose that role).
import {
  checkReferences,
  type Person,
  RecordsShape,
  type Role,
  SUPPLIER_ROLES,
} from '../../domain/records.ts';
import { describeRef } from '../../domain/validate.ts';
import type { Answers } from '../../questionnaires/answers.ts';
import { NO_SUPPLIER } from '../../questionnaires/facts.ts';
import type { Text } from '../../questionnaires/types.ts';
import type { FactAssignment } from '../../store/assignments.ts';
import { both, t } from '../../texts/index.ts';
import type { ContractView, Core } from '../core.ts';

const PersonShape = RecordsShape.shape.people.element;
const modeOf = (a: FactAssignment) => (a.facts?.mode === 'facilitator' ? 'facilitator' : 'person');

/** A supplier typed (a contract with more than nine) as its id; empty is none. */
export function withSupplierId(
  answers: Answers,
  view: ContractView,
): { ok: true; answers: Answers } | { ok: false; fields: Record<string, Text> } {
  const typed = answers.supplier;
  if (typed === undefined) return { ok: true, answers: { ...answers, supplier: NO_SUPPLIER } };
  if (typed === NO_SUPPLIER || view.suppliers.some((s) => s.id === typed)) return { ok: true, answers };
  const wanted = String(typed).toLowerCase();
  const found = view.suppliers.filter(
    (s) => s.id.toLowerCase() === wanted || s.name.toLowerCase() === wanted,
  );
  if (found.length === 1)
    return { ok: true, answers: { ...answers, supplier: (found[0] as { id: string }).id } };
  return { ok: false, fields: { supplier: both('person.unknownSupplier', { typed: String(typed) }) } };
}

/** What the form alone can tell. */
export function formProblems(a: FactAssignment, answers: Answers, view: ContractView): Record<string, Text> {
  const fields: Record<string, Text> = {};
  const email = typeof answers.email === 'string' ? answers.email.toLowerCase() : undefined;
  const other = email
    ? [...view.people.values()].find((p) => p.id !== a.subject && p.email?.toLowerCase() === email)
    : undefined;
  // A supplier's contact is not told who else uses the address.
  if (other)
    fields.email =
      modeOf(a) === 'facilitator'
        ? both('person.emailInUse')
        : both('person.emailTaken', { name: other.name });
  if (modeOf(a) === 'facilitator') return fields;
  const roles = String(answers.roles).split(',') as Role[];
  const supplierSide = roles.filter((r) => SUPPLIER_ROLES.includes(r));
  if (supplierSide.length > 0 && supplierSide.length < roles.length) fields.roles = both('person.mixedSides');
  else if (supplierSide.length > 0 && answers.supplier === NO_SUPPLIER)
    fields.supplier = both('person.supplierRequired');
  else if (supplierSide.length === 0 && answers.supplier !== NO_SUPPLIER)
    fields.supplier = both('person.noSupplierForClient');
  if (roles.includes('facilitator') && answers.onboardedOn === undefined)
    fields.onboardedOn = both('person.onboardingRequired');
  return fields;
}

/**
 * The records' rules for `next`, and, when its roles or supplier change, every other record that
 * names the person and would no longer hold (read from the store: only then).
 */
export async function recordProblems(
  core: Core,
  next: Person,
  before: Person | undefined,
): Promise<Record<string, Text>> {
  const fields: Record<string, Text> = {};
  const shape = PersonShape.safeParse(next);
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const field = String(issue.path[0] ?? 'name');
      fields[field] ??= both('person.fieldInvalid');
    }
    return fields;
  }
  const changesSides =
    before && (before.supplier !== next.supplier || before.roles.some((r) => !next.roles.includes(r)));
  if (!changesSides) return fields;
  const records = await core.records.exportRecords(core.contract);
  const people = records.people.map((p) => (p.id === next.id ? next : p));
  const known = new Set(checkReferences(records).map((i) => JSON.stringify(i)));
  const fresh = checkReferences({ ...records, people }).filter((i) => !known.has(JSON.stringify(i)));
  const index = people.indexOf(next);
  const places: { kind: string; id: string }[] = [];
  for (const issue of fresh) {
    const [collection, at, field] = issue.path;
    if (collection === 'people' && at === index && typeof field === 'string') {
      fields[field] ??= describeRef(issue.problem);
      continue;
    }
    const item =
      typeof collection === 'string' && typeof at === 'number'
        ? recordAt(records, collection, at)
        : undefined;
    places.push({ kind: String(collection), id: item ?? '' });
  }
  if (places.length > 0) {
    const unique = [...new Map(places.map((p) => [`${p.kind}|${p.id}`, p])).values()];
    const list = (lang: 'nl' | 'en') =>
      unique
        .slice(0, 5)
        .map((p) => t(lang, 'person.place', p))
        .join(', ') + (unique.length > 5 ? ` (+${unique.length - 5})` : '');
    fields.roles ??= {
      nl: t('nl', 'person.stillNamed', { name: next.name, places: list('nl') }),
      en: t('en', 'person.stillNamed', { name: next.name, places: list('en') }),
    };
  }
  return fields;
}

/** The id a records entry is known by (a session's, a request's; an evaluation's session). */
function recordAt(records: Record<string, unknown>, collection: string, at: number): string | undefined {
  const list = records[collection];
  if (!Array.isArray(list)) return undefined;
  const item = list[at] as { id?: string; session?: string; supplier?: string } | undefined;
  return item?.id ?? item?.session ?? item?.supplier;
}
