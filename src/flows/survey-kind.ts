// The survey round as a subject of the questionnaire engine: the framework's question set of the
// respondent's side, an answer kept as a `surveyRounds` response (every version its own entity),
// and after a change the scorecard recomputed and, once the round is judged, the results sent.
import type { SurveyMessage } from '../channels/survey-views.ts';
import { findFramework } from '../domain/frameworks/index.ts';
import type { AnswerLevel } from '../domain/frameworks/schema.ts';
import type { SurveyResponse } from '../domain/records.ts';
import { addDays, dayStart, formatInstant, localDate } from '../domain/time.ts';
import { UserError } from '../errors.ts';
import { type Answers, parseAnswers } from '../questionnaires/answers.ts';
import type { QuestionSet } from '../questionnaires/types.ts';
import type { SurveyAssignment } from '../store/assignments.ts';
import { assignmentId } from '../store/assignments.ts';
import { ResponseStore } from '../store/survey-responses.ts';
import { formatPeriod } from '../texts/format.ts';
import { type ContractView, type Core, supplierName } from './core.ts';
import type { SubjectKind } from './questionnaire/kind.ts';
import { enqueueRecompute } from './scorecard.ts';
import { enqueueResultsIfJudged } from './survey-results.ts';

/** The survey of the contract's framework that KPI 5 scores, with the rule's questions. */
export function contractSurvey(view: ContractView) {
  const framework = findFramework(view.contract.framework);
  const rule = framework?.kpis.find((k) => k.rule.kind === 'satisfaction-survey')?.rule;
  if (!framework || rule?.kind !== 'satisfaction-survey') return undefined;
  const sides = framework.surveys[rule.survey];
  return sides ? { sides, rule } : undefined;
}

export function surveySetFor(view: ContractView, side: 'client' | 'supplier'): QuestionSet {
  const survey = contractSurvey(view);
  if (!survey) throw new UserError('no-survey-schedule');
  return survey.sides[side];
}

/** The answers split into the scored levels and the remarks (only the ones filled in). */
function toResponse(set: QuestionSet, answers: Answers): Pick<SurveyResponse, 'answers' | 'remarks'> {
  const levels: Record<string, AnswerLevel> = {};
  const remarks: Record<string, string> = {};
  for (const question of set.questions) {
    if (question.kind !== 'choice') continue;
    const value = answers[question.id];
    if (typeof value === 'string') levels[question.id] = value as AnswerLevel;
    const remark = question.remark ? answers[question.remark.id] : undefined;
    if (typeof remark === 'string' && remark.trim() !== '') remarks[question.id] = remark.trim();
  }
  return Object.keys(remarks).length > 0 ? { answers: levels, remarks } : { answers: levels };
}

/** A kept response in the questionnaire's own field names (remarks under their input ids). */
function toAnswers(set: QuestionSet, response: SurveyResponse): Answers {
  const answers: Answers = {};
  for (const question of set.questions) {
    if (question.kind !== 'choice') continue;
    const level = response.answers[question.id];
    if (level) answers[question.id] = level;
    const remark = response.remarks?.[question.id];
    if (question.remark && remark) answers[question.remark.id] = remark;
  }
  return answers;
}

async function latestAnswers(core: Core, assignment: SurveyAssignment, set: QuestionSet) {
  const versions = await new ResponseStore(core.tables, core.contract).of(
    assignment.round,
    assignment.person,
  );
  const last = versions.at(-1);
  return last ? toAnswers(set, last) : undefined;
}

export const surveyKind: SubjectKind<SurveyAssignment> = {
  async message(core, assignment, options = {}) {
    const view = options.view ?? (await core.contractView());
    const set = surveySetFor(view, assignment.role);
    const message: SurveyMessage = {
      kind: 'survey',
      assignmentId: assignmentId(assignment),
      side: assignment.role,
      set,
      supplierName: supplierName(view, assignment.supplier),
      period: assignment.period,
      opensOn: assignment.opensOn,
      // The round's last day, from the window (which closes at the start of the day after it).
      closesOn: addDays(localDate(assignment.closesAt, view.settings.timeZone), -1),
      timeZone: view.settings.timeZone,
      state: options.state ?? assignment.status,
      answers: options.answers ?? (await latestAnswers(core, assignment, set)),
      ...(options.reminder ? { reminder: options.reminder } : {}),
    };
    return message;
  },

  parse(assignment, raw, view) {
    const parsed = parseAnswers(surveySetFor(view, assignment.role), raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    return parsed.answers;
  },

  async keep(core, assignment, { answers, receivedAt }, view) {
    const response: SurveyResponse = {
      respondent: assignment.person,
      side: assignment.role,
      submittedAt: formatInstant(receivedAt, view.settings.timeZone),
      ...toResponse(surveySetFor(view, assignment.role), answers),
    };
    await new ResponseStore(core.tables, core.contract).add(assignment.round, response, receivedAt);
  },

  async hasAnswer(core, assignment) {
    const store = new ResponseStore(core.tables, core.contract);
    return (await store.of(assignment.round, assignment.person)).length > 0;
  },

  async afterChange(core, assignment, view) {
    await enqueueRecompute(
      core,
      assignment.supplier,
      roundInstant(assignment.opensOn, view.settings.timeZone),
      view,
    );
    await enqueueResultsIfJudged(core, assignment.round);
  },

  errors: { closed: 'survey-closed', notOpen: 'survey-not-open' },

  describe(assignment) {
    return {
      nl: `de tevredenheidsenquête over ${formatPeriod('nl', assignment.period)}`,
      en: `the satisfaction survey about ${formatPeriod('en', assignment.period)}`,
    };
  },
};

/** An instant on a round's first day, which places it in its period for the scorecard. */
export function roundInstant(opensOn: string, zone: string): string {
  return formatInstant(dayStart(opensOn, zone), zone);
}
