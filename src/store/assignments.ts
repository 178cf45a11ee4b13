// Questionnaire assignments: one per subject, role and person. The subject is a session (its
// evaluation: PK = contract|session, RK = role|person, as before), a survey round (PK =
// contract|survey|round, RK = side|person), a recovery plan (PK = contract|recovery|plan), a LEF day
// (contract|lefday|day) or a fact asked in chat (contract|kind|subject). Created insert-if-absent,
// so opening a subject twice changes nothing.

import { odata } from '@azure/data-tables';
import type { EvaluationRole } from '../domain/records.ts';
import type { QuestionSet } from '../questionnaires/types.ts';
import { StoreError } from './errors.ts';
import { type Entity, joinIds, key, keyParts, parseJson, type TableStore } from './tables.ts';

interface AssignmentBase {
  contract: string;
  person: string;
  supplier: string;
  opensAt: number;
  closesAt: number;
  status: 'open' | 'answered' | 'closed';
  answeredAt?: number;
  /** Where the questionnaire and its reminders were sent, to update them later. */
  messages?: { channel: string; ref: string }[];
  /** A digest of what those messages show since the last update, so that an unchanged state is not sent again. */
  shown?: string;
}

/** A session's evaluation (rows written before surveys existed carry no `kind`). */
export interface Assignment extends AssignmentBase {
  kind?: 'session';
  session: string;
  role: EvaluationRole;
  /** Where the session lives, so that an answer goes straight to it. */
  sessionPartition: string;
  /** Whether the relationship manager also registers the client request (KPI 1). */
  registration: boolean;
  /** The session's start, which decides its period. */
  sessionStart: string;
}

/** A survey round's questionnaire for one respondent, on their side. */
export interface SurveyAssignment extends AssignmentBase {
  kind: 'survey';
  round: string;
  role: 'client' | 'supplier';
  /** The round's first day, which decides its period for the scorecard. */
  opensOn: string;
  /** The period the round asks about (`2026-H2`; an extra round: its quarter). */
  period: string;
}

/**
 * A recovery plan's questionnaire: the supplier's contact writing it (`supplier`), or a contract
 * manager reviewing its n-th submission (`review-n`, one assignment per submission judged).
 */
export interface RecoveryAssignment extends AssignmentBase {
  kind: 'recovery';
  /** `<supplier>-<period>`: one plan per supplier and period. */
  plan: string;
  role: 'supplier' | `review-${number}`;
  period: string;
  /** The day the plan is due (21 days after the earliest finding). */
  due: string;
  /** The supplier's name when it was asked, for a notice that has no contract view at hand. */
  supplierName?: string;
}

/**
 * A LEF day's questionnaire: a facilitator's invitation (`invitee`: answered with an excuse), the LEF
 * team's attendance card (`attendance`), a supplier's contact adding contributions (`contribution`).
 * The attendance and contribution sets list the day's facilitators, so they travel with the assignment.
 */
export interface LefDayAssignment extends AssignmentBase {
  kind: 'lefday';
  day: string;
  date: string;
  role: 'invitee' | 'attendance' | 'contribution';
  set?: QuestionSet;
  /** The facilitators the set lists, in its order (input p0 / c0 is the first). */
  people?: string[];
}

