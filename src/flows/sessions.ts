// Sessions from outside a records file (LEF's planning system through the API, later a chat card):
// validated with the records schema and its reference checks, stored, and their evaluation scheduled.

import { checkReferences, type Records, type Session, SessionShape } from '../domain/records.ts';
import { describeRef, formatPath, parseRecords, type ValidationIssue } from '../domain/validate.ts';
import type { Lang } from '../i18n.ts';
import { sessionPartition } from '../store/activity.ts';
import type { Core } from './core.ts';
import { scheduleEvaluation } from './evaluations.ts';

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
  const outcome = await core.records.saveSession(core.contract, session, view.settings.timeZone);
  if (outcome !== 'unchanged') {
    await scheduleEvaluation(core, session, sessionPartition(core.contract, session, view.settings.timeZone));
  }
  return { ok: true, outcome, session };
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
