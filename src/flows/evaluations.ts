// The evaluation after each LEF session: when it ends, one assignment per person and role and a
// prompt each through the outbox; reminders to those who have not answered; the window closes after
// the contract's evaluation window. Answers are validated, authorised and stored once.
import { createHash } from 'node:crypto';
import type { BotMessage, SessionFacts } from '../channels/channel.ts';
import { DAY } from '../clock.ts';
import {
  assessorsOf,
  type ClientRequest,
  type ContractSettings,
  EVALUATION_ROLES,
  type Evaluation,
  type Session,
} from '../domain/records.ts';
import { formatInstant, parseInstant } from '../domain/time.ts';
import { evaluationWindowCloses, isClosedAt } from '../domain/windows.ts';
import { UserError } from '../errors.ts';
import { type Answers, parseAnswers } from '../questionnaires/answers.ts';
import { evaluationSet } from '../questionnaires/evaluation.ts';
import {
  addAnswerVersion,
  answersOf,
  loadAnswers,
  type StoredSession,
  sessionRowKey,
} from '../store/activity.ts';
import {
  type Assignment,
  assignmentId,
  parseAssignmentId,
  type StoredAssignment,
} from '../store/assignments.ts';
import { StoreError } from '../store/errors.ts';
import { key, parseJson } from '../store/tables.ts';
import type { ContractView, Core } from './core.ts';
import { enqueueRecompute } from './scorecard.ts';

/** Outbox item kinds of this flow. */
export const EVALUATION_JOBS = {
  open: 'open-evaluation',
  prompt: 'prompt',
  remind: 'remind',
  close: 'close-evaluation',
  /** Shows the questionnaire's sent messages in its current state (after an answer): off the ack path. */
  refresh: 'refresh-messages',
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

async function loadSession(
  core: Core,
  partition: string,
  sessionId: string,
): Promise<StoredSession | undefined> {
  const row = await core.tables.get('activity', partition, sessionRowKey(sessionId));
  return row ? parseJson<StoredSession>(row) : undefined;
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
  const items = [];
  for (const role of EVALUATION_ROLES) {
    for (const person of assessorsOf(session, role)) {
      const answered = given.some((v) => v.evaluation.role === role && v.evaluation.respondent === person);
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
        status: answered ? 'answered' : 'open',
      };
      await core.assignments.create(assignment);
      if (answered) continue;
      const id = assignmentId(assignment);
      items.push({
        id: `${EVALUATION_JOBS.prompt}|${id}`,
        kind: EVALUATION_JOBS.prompt,
        payload: { assignment: id },
        dueAt: core.clock.now(),
      });
      view.settings.reminderDays.forEach((days, index) => {
        const dueAt = end + days * DAY;
        if (dueAt < closesAt) {
          items.push({
            id: `${EVALUATION_JOBS.remind}|${id}|${index + 1}`,
            kind: EVALUATION_JOBS.remind,
            payload: { assignment: id, number: index + 1 },
            dueAt,
          });
        }
      });
    }
  }
  items.push({
    id: `${EVALUATION_JOBS.close}|${session.id}`,
    kind: EVALUATION_JOBS.close,
    payload: { session: session.id },
    dueAt: closesAt,
  });
  await core.outbox.enqueue(items);
}

export function sessionFacts(session: Session, view: ContractView): SessionFacts {
  const zone = view.settings.timeZone;
  return {
    id: session.id,
    supplierName: view.suppliers.find((s) => s.id === session.supplier)?.name ?? session.supplier,
    start: formatInstant(parseInstant(session.start), zone),
    end: formatInstant(parseInstant(session.end), zone),
    facilitators: session.facilitators.map((id) => view.people.get(id)?.name ?? id),
  };
}

async function loadAssignment(core: Core, id: string): Promise<StoredAssignment | undefined> {
  const parts = parseAssignmentId(id);
  if (!parts) return undefined;
  return core.assignments.get(core.contract, parts.session, parts.role, parts.person);
}

/** The evaluation message of an assignment in its current state. */
async function evaluationMessage(
  core: Core,
  assignment: Assignment,
  options: {
    state?: 'open' | 'answered' | 'closed';
    reminder?: number;
    answers?: Answers;
    /** What the caller has read already, so that it is not read again. */
    view?: ContractView;
    stored?: StoredSession;
  } = {},
): Promise<BotMessage> {
  const view = options.view ?? (await core.contractView());
  const stored = options.stored ?? (await loadSession(core, assignment.sessionPartition, assignment.session));
  if (!stored) throw new UserError('unknown-assignment');
  return {
    kind: 'evaluation',
    assignmentId: assignmentId(assignment),
    role: assignment.role,
    registration: assignment.registration,
    session: sessionFacts(stored.session, view),
    closesAt: formatInstant(assignment.closesAt, view.settings.timeZone),
    state: options.state ?? (assignment.status === 'answered' ? 'answered' : assignment.status),
    answers: options.answers ?? (await storedAnswers(core, stored, assignment)),
    ...(options.reminder ? { reminder: options.reminder } : {}),
  };
}

