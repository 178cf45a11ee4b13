// What a KPI framework is: data that names each indicator, its norm and which rule scores it.
// A contract's records name their framework; the scoring engine knows the rules, not the frameworks.
import { z } from 'zod';
import { QuestionSet, SurveySides } from '../../questionnaires/schema.ts';

const Text = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });

export const ANSWER_LEVELS = ['a', 'b', 'c', 'd'] as const;
export const AnswerLevel = z.enum(ANSWER_LEVELS);
export type AnswerLevel = z.infer<typeof AnswerLevel>;

/** What a reported figure is called in the records' measurements ("aanbod", "gebruikers"). */
const MeasureId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
const Aggregate = z.enum(['sum', 'latest', 'mean']);

/**
 * A figure as a share of another the client supplies (reach within the population: users per
 * activity over the activity's target group, the latest figure of the group at or before the
 * period), times `scale` (default 100: a percentage).
 */
const Per = z.strictObject({ measure: MeasureId, scale: z.number().positive().optional() });

/** What a figure counts in, as the reader reads it: `%` after the number, a word (`weken`) after a space. */
const Unit = z.strictObject({ nl: z.string().min(1).max(20), en: z.string().min(1).max(20) });

const Rule = z.discriminatedUnion('kind', [
  /** Share of registered client requests that got enough fitting facilitators. */
  z.strictObject({ kind: z.literal('request-delivery'), norm: z.number().min(0).max(1) }),
  /** Share of sessions whose assessors all answered yes, with an explanation. */
  z.strictObject({
    kind: z.literal('session-evaluation'),
    norm: z.number().min(0).max(1),
    answer: z.enum(['lefApplied', 'impact']),
    assessors: z.array(z.enum(['relationshipManager', 'internalClient', 'facilitator'])).min(1),
  }),
  /** Share of expected facilitators present (or excused beforehand) at each LEF day. */
  z.strictObject({ kind: z.literal('lef-day-attendance'), norm: z.number().min(0).max(1) }),
  /** The client side's median answer per question against a minimum that rises with the contract year. */
  z.strictObject({
    kind: z.literal('satisfaction-survey'),
    /** The framework's survey (under `surveys`) whose rounds this KPI scores. */
    survey: z.string().min(1),
    questions: z.array(z.string().min(1)).min(1),
    minimumByYear: z
      .array(z.strictObject({ fromYear: z.number().int().min(1), minimum: AnswerLevel }))
      .min(1),
  }),
  /** Progress reports per half-year, due a number of days after it ends, delivered on time and accepted. */
  z.strictObject({
    kind: z.literal('progress-report'),
    norm: z.number().min(0).max(1),
    dueDaysAfterHalfYear: z.number().int().min(0),
  }),
  /** A plan of approach within the contract's deadline, then a minimum share of revenue as social return. */
  z.strictObject({ kind: z.literal('social-return'), minimumShare: z.number().min(0).max(1) }),
  /**
   * A figure the supplier reports (the records' `measurements`), over the period: a count or amount
   * summed, the latest, or the mean; green within `min`/`max` when a threshold is set, else for
   * information only (no verdict).
   */
  z.strictObject({
    kind: z.literal('figure'),
    measure: MeasureId,
    per: Per.optional(),
    unit: Unit.optional(),
    aggregate: Aggregate,
    min: z.number().optional(),
    max: z.number().optional(),
    reportWithinDays: z.number().int().min(0).max(366).optional(),
  }),
  /** A figure against its baseline: the first `baselinePeriods` periods set it (no status meanwhile); never a verdict. */
  z.strictObject({
    kind: z.literal('trend'),
    measure: MeasureId,
    per: Per.optional(),
    unit: Unit.optional(),
    aggregate: Aggregate,
    baselinePeriods: z.number().int().min(1).max(8),
    better: z.enum(['higher', 'lower']),
    reportWithinDays: z.number().int().min(0).max(366).optional(),
  }),
  /** A description the supplier gives (the latest in the period): shown, never scored. */
  z.strictObject({
    kind: z.literal('descriptive'),
    measure: MeasureId,
    /** Days after the period within which its figures are expected: till then, none is pending (default 30). */
    reportWithinDays: z.number().int().min(0).max(366).optional(),
  }),
]);
export type Rule = z.infer<typeof Rule>;

