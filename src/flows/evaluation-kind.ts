// A session's evaluation as a subject of the questionnaire engine: the role's question set, the
// answer kept as an evaluation version of the session (and the relationship manager's KPI 1
// registration with the client request), and after a change the scorecard recomputed.
import { createHash } from 'node:crypto';
import type { BotMessage, SessionFacts } from '../channels/channel.ts';
import type { ClientRequest, Evaluation, Session } from '../domain/records.ts';
import { formatInstant, parseInstant } from '../domain/time.ts';
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
import { type Assignment, assignmentId } from '../store/assignments.ts';
import { StoreError } from '../store/errors.ts';
import { key, parseJson } from '../store/tables.ts';
import type { ContractView, Core } from './core.ts';
import type { MessageOptions, SubjectKind } from './questionnaire/kind.ts';
import { enqueueRecompute } from './scorecard.ts';

export async function loadSession(
  core: Core,
  partition: string,
  sessionId: string,
): Promise<StoredSession | undefined> {
  const row = await core.tables.get('activity', partition, sessionRowKey(sessionId));
  return row ? parseJson<StoredSession>(row) : undefined;
}

export function sessionFacts(session: Session, view: ContractView): SessionFacts {
  const zone = view.settings.timeZone;
  return {
    id: session.id,
    supplierName: view.suppliers.find((s) => s.id === session.supplier)?.name ?? session.supplier,
    start: formatInstant(parseInstant(session.start), zone),
    end: formatInstant(parseInstant(session.end), zone),
    facilitators: session.facilitators.map((id) => view.people.get(id)?.name ?? id),
    timeZone: zone,
  };
}

/** The evaluation message of an assignment in its current state. */
export async function evaluationMessage(
  core: Core,
  assignment: Assignment,
  options: MessageOptions = {},
): Promise<BotMessage> {
  const view = options.view ?? (await core.contractView());
  const stored =
    (options.context as StoredSession | undefined) ??
    (await loadSession(core, assignment.sessionPartition, assignment.session));
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

export const evaluationKind: SubjectKind<Assignment> = {
  message: (core, assignment, options) => evaluationMessage(core, assignment, options),

  async store(core, assignment, raw, now, view) {
    const set = evaluationSet(assignment.role, { registration: assignment.registration });
    const parsed = parseAnswers(set, raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    const answers = parsed.answers;
    const submittedAt = formatInstant(now, view.settings.timeZone);
    const session = await loadSession(core, assignment.sessionPartition, assignment.session);
    if (!session) throw new UserError('unknown-assignment');
    if (assignment.registration)
      await registerRequest(core, assignment, session.session, answers, submittedAt);
    // A version of its own: a double submit stores nothing new, parallel ones never collide.
    const evaluation = toEvaluation(assignment, answers, submittedAt);
    const changed = await addAnswerVersion(core.tables, assignment.sessionPartition, session, evaluation);
    // All of them in the summary: the KPI 1 registration is stored with the request, not the evaluation.
    return { changed, answers, context: session };
  },

  async afterChange(core, assignment, view) {
    await enqueueRecompute(core, assignment.supplier, assignment.sessionStart, view);
  },

  errors: { closed: 'window-closed', notOpen: 'window-not-open' },

  describe(assignment) {
    return {
      nl: `de evaluatie van sessie ${assignment.session}`,
      en: `the evaluation of session ${assignment.session}`,
    };
  },

  async owner(core, assignment) {
    const stored = await loadSession(core, assignment.sessionPartition, assignment.session);
    return stored?.session.relationshipManager;
  },
};

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
  session: Session,
  answers: Answers,
  at: string,
): Promise<void> {
  if (!session.request) return;
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