/** The person's latest answers, with their KPI 1 registration of the client request if they made one. */
async function storedAnswers(
  core: Core,
  stored: StoredSession,
  assignment: Assignment,
): Promise<Answers | undefined> {
  const answers = await latestAnswers(core, stored, assignment);
  const request = stored.session.request;
  if (!assignment.registration || !answers || !request) return answers;
  const partition = await core.records.requestPartition(core.contract, request);
  const row = partition ? await core.tables.get('activity', partition, key('request', request)) : undefined;
  const registration = row ? parseJson<ClientRequest>(row).registration : undefined;
  if (registration?.by !== assignment.person) return answers;
  const { suitableProposed, returned, motivation } = registration;
  return { ...answers, suitableProposed, returned, motivation };
}

/** The person's latest answers for this assignment, in the questionnaire's own field names. */
async function latestAnswers(
  core: Core,
  stored: StoredSession,
  assignment: Assignment,
): Promise<Answers | undefined> {
  const who = { role: assignment.role, person: assignment.person };
  const last = (await loadAnswers(core.tables, assignment.sessionPartition, stored, who)).at(-1);
  return last ? (answersOf(last.evaluation) as Answers) : undefined;
}

/** Sends the questionnaire; a person no channel reaches is reported in the alert channel. */
export async function deliverPrompt(
  core: Core,
  payload: { assignment: string; number?: number },
  itemId: string,
): Promise<void> {
  const stored = await loadAssignment(core, payload.assignment);
  if (stored?.assignment.status !== 'open') return; // answered or closed meanwhile: nothing to send
  if (isClosedAt(core.clock.now(), stored.assignment.closesAt)) return;
  const message = await evaluationMessage(core, stored.assignment, { reminder: payload.number });
  const sent = await core.sendTo(stored.assignment.person, message, itemId);
  if (!sent) {
    await reportUnreachable(core, stored.assignment, itemId);
    return;
  }
  await rememberMessage(core, stored, sent);
}

/**
 * A person no channel reaches is reported in the alert channel and to the session's relationship
 * manager (when that is someone else), so that someone can ask them another way.
 */
async function reportUnreachable(core: Core, assignment: Assignment, itemId: string): Promise<void> {
  const view = await core.contractView();
  const name = view.people.get(assignment.person)?.name ?? assignment.person;
  const notice: BotMessage = {
    kind: 'notice',
    tone: 'warning',
    text: {
      nl: `${name} is via geen enkel kanaal bereikbaar (de app is niet geïnstalleerd of geblokkeerd); de evaluatie van sessie ${assignment.session} kon niet worden gevraagd.`,
      en: `${name} cannot be reached on any channel (the app is not installed, or blocked); the evaluation of session ${assignment.session} could not be asked.`,
    },
  };
  await core.postAlert(notice, `unreachable|${itemId}`);
  const stored = await loadSession(core, assignment.sessionPartition, assignment.session);
  const manager = stored?.session.relationshipManager;
  if (manager && manager !== assignment.person)
    await core.sendTo(manager, notice, `unreachable|rm|${itemId}`);
}

/**
 * A person who becomes reachable (installs the app, writes to the bot) gets the questionnaires that
 * are still open for them and never reached them, through the outbox (once: the item id is fixed).
 */
export async function deliverPendingPrompts(core: Core, person: string): Promise<number> {
  const now = core.clock.now();
  const pending = (await core.assignments.openFor(core.contract, person)).filter(
    (stored) =>
      (stored.assignment.messages ?? []).length === 0 && !isClosedAt(now, stored.assignment.closesAt),
  );
  return core.outbox.enqueue(
    pending.map((stored) => {
      const id = assignmentId(stored.assignment);
      return {
        id: `${EVALUATION_JOBS.prompt}|late|${id}`,
        kind: EVALUATION_JOBS.prompt,
        payload: { assignment: id },
        dueAt: now,
      };
    }),
  );
}