const Kpi = z.strictObject({
  id: z.string().regex(/^[A-Z0-9-]+$/),
  name: Text,
  resultArea: Text,
  normText: Text,
  dataSuppliedBy: Text,
  frequency: Text,
  rule: Rule,
});
export type Kpi = z.infer<typeof Kpi>;

export const CONSEQUENCES = ['all-green', 'extra-effort', 'critical'] as const;
export type ConsequenceId = (typeof CONSEQUENCES)[number];

export const Framework = z
  .strictObject({
    id: z.string().min(1),
    name: Text,
    kpis: z.array(Kpi).min(1),
    /** Consequence by number of red KPIs: the entry with the highest `minRed` not above the count applies. */
    consequences: z
      .array(z.strictObject({ minRed: z.number().int().min(0), id: z.enum(CONSEQUENCES), text: Text }))
      .min(1),
    recoveryPlanDays: z.number().int().min(1),
    /** The framework's own surveys, each side's question set written out. */
    surveys: z.record(z.string().min(1), SurveySides).default({}),
    /**
     * The regular meeting the figures serve (LEF's tactical meeting, Voorschoten's "hoofdtafel"): its
     * name and the reflection questions its preparation puts to both parties.
     */
    meeting: z.strictObject({ name: Text, reflectionQuestions: z.array(Text).min(1).max(12) }).optional(),
    /** What a supplier with red KPIs is asked for its recovery plan, and the contract manager's review. */
    recoveryPlan: z.strictObject({ plan: QuestionSet, review: QuestionSet }).optional(),
  })
  .superRefine((framework, ctx) => {
    const ids = new Set<string>();
    for (const [index, kpi] of framework.kpis.entries()) {
      if (ids.has(kpi.id))
        ctx.addIssue({ code: 'custom', path: ['kpis', index, 'id'], message: 'duplicate KPI id' });
      ids.add(kpi.id);
    }
    for (const [index, kpi] of framework.kpis.entries()) {
      if (kpi.rule.kind !== 'satisfaction-survey') continue;
      const survey = framework.surveys[kpi.rule.survey];
      const path = ['kpis', index, 'rule'];
      if (!survey) {
        ctx.addIssue({ code: 'custom', path, message: `no survey "${kpi.rule.survey}" in surveys` });
        continue;
      }
      // Every scored question is a choice of the answer levels a–d, on both sides.
      for (const side of [survey.client, survey.supplier]) {
        for (const question of kpi.rule.questions) {
          const found = side.questions.find((q) => q.id === question);
          const levels =
            found?.kind === 'choice' && found.options.every((o) => AnswerLevel.safeParse(o.value).success);
          if (!levels)
            ctx.addIssue({ code: 'custom', path, message: `${side.id} has no choice of a–d "${question}"` });
        }
      }
    }
    // The recovery plan's flow reads these answers by id: a plan without them could not be reviewed.
    const plan = framework.recoveryPlan;
    if (plan) {
      const needs = [
        ['plan', plan.plan, ['causes', 'actions', 'normMetOn']],
        ['review', plan.review, ['decision', 'reason']],
      ] as const;
      for (const [side, set, ids] of needs)
        for (const needed of ids)
          if (!set.questions.some((q) => q.id === needed))
            ctx.addIssue({
              code: 'custom',
              path: ['recoveryPlan', side],
              message: `needs a question "${needed}"`,
            });
    }
    if (!framework.consequences.some((c) => c.minRed === 0)) {
      ctx.addIssue({ code: 'custom', path: ['consequences'], message: 'needs an entry for 0 red KPIs' });
    }
  });
export type Framework = z.infer<typeof Framework>;
