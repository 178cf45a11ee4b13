// Evaluation assignments: one per session, role and person (PK = contract|session, RK = role|person).
// Created insert-if-absent, so opening a session's evaluation twice changes nothing.

import { odata } from '@azure/data-tables';
import type { EvaluationRole } from '../domain/records.ts';
import { StoreError } from './errors.ts';
import { type Entity, joinIds, key, keyParts, parseJson, type TableStore } from './tables.ts';

export interface Assignment {
  contract: string;
  session: string;
  role: EvaluationRole;
  person: string;
  supplier: string;
  /** Where the session lives, so that an answer goes straight to it. */
  sessionPartition: string;
  /** Whether the relationship manager also registers the client request (KPI 1). */
  registration: boolean;
  /** The session's start, which decides its period. */
  sessionStart: string;
  opensAt: number;
  closesAt: number;
  status: 'open' | 'answered' | 'closed';
  answeredAt?: number;
  /** Where the questionnaire and its reminders were sent, to update them later. */
  messages?: { channel: string; ref: string }[];
}

/**
 * The id a card or modal carries: it names the assignment without the contract. Joined, not hashed
 * like a key, so that it can be read back whatever the length of the ids.
 */
export function assignmentId(a: Pick<Assignment, 'session' | 'role' | 'person'>): string {
  return joinIds(a.session, a.role, a.person);
}

export function parseAssignmentId(id: string): { session: string; role: string; person: string } | undefined {
  const parts = keyParts(id);
  if (parts.length !== 3 || parts.some((p) => p === '')) return undefined;
  const [session, role, person] = parts as [string, string, string];
  return { session, role, person };
}

export interface StoredAssignment {
  assignment: Assignment;
  etag: string;
}

export class AssignmentStore {
  constructor(private readonly tables: TableStore) {}

  /** Creates the assignment unless it exists; returns whether it was new. */
  async create(assignment: Assignment): Promise<boolean> {
    try {
      await this.tables.create('assignments', entity(assignment));
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'exists') return false;
      throw error;
    }
  }

  async get(
    contract: string,
    session: string,
    role: string,
    person: string,
  ): Promise<StoredAssignment | undefined> {
    const row = await this.tables.get('assignments', key(contract, session), key(role, person));
    return row ? { assignment: parseJson<Assignment>(row), etag: row.etag } : undefined;
  }

  async forSession(contract: string, session: string): Promise<StoredAssignment[]> {
    const rows = await this.tables.list('assignments', key(contract, session));
    return rows.map((row: Entity) => ({ assignment: parseJson<Assignment>(row), etag: row.etag }));
  }

  /** The person's open assignments in the contract (a scan of the open ones: rare, on a first contact). */
  async openFor(contract: string, person: string): Promise<StoredAssignment[]> {
    const prefix = `${key(contract)}|`;
    const rows = await this.tables.query(
      'assignments',
      odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${key(contract)}}`} and status eq 'open'`,
    );
    return rows
      .map((row: Entity) => ({ assignment: parseJson<Assignment>(row), etag: row.etag }))
      .filter((stored) => stored.assignment.person === person);
  }

  /** Writes a changed assignment if nobody changed it since it was read; else `conflict`. */
  async replace(stored: StoredAssignment, next: Assignment): Promise<void> {
    await this.tables.replace('assignments', entity(next), stored.etag);
  }
}

function entity(a: Assignment) {
  return {
    partitionKey: key(a.contract, a.session),
    rowKey: key(a.role, a.person),
    status: a.status,
    json: JSON.stringify(a),
  };
}