/** Keeps where a questionnaire was sent, so that it can be updated after an answer or at the close. */
async function rememberMessage(
  core: Core,
  stored: StoredAssignment,
  sent: { channel: string; ref: string },
): Promise<void> {
  let current: StoredAssignment | undefined = stored;
  for (let attempt = 0; attempt < 4 && current; attempt++) {
    const messages = [...(current.assignment.messages ?? [])];
    if (messages.some((m) => m.channel === sent.channel && m.ref === sent.ref)) return;
    messages.push(sent);
    try {
      await core.assignments.replace(current, { ...current.assignment, messages });
      return;
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'conflict') throw error;
      current = await loadAssignment(core, assignmentId(current.assignment));
    }
  }
}

/** Shows every message of an assignment in its new state (answered, closed). */
async function refreshMessages(core: Core, assignment: Assignment, message: BotMessage): Promise<void> {
  for (const sent of assignment.messages ?? []) {
    const channel = core.channels.find((c) => c.id === sent.channel);
    await channel?.update({ person: assignment.person }, sent.ref, message);
  }
}

/** The outbox job: every message of an assignment shows its current state. */
export async function refreshEvaluationMessages(core: Core, payload: { assignment: string }): Promise<void> {
  const stored = await loadAssignment(core, payload.assignment);
  if (!stored?.assignment.messages?.length) return;
  await refreshMessages(core, stored.assignment, await evaluationMessage(core, stored.assignment));
}

/** Closes the window: open assignments close, their questionnaires show it, the scorecard is recomputed. */
export async function closeEvaluation(core: Core, payload: { session: string }): Promise<void> {
  for (const stored of await core.assignments.forSession(core.contract, payload.session)) {
    if (stored.assignment.status === 'open') {
      const closed: Assignment = { ...stored.assignment, status: 'closed' };
      await core.assignments.replace(stored, closed);
      await refreshMessages(core, closed, await evaluationMessage(core, closed, { state: 'closed' }));
    }
  }
  const first = (await core.assignments.forSession(core.contract, payload.session))[0];
  if (first) await enqueueRecompute(core, first.assignment.supplier, first.assignment.sessionStart);
}

export interface SubmitResult {
  changed: boolean;
  message: BotMessage;
}

/**
 * A person's answers to an assignment: authorised (only the addressee), inside the window,
 * validated (a blank explanation is refused), then stored once. A repeated submit of the same
 * answers changes nothing. Throws UserError for everything the person can fix or should know.
 */
export async function submitAnswers(
  core: Core,
  person: string,
  id: string,
  raw: unknown,
): Promise<SubmitResult> {
  const stored = await loadAssignment(core, id);
  if (!stored) throw new UserError('unknown-assignment');
  const { assignment } = stored;
  if (assignment.person !== person) throw new UserError('not-yours');
  const now = core.clock.now();
  if (now < assignment.opensAt) throw new UserError('window-not-open');
  if (isClosedAt(now, assignment.closesAt) || assignment.status === 'closed')
    throw new UserError('window-closed');

  const set = evaluationSet(assignment.role, { registration: assignment.registration });
  const parsed = parseAnswers(set, raw);
  if (!parsed.ok) throw new UserError('invalid', parsed.fields);
  const answers = parsed.answers;
  const view = await core.contractView();
  const submittedAt = formatInstant(now, view.settings.timeZone);

  if (assignment.registration) await registerRequest(core, assignment, answers, submittedAt);

  const evaluation = toEvaluation(assignment, answers, submittedAt);
  const session = await loadSession(core, assignment.sessionPartition, assignment.session);
  if (!session) throw new UserError('unknown-assignment');
  // A version of its own: a double submit stores nothing new, parallel ones never collide.
  const changed = await addAnswerVersion(core.tables, assignment.sessionPartition, session, evaluation);

  let latest = stored;
  if (assignment.status !== 'answered') {
    const answered: Assignment = { ...assignment, status: 'answered', answeredAt: now };
    try {
      await core.assignments.replace(stored, answered);
      latest = { ...stored, assignment: answered };
    } catch (error) {
      // A concurrent submit of the same person already marked it: the answer itself is stored.
      if (!(error instanceof StoreError) || error.kind !== 'conflict') throw error;
      latest = (await loadAssignment(core, id)) ?? stored;
    }
  }
  const message = await evaluationMessage(core, latest.assignment, {
    state: 'answered',
    answers, // all of them: the KPI 1 registration is stored with the request, not the evaluation
    view,
    stored: session,
  });
  if (changed) {
    // The messages already sent (the prompt, reminders) become the summary through the outbox, so
    // that a platform's limits on updates never delay the acknowledgement of the answer.
    await core.outbox.enqueue([
      {
        id: `${EVALUATION_JOBS.refresh}|${id}|${now}`,
        kind: EVALUATION_JOBS.refresh,
        payload: { assignment: id },
        dueAt: now,
      },
    ]);
    await enqueueRecompute(core, assignment.supplier, assignment.sessionStart, view);
  }
  return { changed, message };
}

