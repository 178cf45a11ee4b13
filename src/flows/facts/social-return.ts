// Social return in chat (KPI 7): each day the bot asks the supplier's contacts for what is due, once
// (insert-if-absent): the plan of approach until its deadline has long passed (reminders two weeks,
// a week and two days before it), and after each half-year the cumulative figures up to its end
// (due three weeks after it, reminders a week and two days before). A submission goes to the
// contract managers to confirm; only a confirmed one is written into the records and counts.
import { HOUR } from '../../clock.ts';
import { periodBefore, periodContaining } from '../../domain/periods.ts';
import { addDays, dayStart, localDate } from '../../domain/time.ts';
import { socialReturnFiguresSet, socialReturnPlanSet } from '../../questionnaires/facts.ts';
import { SocialReturnStore } from '../../store/social-return.ts';
import type { ContractView, Core } from '../core.ts';
import { askSupplierContacts } from './ask-contacts.ts';

/** Taken this long after the deadline (late: said so; KPI 7 is red meanwhile). */
export const LATE_DAYS = 60;
/** Figures over a half-year are due this long after it ends. */
const FIGURES_DUE_DAYS = 21;
const PLAN_REMINDERS = [14, 7, 2];
const FIGURES_REMINDERS = [7, 2];

export const socialReturn = (core: Core) => new SocialReturnStore(core.tables, core.contract);

export const planSubject = (supplier: string) => `plan-${supplier}`;
export const figuresSubject = (supplier: string, period: string) => `figures-${period}-${supplier}`;

const reminderAt = (due: string, days: number, zone: string) =>
  dayStart(addDays(due, -days), zone) + 9 * HOUR;

/** The daily step: whatever is due and not in yet is asked (again: insert-if-absent, nothing twice). */
export async function askSocialReturn(core: Core, today: string): Promise<void> {
  const view = await core.contractView();
  if (today < view.contract.startDate) return;
  const zone = view.settings.timeZone;
  const planDue = view.settings.socialReturnPlanDue;
  const current = periodContaining(today, 'half-year');
  const ended = periodBefore(current);
  const figuresDue = addDays(ended.last, FIGURES_DUE_DAYS);
  const now = core.clock.now();
  for (const supplier of view.suppliers) {
    const entry = (await socialReturn(core).entry(supplier.id))?.entry;
    if (!entry?.planSubmittedOn && today <= addDays(planDue, LATE_DAYS))
      await askSupplierContacts(core, view, supplier.id, {
        kind: 'socialreturn',
        subject: planSubject(supplier.id),
        set: socialReturnPlanSet,
        facts: { what: 'plan', due: planDue },
        opensAt: now,
        closesAt: dayStart(addDays(planDue, LATE_DAYS + 1), zone),
        reminders: PLAN_REMINDERS.map((days) => reminderAt(planDue, days, zone)),
      });
    const hasFigures = entry?.figures.some((f) => f.upTo >= ended.last) ?? false;
    if (ended.last >= view.contract.startDate && !hasFigures && today <= addDays(figuresDue, LATE_DAYS))
      await askSupplierContacts(core, view, supplier.id, {
        kind: 'socialreturn',
        subject: figuresSubject(supplier.id, ended.id),
        set: socialReturnFiguresSet,
        facts: { what: 'figures', due: figuresDue, period: ended.id, upTo: ended.last },
        opensAt: now,
        closesAt: dayStart(addDays(figuresDue, LATE_DAYS + 1), zone),
        reminders: FIGURES_REMINDERS.map((days) => reminderAt(figuresDue, days, zone)),
      });
  }
}

/** The day a moment falls on in the contract's zone. */
export const dayOf = (view: ContractView, at: number) => localDate(at, view.settings.timeZone);
