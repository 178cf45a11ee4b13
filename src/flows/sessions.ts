// Sessions from outside a records file (LEF's planning system through the API, the chat form):
// validated with the records schema and its reference checks, stored, and their evaluation scheduled.

import { checkReferences, type Records, type Session, SessionShape } from '../domain/records.ts';
import { describeRef, formatPath, parseRecords, type ValidationIssue } from '../domain/validate.ts';
import { UserError } from '../errors.ts';
import type { Lang } from '../i18n.ts';
import { sessionPartition, sessionRowKey } from '../store/activity.ts';
import { refRowKey } from '../store/contract-items.ts';
import { StoreError } from '../store/errors.ts';
import { refPartition } from '../store/records-store.ts';
import { parseJson } from '../store/tables.ts';
import type { Core } from './core.ts';
import { scheduleEvaluation } from './evaluations.ts';

/** How often a save that lost a race to another writer of the same session is tried again. */
const SAVE_ATTEMPTS = 4;

export type SaveSessionResult =
  | { ok: true; outcome: 'created' | 'updated' | 'unchanged'; session: Session }
  | { ok: false; issues: ValidationIssue[] };

export async function registerSession(core: Core, input: unknown): Promise<SaveSessionResult> {
  const parsed = SessionShape.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    // The same messages as for a records file, with paths relative to the session.
    const wrapped = parseRecords({ ...emptyRecords(), sessions: [input] });
    const issues = wrapped.ok ? [] : wrapped.issues.filter((i) => i.path.startsWith('sessions[0]'));
    return {
      ok: false,
      issues: issues.map((i) => ({ ...i, path: i.path.replace(/^sessions\[0\]\.?/, '') })),
    };
  }
  const session = parsed.data;
  const view = await core.contractView();
  const request = session.request
    ? await core.records.findRequest(core.contract, session.request)
    : undefined;
  const records: Records = {
    ...emptyRecords(),
    contract: view.contract,
    suppliers: view.suppliers,
    people: [...view.people.values()],
    clientRequests: request ? [request] : [],
    sessions: [session],
  };
  const problems = checkReferences(records).filter((i) => i.path[0] === 'sessions');
  if (problems.length > 0) {
    return {
      ok: false,
      issues: problems.map((i) => ({ path: formatPath(i.path.slice(2)), text: describeRef(i.problem) })),
    };
  }
  const outcome = await saveRetrying(core, session, view.settings.timeZone);
  if (outcome !== 'unchanged') {
    await scheduleEvaluation(core, session, sessionPartition(core.contract, session, view.settings.timeZone));
  }
  return { ok: true, outcome, session };
}

/**
 * Two writers of one session at once (a double click, a planning system that retries): the loser's
 * create finds the row there, or its conditional update finds it changed. Read again and compare:
 * usually the winner stored the very same session, and the loser's answer is "unchanged".
 */
async function saveRetrying(core: Core, session: Session, zone: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await core.records.saveSession(core.contract, session, zone);
    } catch (error) {
      const raced = error instanceof StoreError && (error.kind === 'exists' || error.kind === 'conflict');
      if (!raced) throw error;
      if (attempt >= SAVE_ATTEMPTS) throw new UserError('write-conflict');
    }
  }
}

/** The stored session with this id, found through its index row; undefined when there is none. */
export async function findSession(core: Core, id: string): Promise<Session | undefined> {
  const ref = await core.tables.get('records', refPartition(core.contract, id), refRowKey('session', id));
  if (!ref) return undefined;
  const { partition } = JSON.parse(ref.json) as { partition: string };
  const row = await core.tables.get('activity', partition, sessionRowKey(id));
  return row ? parseJson<{ session: Session }>(row).session : undefined;
}

function emptyRecords(): Records {
  return {
    contract: { id: 'x', framework: 'lef', startDate: '2026-01-01', assessment: 'half-year' },
    suppliers: [],
    people: [],
    clientRequests: [],
    sessions: [],
    evaluations: [],
    lefDays: [],
    surveyRounds: [],
    reports: [],
    socialReturn: [],
    findings: [],
  };
}

export function issueLines(issues: ValidationIssue[], lang: Lang): string[] {
  return issues.map((i) => `${i.path || '(root)'}: ${i.text[lang]}`);
}
