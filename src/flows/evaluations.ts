// The evaluation after each LEF session, the questionnaire engine's first subject: when a session
// ends, one assignment per person and role (the engine prompts them, reminds those who have not
// answered and keeps every version); the window closes after the contract's evaluation window.
import { DAY } from '../clock.ts';
import { assessorsOf, type ContractSettings, EVALUATION_ROLES, type Session } from '../domain/records.ts';
import { parseInstant } from '../domain/time.ts';
import { evaluationWindowCloses, isClosedAt } from '../domain/windows.ts';
import { loadAnswers } from '../store/activity.ts';
import type { Assignment } from '../store/assignments.ts';
import type { Core } from './core.ts';
import { loadSession } from './evaluation-kind.ts';
import { assign, closeAssignments, QUESTIONNAIRE_JOBS } from './questionnaire/engine.ts';
import { enqueueRecompute } from './scorecard.ts';

export { sessionFacts } from './evaluation-kind.ts';
// The engine's entry points under the names the channels have always used.
export {
  currentQuestionnaire as currentEvaluation,
  deliverPendingPrompts,
  deliverPrompt,
  editAnswers,
} from './questionnaire/engine.ts';
export { refreshQuestionnaireMessages as refreshEvaluationMessages } from './questionnaire/follow-up.ts';
export { keepAnswers, type SubmitResult, submitAnswers } from './questionnaire/submit.ts';

/** Outbox item kinds of this flow (prompt, remind and refresh are the engine's, for every subject). */
export const EVALUATION_JOBS = {
  open: 'open-evaluation',
  ...QUESTIONNAIRE_JOBS,
  close: 'close-evaluation',
} as const;

/** The outbox item that opens a session's evaluation when it ends; none once its window has closed. */
export function openEvaluationItem(
  session: Session,
  partition: string,
  settings: ContractSettings,
  now: number,
) {
  if (isClosedAt(now, evaluationWindowCloses(session, settings))) return undefined;
  return {
    id: `${EVALUATION_JOBS.open}|${session.id}|${session.end}`,
    kind: EVALUATION_JOBS.open,
    payload: { session: session.id, partition, end: session.end },
    dueAt: parseInstant(session.end),
  };
}

/** Puts the opening of a session's evaluation in the outbox, due when the session ends. */
export async function scheduleEvaluation(core: Core, session: Session, partition: string): Promise<void> {
  const view = await core.contractView();
  const item = openEvaluationItem(session, partition, view.settings, core.clock.now());
  if (item) await core.outbox.enqueue([item]);
}

/** At a session's end: one assignment per person and role, a prompt each, reminders and the close. */
export async function openEvaluation(
  core: Core,
  payload: { session: string; partition: string; end: string },
): Promise<void> {
  const stored = await loadSession(core, payload.partition, payload.session);
  // Removed, or rescheduled since this item was made: the item of its new end opens it.
  if (!stored || stored.session.end !== payload.end) return;
  const { session } = stored;
  const view = await core.contractView();
  const end = parseInstant(session.end);
  const closesAt = evaluationWindowCloses(session, view.settings);
  const request = session.request
    ? await core.records.findRequest(core.contract, session.request)
    : undefined;
  const given = await loadAnswers(core.tables, payload.partition, stored);
  const assignments = EVALUATION_ROLES.flatMap((role) =>
    assessorsOf(session, role).map((person) => {
      const assignment: Assignment = {
        contract: core.contract,
        session: session.id,
        role,
        person,
        supplier: session.supplier,
        sessionPartition: payload.partition,
        registration:
          role === 'relationshipManager' && request !== undefined && request.registration === undefined,
        sessionStart: session.start,
        opensAt: end,
        closesAt,
        status: 'open',
      };
      const answered = given.some((v) => v.evaluation.role === role && v.evaluation.respondent === person);
      return { assignment, answered };
    }),
  );
  await assign(
    core,
    assignments,
    view.settings.reminderDays.map((days) => end + days * DAY),
  );
  await core.outbox.enqueue([
    {
      id: `${EVALUATION_JOBS.close}|${session.id}`,
      kind: EVALUATION_JOBS.close,
      payload: { session: session.id },
      dueAt: closesAt,
    },
  ]);
}

/** Closes the window: open assignments close, their questionnaires show it, the scorecard is recomputed. */
export async function closeEvaluation(core: Core, payload: { session: string }): Promise<void> {
  await closeAssignments(core, await core.assignments.forSession(core.contract, payload.session));
  const first = (await core.assignments.forSession(core.contract, payload.session))[0];
  if (first) await enqueueRecompute(core, first.assignment.supplier, first.assignment.sessionStart);
}
