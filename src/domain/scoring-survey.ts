// KPI 5: the satisfaction survey, per round and per period, exactly as docs/scoring.md says. Per
// question each side's score is the lower median of its latest answers; the client side decides
// against the contract year's minimum; a gap of two levels or more between the sides is pointed out.
// Pure: the records and a moment in, the judgement out. The round's results card reads `judgeRound`.
import type { AnswerLevel, Rule } from './frameworks/schema.ts';
import { inPeriod, type Period } from './periods.ts';
import { type Records, type SurveyRound, sideOf } from './records.ts';
import { contractYear, type IsoDate, localDate, parseInstant } from './time.ts';
import { isRoundClosedOn } from './windows.ts';

export const LEVEL_NAMES = {
  a: 'slecht',
  b: 'voldoende',
  c: 'goed',
  d: 'zeer goed',
} as const satisfies Record<AnswerLevel, string>;
export type LevelName = (typeof LEVEL_NAMES)[AnswerLevel];

export type SurveyRule = Extract<Rule, { kind: 'satisfaction-survey' }>;

export interface SurveyRoundResult {
  id: string;
  judged: boolean;
  norm: LevelName;
  questions: Record<string, LevelName>;
  supplierSide: Record<string, LevelName>;
  /** Questions on which the two sides differ two or more levels. */
  gaps: string[];
}

/** A round's judgement with what its results card shows beside it. */
export interface RoundJudgement {
  result: SurveyRoundResult;
  closed: boolean;
  /** Whether a judged round falls short of the norm on any question. */
  short: boolean;
  /** How many answered, and how many were asked, per side. */
  answered: { client: number; supplier: number };
  asked: { client: number; supplier: number };
  /** The contract year's minimum, and each side's score per question as a level. */
  minimum: AnswerLevel;
  levels: { client: Record<string, AnswerLevel>; supplier: Record<string, AnswerLevel> };
  /** The latest answer of each respondent that counts (given before the close), by respondent. */
  latest: ReadonlyMap<string, SurveyRound['responses'][number]>;
}

const LEVEL_ORDER: readonly AnswerLevel[] = ['a', 'b', 'c', 'd'];

