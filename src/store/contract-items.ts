// The small records of a contract, all in one partition (PK = contract id), so that one query loads
// them: the contract itself, suppliers, people, LEF days (attendance inline), meetings, survey rounds (responses
// inline, every version kept), reports, social return, findings, and the index rows that say in which
// activity partition a session or client request lives.
import type {
  Activity,
  Contract,
  Finding,
  LefDay,
  Measurement,
  Meeting,
  Person,
  Records,
  Report,
  SocialReturn,
  SurveyRound,
} from '../domain/records.ts';
import { key } from './tables.ts';

type Supplier = Records['suppliers'][number];

/** Each kind of contract-level record with its row key. */
export const ITEM_KINDS = {
  contract: { rowKey: (_: Contract) => 'contract' },
  supplier: { rowKey: (s: Supplier) => key('supplier', s.id) },
  person: { rowKey: (p: Person) => key('person', p.id) },
  lefDay: { rowKey: (d: LefDay) => key('lefday', d.id) },
  meeting: { rowKey: (m: Meeting) => key('meeting', m.id) },
  measurement: {
    rowKey: (m: Measurement) => key('measure', m.supplier, m.measure, m.period, m.activity ?? '-'),
  },
  activity: { rowKey: (a: Activity) => key('activity', a.supplier, a.id) },
  surveyRound: { rowKey: (r: SurveyRound) => key('round', r.id) },
  report: { rowKey: (r: Report) => key('report', r.supplier, r.covers) },
  socialReturn: { rowKey: (s: SocialReturn) => key('socialreturn', s.supplier) },
  finding: { rowKey: (f: Finding) => key('finding', f.supplier, f.period, f.kpi) },
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;

/** The row-key prefix of each kind (what comes before the first |). */
export const ROW_PREFIX: Record<ItemKind, string> = {
  contract: 'contract',
  supplier: 'supplier',
  person: 'person',
  lefDay: 'lefday',
  meeting: 'meeting',
  measurement: 'measure',
  activity: 'activity',
  surveyRound: 'round',
  report: 'report',
  socialReturn: 'socialreturn',
  finding: 'finding',
};

export function refRowKey(kind: 'session' | 'request', id: string): string {
  return key('ref', kind, id);
}

/** Merges two versions of a survey round: the newer definition, and every response version of both. */
export function mergeRound(existing: SurveyRound, incoming: SurveyRound): SurveyRound {
  return {
    ...incoming,
    responses: unionByContent(existing.responses, incoming.responses, (r) => r.submittedAt),
  };
}

/** Merges two versions of a LEF day: an incoming registration replaces the one for the same person. */
export function mergeLefDay(existing: LefDay, incoming: LefDay): LefDay {
  const byPerson = new Map(existing.attendance.map((a) => [a.person, a]));
  for (const entry of incoming.attendance) byPerson.set(entry.person, entry);
  return { ...incoming, attendance: [...byPerson.values()] };
}

/** Every distinct item of both lists (distinct by content), oldest first: history is never dropped. */
export function unionByContent<T>(a: readonly T[], b: readonly T[], at: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of [...a, ...b]) seen.set(JSON.stringify(item), item);
  return [...seen.values()].sort((x, y) => Date.parse(at(x)) - Date.parse(at(y)));
}
