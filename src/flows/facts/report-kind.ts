// The progress report as a reviewed fact (reviewed.ts, KPI 6): a supplier's contact delivers it
// (with an explanation per KPI) and a contract manager accepts it or rejects it with a reason. The
// delivery is written into the records' report entry at once (its day is what KPI 6 judges); the
// judgement too (domain/report-delivery.ts); acceptance ends the asking. KPI 6 is recomputed for
// the period the due date falls in. How it looks: report-view.ts.

import { findFramework } from '../../domain/frameworks/index.ts';
import { applyDelivery, applyJudgement } from '../../domain/report-delivery.ts';
import { dayStart, formatInstant } from '../../domain/time.ts';
import type { Answers } from '../../questionnaires/answers.ts';
import { explanationId, reportReviewSet } from '../../questionnaires/facts.ts';
import type { FactAssignment } from '../../store/assignments.ts';
import { formatPeriod } from '../../texts/format.ts';
import { bothOf } from '../../texts/index.ts';
import type { ContractView, Core } from '../core.ts';
import { updateAssignment } from '../questionnaire/engine.ts';
import { enqueueRecompute } from '../scorecard.ts';
import { reportMessage } from './report-view.ts';
import { reports } from './reports.ts';
import { fact, type ReviewedSpec, reviewedKind } from './reviewed.ts';
import { dayOf } from './social-return.ts';

/** The explanations given, by KPI id (those left empty not kept). */
function explanations(view: ContractView, answers: Answers): Record<string, string> {
  const kpis = findFramework(view.contract.framework)?.kpis ?? [];
  const given = kpis.flatMap((kpi) => {
    const text = answers[explanationId(kpi.id)];
    return typeof text === 'string' && text.trim() !== '' ? [[kpi.id, text] as const] : [];
  });
  return Object.fromEntries(given);
}

/** The contacts' cards open again (a rejection in time): they deliver anew, and are reminded. */
async function reopen(core: Core, a: FactAssignment): Promise<void> {
  const all = await core.assignments.forFact(core.contract, 'report', a.subject);
  for (const stored of all.filter(
    (s) => s.assignment.role === 'supplier' && s.assignment.status === 'answered',
  ))
    await updateAssignment(core, stored, (x) => (x.status === 'answered' ? { ...x, status: 'open' } : x));
}

/** KPI 6 of the period the due date falls in. */
const recompute = (core: Core, a: FactAssignment, view: ContractView) =>
  enqueueRecompute(
    core,
    a.supplier,
    formatInstant(dayStart(fact(a, 'due'), view.settings.timeZone), view.settings.timeZone),
    view,
  );

const reportSpec: ReviewedSpec = {
  kind: 'report',
  store: reports,
  reviewSet: reportReviewSet,
  message: reportMessage,
  async onSubmitted(core, a, view, submission) {
    await reports(core).update(a.supplier, fact(a, 'period'), (entry) =>
      applyDelivery(entry, dayOf(view, submission.receivedAt), explanations(view, submission.answers)),
    );
    await recompute(core, a, view);
  },
  async onDecided(core, a, view, decision) {
    const judged = await reports(core).update(a.supplier, fact(a, 'period'), (entry) =>
      applyJudgement(entry, {
        accepted: decision.decision === 'confirm',
        ...(decision.reason ? { reason: decision.reason } : {}),
        day: dayOf(view, decision.receivedAt),
        // An agreed due date in the records counts over the one the card was made with.
        due: entry.dueOn ?? fact(a, 'due'),
      }),
    );
    // Rejected in time: not delivered, so the contacts' cards are open again (and remind).
    if (!judged.deliveredOn) await reopen(core, a);
    await recompute(core, a, view);
  },
  async submitted(core, a) {
    const entry = await reports(core).entry(a.supplier, fact(a, 'period'));
    return entry?.deliveredOn !== undefined || entry?.accepted !== undefined;
  },
  async settled(core, a) {
    return (await reports(core).entry(a.supplier, fact(a, 'period')))?.accepted === true;
  },
  closeOnConfirm: true,
  audit: { submitted: 'report-delivered', confirmed: 'report-accepted', rejected: 'report-rejected' },
  subjectName: (a) => `${fact(a, 'supplierName')} (${fact(a, 'period')})`,
  decided: (a, decision, name) =>
    bothOf('delivery.decided', (lang) => ({
      decided: decision.decision,
      name,
      period: formatPeriod(lang, fact(a, 'period')),
      reason: decision.reason ?? '',
    })),
  superseded: bothOf('delivery.superseded', () => ({})),
  describe: (a) =>
    bothOf('delivery.describe', (lang) => ({
      supplier: fact(a, 'supplierName'),
      period: formatPeriod(lang, fact(a, 'period')),
    })),
};

export const reportKind = reviewedKind(reportSpec);