/** The median answer; with an even number of answers, the lower of the two middle ones. */
export function lowerMedian(answers: readonly AnswerLevel[]): AnswerLevel | undefined {
  if (answers.length === 0) return undefined;
  const sorted = [...answers].sort((x, y) => LEVEL_ORDER.indexOf(x) - LEVEL_ORDER.indexOf(y));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** One round as of a moment: the latest answer per respondent, given before it closed. */
export function judgeRound(
  records: Records,
  round: SurveyRound,
  rule: SurveyRule,
  asOf: number,
  zone: string,
): RoundJudgement {
  const people = new Map(records.people.map((person) => [person.id, person]));
  const asOfDate = localDate(asOf, zone);
  const closed = isRoundClosedOn(asOfDate, round.closesOn);
  const latest = new Map<string, SurveyRound['responses'][number] & { at: number }>();
  for (const response of round.responses) {
    const at = parseInstant(response.submittedAt);
    if (at > asOf || isRoundClosedOn(localDate(at, zone), round.closesOn)) continue;
    const previous = latest.get(response.respondent);
    if (!previous || at >= previous.at) latest.set(response.respondent, { ...response, at });
  }
  const sideOfId = (id: string) => {
    const person = people.get(id);
    return person ? sideOf(person) : undefined;
  };
  const clientRespondents = round.respondents.filter((id) => sideOfId(id) === 'client');
  const clientAnswers = [...latest.values()].filter((a) => a.side === 'client');
  const supplierAnswers = [...latest.values()].filter((a) => a.side === 'supplier');
  // Judged early only once every client-side respondent answered; a round without any is judged at
  // its close, on the answers it got (supplier-side answers never decide).
  const judged =
    closed ||
    (clientRespondents.length > 0 && clientRespondents.every((id) => latest.get(id)?.side === 'client'));
  const minimum = minimumFor(rule, contractYear(records.contract.startDate, round.opensOn));
  const questions: Record<string, LevelName> = {};
  const supplierSide: Record<string, LevelName> = {};
  const gaps: string[] = [];
  const levels = { client: {} as Record<string, AnswerLevel>, supplier: {} as Record<string, AnswerLevel> };
  let short = false;
  for (const question of rule.questions) {
    const client = lowerMedian(clientAnswers.flatMap((a) => pick(a.answers, question)));
    const supplier = lowerMedian(supplierAnswers.flatMap((a) => pick(a.answers, question)));
    if (client) levels.client[question] = client;
    if (supplier) levels.supplier[question] = supplier;
    if (client) {
      questions[question] = LEVEL_NAMES[client];
      if (LEVEL_ORDER.indexOf(client) < LEVEL_ORDER.indexOf(minimum)) short = true;
    }
    if (supplier) supplierSide[question] = LEVEL_NAMES[supplier];
    if (client && supplier && Math.abs(LEVEL_ORDER.indexOf(client) - LEVEL_ORDER.indexOf(supplier)) >= 2) {
      gaps.push(question);
    }
  }
  return {
    result: { id: round.id, judged, norm: LEVEL_NAMES[minimum], questions, supplierSide, gaps },
    closed,
    short: judged && short,
    answered: { client: clientAnswers.length, supplier: supplierAnswers.length },
    asked: {
      client: clientRespondents.length,
      supplier: round.respondents.filter((id) => sideOfId(id) === 'supplier').length,
    },
    minimum,
    levels,
    latest,
  };
}

export interface SurveyResult {
  id: string;
  status: 'green' | 'red' | 'pending' | 'nodata';
  norm?: LevelName;
  questions?: Record<string, LevelName>;
  supplierSide?: Record<string, LevelName>;
  gaps?: string[];
  rounds: SurveyRoundResult[];
}

/** KPI 5 of one supplier in one period: red when a judged round falls short, green when one is judged. */
export function scoreSurvey(
  records: Records,
  scope: { supplier: string; period: Period; asOf: number; asOfDate: IsoDate; zone: string },
  id: string,
  rule: SurveyRule,
): SurveyResult {
  const rounds: SurveyRoundResult[] = [];
  const shortRounds = new Set<SurveyRoundResult>();
  let anyRound = false;
  const roundsInPeriod = records.surveyRounds
    .filter(
      (r) =>
        r.supplier === scope.supplier && inPeriod(scope.period, r.opensOn) && r.opensOn <= scope.asOfDate,
    )
    .sort((a, b) => (a.opensOn < b.opensOn ? -1 : 1));
  for (const round of roundsInPeriod) {
    const judgement = judgeRound(records, round, rule, scope.asOf, scope.zone);
    if (judgement.closed && judgement.answered.client === 0) continue; // closed without a client answer
    anyRound = true;
    rounds.push(judgement.result);
    if (judgement.short) shortRounds.add(judgement.result);
  }
  const judgedRounds = rounds.filter((r) => r.judged);
  const status =
    shortRounds.size > 0 ? 'red' : judgedRounds.length > 0 ? 'green' : anyRound ? 'pending' : 'nodata';
  // Show the round that decides: the first that falls short, else the latest judged, else the latest.
  const shown = [...shortRounds][0] ?? judgedRounds.at(-1) ?? rounds.at(-1);
  if (!shown) return { id, status, rounds };
  return {
    id,
    status,
    norm: shown.norm,
    questions: shown.questions,
    supplierSide: shown.supplierSide,
    gaps: shown.gaps,
    rounds,
  };
}

function pick(answers: Record<string, AnswerLevel>, question: string): AnswerLevel[] {
  const answer = answers[question];
  return answer ? [answer] : [];
}

function minimumFor(rule: SurveyRule, year: number): AnswerLevel {
  const applicable = rule.minimumByYear
    .filter((m) => m.fromYear <= year)
    .sort((a, b) => b.fromYear - a.fromYear)[0];
  return applicable?.minimum ?? 'a';
}
