import type { BotMessage, SessionFacts } from '../channels/channel.ts';
import type { ClientRequest, Evaluation, Session } from '../domain/records.ts';
import { formatInstant, parseInstant } from '../domain/time.ts';
import { UserError } from '../errors.ts';
import { type Answers, parseAnswers } from '../questionnaires/answers.ts';
import { evaluationSet } from '../questionnaires/evaluation.ts';
import {
  answersOf,
  keepAnswerVersion,
  loadAnswers,
  type Registration,
  type StoredSession,
  sessionRowKey,
} from '../store/activity.ts';
import { type Assignment, assignmentId } from '../store/assignments.ts';
import { key, parseJson } from '../store/tables.ts';
import { type ContractView, type Core, supplierName } from './core.ts';
import { registerRequest } from './facts/request-registration.ts';
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
    supplierName: supplierName(view, session.supplier),
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

/**
 * The person's latest answers, with the KPI 1 registration they gave with them; for answers kept
 * before registrations were kept with the answer, the one stored with the request, if it is theirs.
 */
async function storedAnswers(
  core: Core,
  stored: StoredSession,
  assignment: Assignment,
): Promise<Answers | undefined> {
  const who = { role: assignment.role, person: assignment.person };
  const last = (await loadAnswers(core.tables, assignment.sessionPartition, stored, who)).at(-1);
  if (!last) return undefined;
  const answers = answersOf(last.evaluation) as Answers;
  const request = stored.session.request;
  if (!assignment.registration || !request) return answers;
  let registration = last.registration;
  if (!registration) {
    const partition = await core.records.requestPartition(core.contract, request);
    const row = partition ? await core.tables.get('activity', partition, key('request', request)) : undefined;
    registration = row ? parseJson<ClientRequest>(row).registration : undefined;
  }
  if (registration?.by !== assignment.person) return answers;
  const { suitableProposed, returned, motivation } = registration;
  return { ...answers, suitableProposed, returned, motivation };
}

function registrationOf(assignment: Assignment, answers: Answers, at: string): Registration | undefined {
  if (!assignment.registration) return undefined;
  return {
    by: assignment.person,
    at,
    suitableProposed: Number(answers.suitableProposed),
    returned: answers.returned === 'yes',
    motivation: String(answers.motivation),
  };
}

export const evaluationKind: SubjectKind<Assignment> = {
  message: (core, assignment, options) => evaluationMessage(core, assignment, options),

  parse(assignment, raw) {
    const set = evaluationSet(assignment.role, { registration: assignment.registration });
    const parsed = parseAnswers(set, raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    return parsed.answers;
  },

  async keep(core, assignment, { answers, receivedAt }, view) {
    const submittedAt = formatInstant(receivedAt, view.settings.timeZone);
    await keepAnswerVersion(
      core.tables,
      assignment.sessionPartition,
      toEvaluation(assignment, answers, submittedAt),
      receivedAt,
      registrationOf(assignment, answers, submittedAt),
    );
  },

  async replyContext(core, assignment) {
    const session = await loadSession(core, assignment.sessionPartition, assignment.session);
    if (!session) throw new UserError('unknown-assignment');
    return session;
  },

  async hasAnswer(core, assignment) {
    const session = await loadSession(core, assignment.sessionPartition, assignment.session);
    if (!session) return false;
    const who = { role: assignment.role, person: assignment.person };
    return (await loadAnswers(core.tables, assignment.sessionPartition, session, who)).length > 0;
  },

  async afterChange(core, assignment, view, answered) {
    const registration = answered
      ? registrationOf(
          assignment,
          answered.answers,
          formatInstant(answered.receivedAt, view.settings.timeZone),
        )
      : undefined;
    if (registration) {
      const session = await loadSession(core, assignment.sessionPartition, assignment.session);
      if (session?.session.request) await registerRequest(core, session.session.request, registration);
    }
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
