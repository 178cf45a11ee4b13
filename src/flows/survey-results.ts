// A survey round's results, once it is judged (closed, or every client-side respondent answered):
// both sides get a results card per question with each side's score (the lower median), a gap of
// two levels or more pointed out, how many answered on each side and whether KPI 5 meets the norm
// of that contract year. Individual answers go only to the contract managers (and each person has
// their own in their questionnaire). Sent once per round: the scheduler's claim store keeps that.
import type { BotMessage } from '../channels/channel.ts';
import type { SurveyResultsMessage } from '../channels/survey-views.ts';
import { inPeriod, periodContaining } from '../domain/periods.ts';
import type { Records } from '../domain/records.ts';
import { judgeRound } from '../domain/scoring-survey.ts';
import type { Text } from '../questionnaires/types.ts';
import { ClaimStore } from '../scheduler/claims.ts';
import { type Core, supplierName } from './core.ts';
import { contractSurvey } from './survey-kind.ts';

export const SURVEY_RESULT_JOBS = { results: 'survey-results' } as const;

async function roundRecords(core: Core, roundId: string) {
  const rounds = await core.records.rounds(core.contract);
  const round = rounds.find((r) => r.id === roundId);
  if (!round) return undefined;
  const view = await core.contractView();
  const period = periodContaining(round.opensOn, view.contract.assessment);
  const records = await core.records.loadForScoring(core.contract, period, round.supplier);
  const withResponses = records.surveyRounds.find((r) => r.id === roundId && inPeriod(period, r.opensOn));
  return withResponses ? { records, round: withResponses, view } : undefined;
}

/** Once the round is judged, its results are queued once (a claim per round). */
export async function enqueueResultsIfJudged(core: Core, roundId: string): Promise<boolean> {
  const loaded = await roundRecords(core, roundId);
  const survey = loaded && contractSurvey(loaded.view);
  if (!loaded || !survey) return false;
  const judgement = judgeRound(
    loaded.records,
    loaded.round,
    survey.rule,
    core.clock.now(),
    loaded.view.settings.timeZone,
  );
  if (!judgement.result.judged || judgement.answered.client === 0) return false;
  const now = core.clock.now();
  const claims = new ClaimStore(core.tables, core.contract);
  if (!(await claims.claim(SURVEY_RESULT_JOBS.results, roundId, now, 'flow'))) return false;
  await core.outbox.enqueue([
    {
      id: `${SURVEY_RESULT_JOBS.results}|${roundId}`,
      kind: SURVEY_RESULT_JOBS.results,
      payload: { round: roundId },
      dueAt: now,
    },
  ]);
  const claimed = await claims.get(SURVEY_RESULT_JOBS.results, roundId);
  if (claimed) await claims.markQueued(claimed);
  return true;
}

/** The results of a round as its card shows them (with every answer when `individual`). */
export function resultsMessage(
  records: Records,
  round: Records['surveyRounds'][number],
  rule: NonNullable<ReturnType<typeof contractSurvey>>['rule'],
  set: NonNullable<ReturnType<typeof contractSurvey>>['sides']['client'],
  asOf: number,
  zone: string,
  options: { individual: boolean; supplierName: string; period: string },
): SurveyResultsMessage {
  const judgement = judgeRound(records, round, rule, asOf, zone);
  const questions = rule.questions.map((id) => {
    const question = set.questions.find((q) => q.id === id);
    const client = judgement.levels.client[id];
    const supplier = judgement.levels.supplier[id];
    return {
      id,
      label: question ? shortLabel(question.label) : { nl: id, en: id },
      ...(client ? { client } : {}),
      ...(supplier ? { supplier } : {}),
      gap: judgement.result.gaps.includes(id),
    };
  });
  const people = new Map(records.people.map((p) => [p.id, p]));
  return {
    kind: 'survey-results',
    roundId: round.id,
    supplierName: options.supplierName,
    period: options.period,
    closesOn: round.closesOn,
    timeZone: zone,
    closed: judgement.closed,
    questions,
    answered: judgement.answered,
    asked: judgement.asked,
    norm: judgement.minimum,
    meetsNorm: !judgement.short,
    ...(options.individual
      ? {
          individual: [...judgement.latest.values()].map((r) => ({
            name: people.get(r.respondent)?.name ?? r.respondent,
            side: r.side,
            answers: r.answers,
            remarks: r.remarks ?? {},
          })),
        }
      : {}),
  };
}

/** The outbox job: the results card to every respondent of both sides and to the contract managers. */
export async function sendResults(core: Core, payload: { round: string }, itemId: string): Promise<void> {
  const loaded = await roundRecords(core, payload.round);
  const survey = loaded && contractSurvey(loaded.view);
  if (!loaded || !survey) return;
  const { records, round, view } = loaded;
  const managers = [...view.people.values()]
    .filter((p) => p.roles.includes('contractManager'))
    .map((p) => p.id);
  const recipients = [...new Set([...round.respondents, ...managers])];
  const period =
    (await core.assignments.forRound(core.contract, round.id))[0]?.assignment.period ?? round.opensOn;
  const supplierLabel = supplierName(view, round.supplier);
  for (const person of recipients) {
    const message: BotMessage = resultsMessage(
      records,
      round,
      survey.rule,
      survey.sides.client,
      core.clock.now(),
      view.settings.timeZone,
      {
        individual: managers.includes(person),
        supplierName: supplierLabel,
        period,
      },
    );
    await core.sendTo(person, message, `${itemId}|${person}`);
  }
}

/** "a. Samenwerking — Hoe heeft …?" → "a. Samenwerking": the topic, the same on both sides. */
function shortLabel(label: Text): Text {
  return { nl: label.nl.split(' — ')[0] ?? label.nl, en: label.en.split(' — ')[0] ?? label.en };
}
