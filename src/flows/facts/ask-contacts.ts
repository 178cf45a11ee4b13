// A fact asked of every contact of a supplier (social return, the progress report, the period's
// figures): one assignment each, insert-if-absent, with the prompt and its reminders.
import type { FactAssignment, FactKind } from '../../store/assignments.ts';
import { type ContractView, type Core, supplierName } from '../core.ts';
import { assign } from '../questionnaire/engine.ts';

export interface ContactsAsk {
  kind: FactKind;
  subject: string;
  set: FactAssignment['set'];
  /** The assignment's facts; the supplier's name is added. */
  facts: Record<string, string>;
  opensAt: number;
  closesAt: number;
  reminders: number[];
  /** Given already (by import): the assignment is made answered, and nobody is prompted. */
  answered?: boolean;
}

export async function askSupplierContacts(
  core: Core,
  view: ContractView,
  supplier: string,
  ask: ContactsAsk,
): Promise<void> {
  const contacts = [...view.people.values()].filter(
    (p) => p.roles.includes('supplierContact') && p.supplier === supplier,
  );
  await assign(
    core,
    contacts.map((contact) => ({
      assignment: {
        kind: ask.kind,
        contract: core.contract,
        subject: ask.subject,
        role: 'supplier',
        person: contact.id,
        supplier,
        opensAt: ask.opensAt,
        closesAt: ask.closesAt,
        status: 'open',
        set: ask.set,
        facts: { ...ask.facts, supplierName: supplierName(view, supplier) },
      } satisfies FactAssignment,
      answered: ask.answered ?? false,
    })),
    ask.reminders,
  );
}