/** The questionnaire again, filled in with the person's answers, while the window is open. */
export async function editAnswers(core: Core, person: string, id: string): Promise<BotMessage> {
  const stored = await loadAssignment(core, id);
  if (!stored) throw new UserError('unknown-assignment');
  if (stored.assignment.person !== person) throw new UserError('not-yours');
  if (isClosedAt(core.clock.now(), stored.assignment.closesAt) || stored.assignment.status === 'closed') {
    throw new UserError('window-closed');
  }
  return evaluationMessage(core, stored.assignment, { state: 'open' });
}

/** The questionnaire as it stands now (open, answered or closed), for its addressee only. */
export async function currentEvaluation(core: Core, person: string, id: string): Promise<BotMessage> {
  const stored = await loadAssignment(core, id);
  if (!stored) throw new UserError('unknown-assignment');
  if (stored.assignment.person !== person) throw new UserError('not-yours');
  const closed = isClosedAt(core.clock.now(), stored.assignment.closesAt);
  return evaluationMessage(core, stored.assignment, closed ? { state: 'closed' } : {});
}

function toEvaluation(assignment: Assignment, answers: Answers, submittedAt: string): Evaluation {
  const base = { session: assignment.session, respondent: assignment.person, submittedAt };
  const lef = {
    lefApplied: answers.lefApplied === true,
    lefExplanation: String(answers.lefExplanation ?? ''),
  };
  const impact = {
    impact: answers.impact === true,
    impactExplanation: String(answers.impactExplanation ?? ''),
  };
  switch (assignment.role) {
    case 'relationshipManager':
      return { ...base, role: 'relationshipManager', ...lef };
    case 'internalClient':
      return { ...base, role: 'internalClient', ...impact };
    case 'facilitator':
      return { ...base, role: 'facilitator', ...lef, ...impact };
  }
}

/** KPI 1: the relationship manager's registration of the client request, kept once with its history. */
async function registerRequest(
  core: Core,
  assignment: Assignment,
  answers: Answers,
  at: string,
): Promise<void> {
  const session = (await loadSession(core, assignment.sessionPartition, assignment.session))?.session;
  if (!session?.request) return;
  const partition = await core.records.requestPartition(core.contract, session.request);
  if (!partition) return;
  const registration = {
    by: assignment.person,
    at,
    suitableProposed: Number(answers.suitableProposed),
    returned: answers.returned === 'yes',
    motivation: String(answers.motivation),
  };
  for (let attempt = 0; attempt < REGISTRATION_ATTEMPTS; attempt++) {
    const row = await core.tables.get('activity', partition, key('request', session.request));
    if (!row) return;
    const request = parseJson<ClientRequest>(row);
    const previous = request.registration;
    if (previous && previous.by === registration.by && sameRegistration(previous, registration)) return;
    if (previous && previous.by !== registration.by) return; // registered by someone else first: theirs stands
    // The replaced registration is kept as an entity of its own (insert-if-absent), so that the
    // request itself never grows with its history.
    if (previous) await keepRegistration(core, partition, request.id, previous);
    try {
      await core.tables.replace(
        'activity',
        {
          partitionKey: partition,
          rowKey: row.rowKey,
          kind: 'request',
          json: JSON.stringify({ ...request, registration }),
          ...(typeof row.history === 'string' ? { history: row.history } : {}),
        },
        row.etag,
      );
      return;
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'conflict') throw error;
    }
  }
  // Changed by parallel submits every time: nothing of this submit is stored, and the person is told.
  throw new UserError('write-conflict');
}
const REGISTRATION_ATTEMPTS = 8;

async function keepRegistration(
  core: Core,
  partition: string,
  requestId: string,
  registration: NonNullable<ClientRequest['registration']>,
): Promise<void> {
  const digest = createHash('sha256').update(JSON.stringify(registration)).digest('hex').slice(0, 16);
  try {
    await core.tables.create('activity', {
      partitionKey: partition,
      rowKey: key('registration', requestId, `${registration.at}-${digest}`),
      kind: 'registration',
      json: JSON.stringify(registration),
    });
  } catch (error) {
    if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
  }
}

function sameRegistration(
  a: NonNullable<ClientRequest['registration']>,
  b: NonNullable<ClientRequest['registration']>,
): boolean {
  return (
    a.suitableProposed === b.suitableProposed && a.returned === b.returned && a.motivation === b.motivation
  );
}
