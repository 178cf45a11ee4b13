// The progress report in chat (KPI 6): once a half-year has ended, each day the bot asks the
// supplier's contacts for its report, once (insert-if-absent), until well after the due date: the
// draft (drawn from the data) to open, an explanation per KPI to add, and submitting it is the
// delivery. Reminders a week and two days before the due date. A delivery goes to the contract
// managers to accept or reject (report-kind.ts).
import { HOUR } from '../../clock.ts';
import { findFramework } from '../../domain/frameworks/index.ts';
import type { Kpi } from '../../domain/frameworks/schema.ts';
import { periodBefore, periodContaining } from '../../domain/periods.ts';
import { reportDueDate } from '../../domain/scoring.ts';
import { addDays, dayStart } from '../../domain/time.ts';
import { reportDeliverySet } from '../../questionnaires/facts.ts';
import { ReportStore } from '../../store/reports.ts';
import type { ContractView, Core } from '../core.ts';
import { askSupplierContacts } from './ask-contacts.ts';

/** Taken this long after the due date (late: said so; KPI 6 is red meanwhile). */
export const REPORT_LATE_DAYS = 60;
const REMINDERS = [7, 2];

export const reports = (core: Core) => new ReportStore(core.tables, core.contract);

export const reportSubject = (supplier: string, period: string) => `report-${period}-${supplier}`;

/** The framework's progress-report KPI, if it has one. */
export function reportKpi(view: ContractView): (Kpi & { rule: { kind: 'progress-report' } }) | undefined {
  const kpi = findFramework(view.contract.framework)?.kpis.find((k) => k.rule.kind === 'progress-report');
  return kpi as (Kpi & { rule: { kind: 'progress-report' } }) | undefined;
}

/** The daily step: the ended half-year's report asked of each supplier whose report is not in. */
export async function askReports(core: Core, today: string): Promise<void> {
  const view = await core.contractView();
  const kpi = reportKpi(view);
  const framework = findFramework(view.contract.framework);
  if (!kpi || !framework) return;
  const zone = view.settings.timeZone;
  const current = periodContaining(today, 'half-year');
  const ended = periodBefore(current);
  if (ended.last < view.contract.startDate) return;
  const now = core.clock.now();
  for (const supplier of view.suppliers) {
    const entry = await reports(core).entry(supplier.id, ended.id);
    const due = entry?.dueOn ?? reportDueDate(ended.id, kpi.rule.dueDaysAfterHalfYear);
    // Delivered or judged by the records already (imported), or too long ago: not asked.
    if (entry?.deliveredOn || entry?.accepted !== undefined || today > addDays(due, REPORT_LATE_DAYS))
      continue;
    await askSupplierContacts(core, view, supplier.id, {
      kind: 'report',
      subject: reportSubject(supplier.id, ended.id),
      set: reportDeliverySet(framework.kpis),
      facts: { period: ended.id, due },
      opensAt: now,
      closesAt: dayStart(addDays(due, REPORT_LATE_DAYS + 1), zone),
      reminders: REMINDERS.map((days) => dayStart(addDays(due, -days), zone) + 9 * HOUR),
    });
  }
}