/** The kinds of fact asked in chat whose assignments carry their subject as one id (see FactAssignment). */
export const FACT_KINDS = ['request', 'socialreturn', 'report', 'meeting', 'person', 'figures'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/**
 * A fact asked in chat: a client request's registration (`request`), a supplier's social return plan
 * or figures and their confirmation (`socialreturn`), a progress report's delivery and judgement
 * (`report`), a meeting's agenda points (`meeting`), a person's details (`person`). `subject` names
 * it within its kind; the question set travels with the assignment, and `facts` what the kind fixed
 * when it asked (a supplier's name, a period).
 */
export interface FactAssignment extends AssignmentBase {
  kind: FactKind;
  subject: string;
  role: string;
  set: QuestionSet;
  facts?: Record<string, string>;
}

export type AnyAssignment =
  | Assignment
  | SurveyAssignment
  | RecoveryAssignment
  | LefDayAssignment
  | FactAssignment;

export function isFact(a: AnyAssignment): a is FactAssignment {
  return (FACT_KINDS as readonly (string | undefined)[]).includes(a.kind);
}

export function isSurvey(a: AnyAssignment): a is SurveyAssignment {
  return a.kind === 'survey';
}

export function isRecovery(a: AnyAssignment): a is RecoveryAssignment {
  return a.kind === 'recovery';
}

export function isLefDay(a: AnyAssignment): a is LefDayAssignment {
  return a.kind === 'lefday';
}

/** Every assignment that is not a session's evaluation names its subject in its partition. */
type SubjectRef =
  | { kind: 'session'; session: string }
  | { kind: 'survey'; round: string }
  | { kind: 'recovery'; plan: string }
  | { kind: 'lefday'; day: string }
  | { kind: FactKind; subject: string };

/**
 * The id a card or modal carries: it names the assignment without the contract. Joined, not hashed
 * like a key, so that it can be read back whatever the length of the ids. A session's evaluation
 * keeps its three parts (cards sent before surveys existed still work); a survey's has four.
 */
export function assignmentId(
  a:
    | Pick<Assignment, 'session' | 'role' | 'person'>
    | Pick<SurveyAssignment, 'kind' | 'round' | 'role' | 'person'>
    | Pick<RecoveryAssignment, 'kind' | 'plan' | 'role' | 'person'>
    | Pick<LefDayAssignment, 'kind' | 'day' | 'role' | 'person'>
    | Pick<FactAssignment, 'kind' | 'subject' | 'role' | 'person'>,
): string {
  if ('subject' in a) return joinIds(a.kind, a.subject, a.role, a.person);
  if ('round' in a) return joinIds('survey', a.round, a.role, a.person);
  if ('plan' in a) return joinIds('recovery', a.plan, a.role, a.person);
  if ('day' in a) return joinIds('lefday', a.day, a.role, a.person);
  return joinIds(a.session, a.role, a.person);
}

export type AssignmentRef =
  | { kind: 'session'; session: string; role: string; person: string }
  | { kind: 'survey'; round: string; role: string; person: string }
  | { kind: 'recovery'; plan: string; role: string; person: string }
  | { kind: 'lefday'; day: string; role: string; person: string }
  | { kind: FactKind; subject: string; role: string; person: string };

export function parseAssignmentId(id: string): AssignmentRef | undefined {
  const parts = keyParts(id);
  if (parts.some((p) => p === '')) return undefined;
  if (parts.length === 3) {
    const [session, role, person] = parts as [string, string, string];
    return { kind: 'session', session, role, person };
  }
  if (parts.length === 4 && parts[0] === 'survey') {
    const [, round, role, person] = parts as [string, string, string, string];
    return { kind: 'survey', round, role, person };
  }
  if (parts.length === 4 && parts[0] === 'recovery') {
    const [, plan, role, person] = parts as [string, string, string, string];
    return { kind: 'recovery', plan, role, person };
  }
  const fact = FACT_KINDS.find((k) => k === parts[0]);
  if (parts.length === 4 && fact) {
    const [, subject, role, person] = parts as [string, string, string, string];
    return { kind: fact, subject, role, person };
  }
  if (parts.length === 4 && parts[0] === 'lefday') {
    const [, day, role, person] = parts as [string, string, string, string];
    return { kind: 'lefday', day, role, person };
  }
  return undefined;
}

export interface Stored<A extends AnyAssignment = Assignment> {
  assignment: A;
  etag: string;
}
export type StoredAssignment = Stored<Assignment>;

function partitionOf(contract: string, ref: SubjectRef) {
  if (ref.kind === 'survey') return key(contract, 'survey', ref.round);
  if (ref.kind === 'recovery') return key(contract, 'recovery', ref.plan);
  if (ref.kind === 'lefday') return key(contract, 'lefday', ref.day);
  if ('subject' in ref) return key(contract, ref.kind, ref.subject);
  return key(contract, ref.session);
}

/** How many assignments' facts a process remembers (a few rounds of a thousand respondents). */
const FACTS_KEPT = 20_000;

export class AssignmentStore {
  /**
   * What never changes once an assignment exists (its addressee, subject and window), per contract
   * and id, as this process created or read it: an answer is checked against these without a read.
   * Status and messages change; they are read where they matter, never taken from here.
   */
  private readonly known = new Map<string, AnyAssignment>();

  constructor(private readonly tables: TableStore) {}

  /** The facts of an assignment (status and messages may be stale): from memory, else one read. */
  async facts(contract: string, ref: AssignmentRef): Promise<AnyAssignment | undefined> {
    const kept = this.known.get(factsKey(contract, ref));
    if (kept) return kept;
    return (await this.find(contract, ref))?.assignment;
  }

  private remember(contract: string, ref: AssignmentRef, assignment: AnyAssignment): void {
    const at = factsKey(contract, ref);
    if (this.known.has(at)) return;
    if (this.known.size >= FACTS_KEPT) this.known.delete(this.known.keys().next().value as string);
    this.known.set(at, assignment);
  }

  /** Creates the assignment unless it exists; returns whether it was new. */
  async create(assignment: AnyAssignment): Promise<boolean> {
    try {
      await this.tables.create('assignments', entity(assignment));
      this.remember(assignment.contract, refOf(assignment), assignment);
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'exists') return false;
      throw error;
    }
  }

  /** A session evaluation's assignment. */
  async get(
    contract: string,
    session: string,
    role: string,
    person: string,
  ): Promise<StoredAssignment | undefined> {
    const found = await this.find(contract, { kind: 'session', session, role, person });
    return found && !isSurvey(found.assignment) ? (found as StoredAssignment) : undefined;
  }

  /** Any assignment by its reference. */
  async find(contract: string, ref: AssignmentRef): Promise<Stored<AnyAssignment> | undefined> {
    const row = await this.tables.get('assignments', partitionOf(contract, ref), key(ref.role, ref.person));
    if (!row) return undefined;
    const assignment = parseJson<AnyAssignment>(row);
    this.remember(contract, ref, assignment);
    return { assignment, etag: row.etag };
  }

  async forSession(contract: string, session: string): Promise<StoredAssignment[]> {
    const rows = await this.tables.list('assignments', key(contract, session));
    return rows
      .map((row: Entity) => ({ assignment: parseJson<AnyAssignment>(row), etag: row.etag }))
      .filter((s): s is StoredAssignment => !isSurvey(s.assignment));
  }

  async forRound(contract: string, round: string): Promise<Stored<SurveyAssignment>[]> {
    const rows = await this.tables.list('assignments', key(contract, 'survey', round));
    return rows
      .map((row: Entity) => ({ assignment: parseJson<AnyAssignment>(row), etag: row.etag }))
      .filter((s): s is Stored<SurveyAssignment> => isSurvey(s.assignment));
  }

  async forLefDay(contract: string, day: string): Promise<Stored<LefDayAssignment>[]> {
    const rows = await this.tables.list('assignments', key(contract, 'lefday', day));
    return rows
      .map((row: Entity) => ({ assignment: parseJson<AnyAssignment>(row), etag: row.etag }))
      .filter((s): s is Stored<LefDayAssignment> => isLefDay(s.assignment));
  }

  /** Every assignment about one fact (a request, a supplier's social return of a period, a person). */
  async forFact(contract: string, kind: FactKind, subject: string): Promise<Stored<FactAssignment>[]> {
    const rows = await this.tables.list('assignments', key(contract, kind, subject));
    return rows
      .map((row: Entity) => ({ assignment: parseJson<AnyAssignment>(row), etag: row.etag }))
      .filter((s): s is Stored<FactAssignment> => isFact(s.assignment) && s.assignment.kind === kind);
  }

  async forPlan(contract: string, plan: string): Promise<Stored<RecoveryAssignment>[]> {
    const rows = await this.tables.list('assignments', key(contract, 'recovery', plan));
    return rows
      .map((row: Entity) => ({ assignment: parseJson<AnyAssignment>(row), etag: row.etag }))
      .filter((s): s is Stored<RecoveryAssignment> => isRecovery(s.assignment));
  }

  /** The person's open assignments in the contract (a scan of the open ones: rare, on a first contact). */
  async openFor(contract: string, person: string): Promise<Stored<AnyAssignment>[]> {
    const prefix = `${key(contract)}|`;
    const rows = await this.tables.query(
      'assignments',
      odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${key(contract)}}`} and status eq 'open'`,
    );
    return rows
      .map((row: Entity) => ({ assignment: parseJson<AnyAssignment>(row), etag: row.etag }))
      .filter((stored) => stored.assignment.person === person);
  }

  /** Writes a changed assignment if nobody changed it since it was read; else `conflict`. */
  async replace(stored: Stored<AnyAssignment>, next: AnyAssignment): Promise<void> {
    await this.tables.replace('assignments', entity(next), stored.etag);
    // A close (by time or by a decision) is seen at once by this process's next answer.
    const at = factsKey(next.contract, refOf(next));
    if (this.known.has(at)) this.known.set(at, next);
  }
}

function refOf(a: AnyAssignment): AssignmentRef {
  if (isFact(a)) return { kind: a.kind, subject: a.subject, role: a.role, person: a.person };
  if (isSurvey(a)) return { kind: 'survey', round: a.round, role: a.role, person: a.person };
  if (isRecovery(a)) return { kind: 'recovery', plan: a.plan, role: a.role, person: a.person };
  if (isLefDay(a)) return { kind: 'lefday', day: a.day, role: a.role, person: a.person };
  return { kind: 'session', session: a.session, role: a.role, person: a.person };
}

function factsKey(contract: string, ref: AssignmentRef): string {
  if (ref.kind === 'survey') return joinIds(contract, 'survey', ref.round, ref.role, ref.person);
  if (ref.kind === 'recovery') return joinIds(contract, 'recovery', ref.plan, ref.role, ref.person);
  if (ref.kind === 'lefday') return joinIds(contract, 'lefday', ref.day, ref.role, ref.person);
  if ('subject' in ref) return joinIds(contract, ref.kind, ref.subject, ref.role, ref.person);
  return joinIds(contract, ref.session, ref.role, ref.person);
}

function subjectOf(a: AnyAssignment): SubjectRef {
  if (isFact(a)) return { kind: a.kind, subject: a.subject };
  if (isSurvey(a)) return { kind: 'survey', round: a.round };
  if (isRecovery(a)) return { kind: 'recovery', plan: a.plan };
  if (isLefDay(a)) return { kind: 'lefday', day: a.day };
  return { kind: 'session', session: a.session };
}

function entity(a: AnyAssignment) {
  return {
    partitionKey: partitionOf(a.contract, subjectOf(a)),
    rowKey: key(a.role, a.person),
    status: a.status,
    json: JSON.stringify(a),
  };
}
