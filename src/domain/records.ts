// The records file of docs/records.md: one zod schema for its shape, then a check that every reference
// points at an existing id and makes sense. Parsed values keep optional fields absent, so an export
// writes back exactly what was imported; defaults are applied where they are used (`contractSettings`).
import { z } from 'zod';
import { LANGS } from '../i18n.ts';
import { findFramework } from './frameworks/index.ts';
import { AnswerLevel } from './frameworks/schema.ts';
import { isHalfYear } from './periods.ts';
import { RecoveryPlanShape } from './recovery.ts';
import { type ScheduleProblem, SurveySchedule, scheduleProblems } from './survey-schedule.ts';
import { addMonths, DEFAULT_TIME_ZONE, type IsoDate, isValidTimeZone, parseInstant } from './time.ts';

/**
 * Size limits, so that whatever validates can also be stored: ids of any characters (long ones are
 * hashed in the store's keys), free texts the length the questionnaires allow, and each record that
 * becomes one entity (a session, a LEF day with its attendance, a survey round with its responses)
 * small enough for one property of Azure Tables (Azurite caps a string at 32K characters).
 */
export const LIMITS = {
  id: 200,
  name: 200,
  email: 254,
  /** Explanations, motivations, contributions, reasons: the same as a questionnaire's text input. */
  text: 2000,
  /** One stored record as JSON, in characters. */
  recordJson: 28_000,
} as const;

const Id = z.string().min(1).max(LIMITS.id);
const Name = z.string().min(1).max(LIMITS.name);
const FreeText = z.string().max(LIMITS.text);
const Day = z.iso.date();
const DateTime = z.iso.datetime({ offset: true });

export const ROLES = [
  'facilitator',
  'relationshipManager',
  'internalClient',
  'contractManager',
  'manager',
  'lefTeam',
  'supplierContact',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Roles on the supplier's side; every other role is the client's. */
export const SUPPLIER_ROLES: readonly Role[] = ['facilitator', 'supplierContact'];

const Contract = z.strictObject({
  id: Id,
  framework: Id,
  startDate: Day,
  assessment: z.enum(['half-year', 'quarter']),
  evaluationWindowDays: z.number().int().min(1).max(365).optional(),
  socialReturnPlanMonths: z.number().int().min(1).max(60).optional(),
  /** Days after a session's end on which those who have not answered are reminded (default 3 and 7). */
  reminderDays: z.array(z.number().int().min(1).max(365)).max(10).optional(),
  timeZone: z.string().max(64).optional(),
  /** The periodic satisfaction survey of KPI 5 (see docs/records.md); without it, nothing is scheduled. */
  survey: SurveySchedule.optional(),
  /** Working days before a meeting that its preparation goes out (default 5). */
  meetingPreparationDays: z.number().int().min(1).max(30).optional(),
});

const Supplier = z.strictObject({ id: Id, name: Name });

const Person = z.strictObject({
  id: Id,
  name: Name,
  email: z.email().max(LIMITS.email).optional(),
  /** The person's Microsoft Entra object id, when the e-mail address does not identify them in Teams. */
  entraObjectId: z.guid().optional(),
  /** The person's Slack user id, when their e-mail address does not find them in Slack. */
  slackId: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,}$/, 'a Slack user id such as U012AB3CD')
    .optional(),
  roles: z.array(Role).min(1),
  supplier: Id.optional(),
  onboardedOn: Day.optional(),
  /** The person's own choice of language; without it, the locale of their latest message counts. */
  language: z.enum(LANGS).optional(),
});

const Registration = z.strictObject({
  by: Id,
  at: DateTime,
  suitableProposed: z.number().int().min(0),
  returned: z.boolean(),
  motivation: FreeText,
});

const ClientRequest = z.strictObject({
  id: Id,
  supplier: Id,
  date: Day,
  requestedFacilitators: z.union([z.literal(2), z.literal(3)]).optional(),
  /** What the session is for, as the relationship manager described it. */
  purpose: FreeText.optional(),
  /** The relationship manager who registered the request (in chat: the one asked for its registration). */
  relationshipManager: Id.optional(),
  /** "Herselectie" (the plan writes "her selectie"): the request handed back by another supplier that this one was passed on from. */
  reselectionOf: Id.optional(),
  registration: Registration.optional(),
});

export const SessionShape = z.strictObject({
  id: Id,
  supplier: Id,
  request: Id.optional(),
  start: DateTime,
  end: DateTime,
  facilitators: z.array(Id).min(1),
  relationshipManager: Id,
  internalClient: Id,
});

export const EVALUATION_ROLES = ['relationshipManager', 'internalClient', 'facilitator'] as const;
export type EvaluationRole = (typeof EVALUATION_ROLES)[number];
const evaluationBase = { session: Id, respondent: Id, submittedAt: DateTime };
const Evaluation = z.discriminatedUnion('role', [
  z.strictObject({
    ...evaluationBase,
    role: z.literal('relationshipManager'),
    lefApplied: z.boolean(),
    lefExplanation: FreeText.optional(),
  }),
  z.strictObject({
    ...evaluationBase,
    role: z.literal('internalClient'),
    impact: z.boolean(),
    impactExplanation: FreeText.optional(),
  }),
  z.strictObject({
    ...evaluationBase,
    role: z.literal('facilitator'),
    lefApplied: z.boolean(),
    lefExplanation: FreeText.optional(),
    impact: z.boolean(),
    impactExplanation: FreeText.optional(),
  }),
]);

const Attendance = z.strictObject({
  person: Id,
  status: z.enum(['present', 'absent', 'excused']),
  contribution: FreeText.optional(),
  registeredAt: DateTime.optional(),
  reason: FreeText.optional(),
});

const LefDay = z.strictObject({ id: Id, date: Day, attendance: z.array(Attendance) });

const SurveyResponse = z.strictObject({
  respondent: Id,
  side: z.enum(['client', 'supplier']),
  submittedAt: DateTime,
  answers: z.record(z.string().max(LIMITS.id), AnswerLevel),
  /** Optional remarks per question (an addition: the chat asks for one beside each answer). */
  remarks: z.record(z.string().max(LIMITS.id), FreeText).optional(),
});

const SurveyRound = z.strictObject({
  id: Id,
  supplier: Id,
  opensOn: Day,
  closesOn: Day,
  respondents: z.array(Id).min(1),
  responses: z.array(SurveyResponse),
});

const Report = z.strictObject({
  supplier: Id,
  covers: z.string().max(20),
  dueOn: Day.optional(),
  deliveredOn: Day.optional(),
  accepted: z.boolean().optional(),
  /** The supplier's explanation per KPI, as delivered in chat (KPI id → text). */
  explanations: z.record(z.string().max(20), FreeText).optional(),
  /** Why the contract manager rejected it, when they did. */
  reason: FreeText.optional(),
});

/**
 * A figure or description a supplier reports for one of its framework's measures (a rule of kind
 * `figure`, `trend` or `descriptive`), per period and, where the framework counts per activity (an
 * offer, an intervention), per activity.
 */
const Measurement = z
  .strictObject({
    supplier: Id,
    measure: z.string().regex(/^[a-z][a-z0-9-]*$/),
    period: z.string().max(20),
    activity: Id.optional(),
    value: z.number().optional(),
    text: FreeText.optional(),
    /** Where the figure comes from ("registratie", "CBS"). */
    source: Name.optional(),
    note: FreeText.optional(),
  })
  .refine((m) => m.value !== undefined || m.text !== undefined, { message: 'a value or a text' });

/**
 * An activity of a supplier (an intervention or offer, such as debt-help buddies) that its reported
 * figures are about, with the client's social goals it serves (Voorschoten: at least one each).
 */
const Activity = z.strictObject({
  id: Id,
  supplier: Id,
  name: Name,
  goals: z.array(Name).max(10).optional(),
});

/** A regular meeting of the client and one supplier (LEF's tactical meeting), prepared in chat. */
const Meeting = z.strictObject({
  id: Id,
  supplier: Id,
  date: Day,
  /** Its starting time, as the invitation says it ("14:00"). */
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 14:00')
    .optional(),
});

const SocialReturn = z.strictObject({
  supplier: Id,
  planSubmittedOn: Day.optional(),
  /** The plan of approach itself, as submitted in chat: its own date and where it is. */
  planDate: Day.optional(),
  planLink: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  figures: z.array(z.strictObject({ upTo: Day, revenue: z.number().min(0), sroiValue: z.number().min(0) })),
});

const Finding = z.strictObject({
  supplier: Id,
  period: z.string().max(20),
  kpi: Id,
  foundAt: DateTime,
  /** When the KPI was green again (the finding closed); absent while it is open. */
  resolvedAt: DateTime.optional(),
  /** When a closed finding turned red again (it is open once more; `foundAt` stays). */
  reopenedAt: DateTime.optional(),
  /** The supplier's view on the finding (its right of reply), by one of its contacts. */
  reply: z.strictObject({ by: Id, at: DateTime, text: z.string().min(1).max(LIMITS.text) }).optional(),
});

export const RecordsShape = z.strictObject({
  contract: Contract,
  suppliers: z.array(Supplier),
  people: z.array(Person),
  clientRequests: z.array(ClientRequest),
  sessions: z.array(SessionShape),
  evaluations: z.array(Evaluation),
  lefDays: z.array(LefDay),
  surveyRounds: z.array(SurveyRound),
  reports: z.array(Report),
  socialReturn: z.array(SocialReturn),
  findings: z.array(Finding),
  /** Recovery plans asked in chat, with every version (optional: files before them have none). */
  recoveryPlans: z.array(RecoveryPlanShape).optional(),
  /** The regular meetings with a supplier, prepared in chat (optional: files before them have none). */
  meetings: z.array(Meeting).optional(),
  /** Figures and descriptions a supplier reports, for the frameworks that score them (optional). */
  measurements: z.array(Measurement).optional(),
  /** The activities those figures are about, with their names and goals (optional). */
  activities: z.array(Activity).optional(),
});

export type Records = z.infer<typeof RecordsShape>;
export type Contract = Records['contract'];
export type Person = Records['people'][number];
export type Session = Records['sessions'][number];
export type Evaluation = Records['evaluations'][number];
export type ClientRequest = Records['clientRequests'][number];
export type LefDay = Records['lefDays'][number];
export type Meeting = NonNullable<Records['meetings']>[number];
export type Measurement = NonNullable<Records['measurements']>[number];
export type Activity = NonNullable<Records['activities']>[number];
export type SurveyRound = Records['surveyRounds'][number];
export type SurveyResponse = SurveyRound['responses'][number];
export type Report = Records['reports'][number];
export type SocialReturn = Records['socialReturn'][number];
export type Finding = Records['findings'][number];

/** The message keys of reference problems; rendered in the reader's language by `formatIssues`. */
export type RefProblem =
  | { key: 'duplicateId'; id: string }
  | { key: 'unknownRef'; kind: 'supplier' | 'person' | 'session' | 'request'; id: string }
  | { key: 'missingRole'; id: string; role: Role }
  | { key: 'wrongSupplier'; id: string; supplier: string }
  | { key: 'supplierRequired' }
  | { key: 'notRespondentFor'; id: string; role: Role; session: string }
  | { key: 'notRoundRespondent'; id: string }
  | { key: 'wrongSide'; id: string; side: string }
  | { key: 'endBeforeStart' }
  | { key: 'closesBeforeOpens' }
  | { key: 'unknownFramework'; id: string }
  | { key: 'unknownTimeZone'; id: string }
  | { key: 'notHalfYear'; value: string }
  | { key: 'notPeriod'; value: string }
  | { key: 'unknownKpi'; id: string }
  | { key: 'unknownQuestion'; id: string }
  | { key: 'missingAnswer'; question: string }
  | { key: 'duplicateEntry'; what: string }
  | { key: 'tooLarge'; size: number; max: number }
  | { key: 'clientSideOnly'; id: string }
  | { key: 'notHandedBack'; id: string }
  | ScheduleProblem;

type Path = (string | number)[];
export interface RefIssue {
  path: Path;
  problem: RefProblem;
}

/** Checks references and cross-field rules of a structurally valid records document. */
export function checkReferences(records: Records): RefIssue[] {
  const issues: RefIssue[] = [];
  const add = (path: Path, problem: RefProblem) => issues.push({ path, problem });
  checkRecordSizes(records, add);

  const framework = findFramework(records.contract.framework);
  if (!framework) add(['contract', 'framework'], { key: 'unknownFramework', id: records.contract.framework });
  if (records.contract.timeZone !== undefined && !isValidTimeZone(records.contract.timeZone)) {
    add(['contract', 'timeZone'], { key: 'unknownTimeZone', id: records.contract.timeZone });
  }

  const index = <T extends { id: string }>(items: T[], collection: string): Map<string, T> => {
    const map = new Map<string, T>();
    items.forEach((item, i) => {
      if (map.has(item.id)) add([collection, i, 'id'], { key: 'duplicateId', id: item.id });
      else map.set(item.id, item);
    });
    return map;
  };
  const suppliers = index(records.suppliers, 'suppliers');
  const people = index(records.people, 'people');
  const requests = index(records.clientRequests, 'clientRequests');
  const sessions = index(records.sessions, 'sessions');
  index(records.lefDays, 'lefDays');
  index(records.meetings ?? [], 'meetings');
  index(records.surveyRounds, 'surveyRounds');

  const supplierRef = (path: Path, id: string) => {
    if (!suppliers.has(id)) add(path, { key: 'unknownRef', kind: 'supplier', id });
  };
  /** A reference to a person who must hold a role, and for supplier roles, work for the given supplier. */
  const personRef = (path: Path, id: string, role?: Role, supplier?: string): Person | undefined => {
    const person = people.get(id);
    if (!person) {
      add(path, { key: 'unknownRef', kind: 'person', id });
      return undefined;
    }
    if (role && !person.roles.includes(role)) add(path, { key: 'missingRole', id, role });
    else if (supplier !== undefined && person.supplier !== supplier)
      add(path, { key: 'wrongSupplier', id, supplier });
    return person;
  };

  records.people.forEach((person, i) => {
    const needsSupplier = person.roles.some((role) => SUPPLIER_ROLES.includes(role));
    if (person.supplier !== undefined) supplierRef(['people', i, 'supplier'], person.supplier);
    else if (needsSupplier) add(['people', i, 'supplier'], { key: 'supplierRequired' });
  });

  records.clientRequests.forEach((request, i) => {
    supplierRef(['clientRequests', i, 'supplier'], request.supplier);
    if (request.registration) {
      personRef(['clientRequests', i, 'registration', 'by'], request.registration.by, 'relationshipManager');
    }
    if (request.relationshipManager !== undefined)
      personRef(
        ['clientRequests', i, 'relationshipManager'],
        request.relationshipManager,
        'relationshipManager',
      );
    if (request.reselectionOf !== undefined) {
      const first = requests.get(request.reselectionOf);
      const path = ['clientRequests', i, 'reselectionOf'];
      if (!first) add(path, { key: 'unknownRef', kind: 'request', id: request.reselectionOf });
      else if (!first.registration?.returned) add(path, { key: 'notHandedBack', id: request.reselectionOf });
    }
  });

  records.sessions.forEach((session, i) => {
    supplierRef(['sessions', i, 'supplier'], session.supplier);
    if (session.request !== undefined) {
      const request = requests.get(session.request);
      if (!request)
        add(['sessions', i, 'request'], { key: 'unknownRef', kind: 'request', id: session.request });
      else if (request.supplier !== session.supplier) {
        add(['sessions', i, 'request'], {
          key: 'wrongSupplier',
          id: session.request,
          supplier: session.supplier,
        });
      }
    }
    if (parseInstant(session.end) <= parseInstant(session.start))
      add(['sessions', i, 'end'], { key: 'endBeforeStart' });
    session.facilitators.forEach((id, j) => {
      personRef(['sessions', i, 'facilitators', j], id, 'facilitator', session.supplier);
    });
    if (new Set(session.facilitators).size !== session.facilitators.length) {
      add(['sessions', i, 'facilitators'], { key: 'duplicateEntry', what: 'facilitator' });
    }
    personRef(['sessions', i, 'relationshipManager'], session.relationshipManager, 'relationshipManager');
    personRef(['sessions', i, 'internalClient'], session.internalClient, 'internalClient');
  });

  records.evaluations.forEach((evaluation, i) => {
    const session = sessions.get(evaluation.session);
    if (!session) {
      add(['evaluations', i, 'session'], { key: 'unknownRef', kind: 'session', id: evaluation.session });
      return;
    }
    if (!personRef(['evaluations', i, 'respondent'], evaluation.respondent)) return;
    if (!assessorsOf(session, evaluation.role).includes(evaluation.respondent)) {
      add(['evaluations', i, 'respondent'], {
        key: 'notRespondentFor',
        id: evaluation.respondent,
        role: evaluation.role,
        session: session.id,
      });
    }
  });

  records.lefDays.forEach((day, i) => {
    const seen = new Set<string>();
    day.attendance.forEach((entry, j) => {
      personRef(['lefDays', i, 'attendance', j, 'person'], entry.person, 'facilitator');
      if (seen.has(entry.person))
        add(['lefDays', i, 'attendance', j, 'person'], { key: 'duplicateEntry', what: entry.person });
      seen.add(entry.person);
    });
  });

  const schedule = records.contract.survey;
  if (schedule) {
    for (const { path, problem } of scheduleProblems(schedule)) add(['contract', 'survey', ...path], problem);
    schedule.clientRespondents.forEach((id, i) => {
      const person = personRef(['contract', 'survey', 'clientRespondents', i], id);
      if (person && sideOf(person) !== 'client')
        add(['contract', 'survey', 'clientRespondents', i], { key: 'clientSideOnly', id });
    });
  }

  const surveyRule = framework?.kpis.find((kpi) => kpi.rule.kind === 'satisfaction-survey')?.rule;
  const questions = surveyRule?.kind === 'satisfaction-survey' ? surveyRule.questions : undefined;
  records.surveyRounds.forEach((round, i) => {
    supplierRef(['surveyRounds', i, 'supplier'], round.supplier);
    if (round.closesOn < round.opensOn) add(['surveyRounds', i, 'closesOn'], { key: 'closesBeforeOpens' });
    round.respondents.forEach((id, j) => {
      const person = personRef(['surveyRounds', i, 'respondents', j], id);
      if (person && person.supplier !== undefined && person.supplier !== round.supplier) {
        add(['surveyRounds', i, 'respondents', j], { key: 'wrongSupplier', id, supplier: round.supplier });
      }
    });
    round.responses.forEach((response, j) => {
      const path = ['surveyRounds', i, 'responses', j];
      if (!round.respondents.includes(response.respondent)) {
        add([...path, 'respondent'], { key: 'notRoundRespondent', id: response.respondent });
      } else {
        const person = people.get(response.respondent);
        if (person && sideOf(person) !== response.side) {
          add([...path, 'side'], { key: 'wrongSide', id: response.respondent, side: sideOf(person) });
        }
      }
      if (questions) {
        for (const key of Object.keys(response.answers)) {
          if (!questions.includes(key)) add([...path, 'answers', key], { key: 'unknownQuestion', id: key });
        }
        for (const question of questions) {
          if (!(question in response.answers)) add([...path, 'answers'], { key: 'missingAnswer', question });
        }
        for (const key of Object.keys(response.remarks ?? {})) {
          if (!questions.includes(key)) add([...path, 'remarks', key], { key: 'unknownQuestion', id: key });
        }
      }
    });
  });

  const reportKeys = new Set<string>();
  records.reports.forEach((report, i) => {
    supplierRef(['reports', i, 'supplier'], report.supplier);
    if (!isHalfYear(report.covers))
      add(['reports', i, 'covers'], { key: 'notHalfYear', value: report.covers });
    const key = `${report.supplier}|${report.covers}`;
    if (reportKeys.has(key)) add(['reports', i, 'covers'], { key: 'duplicateEntry', what: report.covers });
    reportKeys.add(key);
  });

  const socialReturnSuppliers = new Set<string>();
  records.socialReturn.forEach((entry, i) => {
    supplierRef(['socialReturn', i, 'supplier'], entry.supplier);
    if (socialReturnSuppliers.has(entry.supplier)) {
      add(['socialReturn', i, 'supplier'], { key: 'duplicateEntry', what: entry.supplier });
    }
    socialReturnSuppliers.add(entry.supplier);
  });

  const findingKeys = new Set<string>();
  records.findings.forEach((finding, i) => {
    supplierRef(['findings', i, 'supplier'], finding.supplier);
    if (!/^\d{4}-(H[12]|Q[1-4])$/.test(finding.period)) {
      add(['findings', i, 'period'], { key: 'notPeriod', value: finding.period });
    }
    if (framework && !framework.kpis.some((kpi) => kpi.id === finding.kpi)) {
      add(['findings', i, 'kpi'], { key: 'unknownKpi', id: finding.kpi });
    }
    if (finding.reply)
      personRef(['findings', i, 'reply', 'by'], finding.reply.by, 'supplierContact', finding.supplier);
    const key = `${finding.supplier}|${finding.period}|${finding.kpi}`;
    if (findingKeys.has(key)) add(['findings', i], { key: 'duplicateEntry', what: key });
    findingKeys.add(key);
  });

  // A recovery plan: one per supplier and period, written by the supplier's contacts, reviewed by a contract manager.
  const planKeys = new Set<string>();
  (records.meetings ?? []).forEach((meeting, i) => {
    supplierRef(['meetings', i, 'supplier'], meeting.supplier);
  });
  const measured = new Set<string>();
  (records.measurements ?? []).forEach((m, i) => {
    supplierRef(['measurements', i, 'supplier'], m.supplier);
    // As the store keys it (no activity: '-'), so that what validates also imports.
    const key = `${m.supplier}|${m.measure}|${m.period}|${m.activity ?? '-'}`;
    if (measured.has(key)) add(['measurements', i], { key: 'duplicateEntry', what: key });
    measured.add(key);
    if (!/^\d{4}-(H[12]|Q[1-4])$/.test(m.period))
      add(['measurements', i, 'period'], { key: 'notPeriod', value: m.period });
  });
  const activityKeys = new Set<string>();
  (records.activities ?? []).forEach((activity, i) => {
    supplierRef(['activities', i, 'supplier'], activity.supplier);
    const key = `${activity.supplier}|${activity.id}`;
    if (activityKeys.has(key)) add(['activities', i], { key: 'duplicateEntry', what: key });
    activityKeys.add(key);
  });
  (records.recoveryPlans ?? []).forEach((plan, i) => {
    supplierRef(['recoveryPlans', i, 'supplier'], plan.supplier);
    if (!/^\d{4}-(H[12]|Q[1-4])$/.test(plan.period))
      add(['recoveryPlans', i, 'period'], { key: 'notPeriod', value: plan.period });
    plan.versions.forEach((version, v) => {
      const path = ['recoveryPlans', i, 'versions', v, 'by'];
      if (version.role === 'supplier') personRef(path, version.by, 'supplierContact', plan.supplier);
      else personRef(path, version.by, 'contractManager');
    });
    const key = `${plan.supplier}|${plan.period}`;
    if (planKeys.has(key)) add(['recoveryPlans', i], { key: 'duplicateEntry', what: key });
    planKeys.add(key);
  });

  return issues;
}

/** Each record that the store keeps as one entity must fit one (see LIMITS.recordJson). */
function checkRecordSizes(records: Records, add: (path: Path, problem: RefProblem) => void): void {
  const check = (path: Path, item: unknown) => {
    const size = JSON.stringify(item).length;
    if (size > LIMITS.recordJson) add(path, { key: 'tooLarge', size, max: LIMITS.recordJson });
  };
  check(['contract'], records.contract);
  for (const collection of ENTITY_COLLECTIONS) {
    records[collection].forEach((item, i) => {
      check([collection, i], item);
    });
  }
}
const ENTITY_COLLECTIONS = [
  'suppliers',
  'people',
  'clientRequests',
  'sessions',
  'evaluations',
  'lefDays',
  'surveyRounds',
  'reports',
  'socialReturn',
  'findings',
] as const satisfies (keyof Records)[];

/** The people who evaluate a session in a role. */
export function assessorsOf(session: Session, role: Evaluation['role']): string[] {
  if (role === 'facilitator') return session.facilitators;
  return [role === 'relationshipManager' ? session.relationshipManager : session.internalClient];
}

export function sideOf(person: Person): 'client' | 'supplier' {
  return person.roles.some((role) => SUPPLIER_ROLES.includes(role)) ? 'supplier' : 'client';
}

/** A contract's settings with the defaults of docs/scoring.md filled in. */
export function contractSettings(contract: Contract) {
  return {
    timeZone: contract.timeZone ?? DEFAULT_TIME_ZONE,
    evaluationWindowDays: contract.evaluationWindowDays ?? 14,
    socialReturnPlanMonths: contract.socialReturnPlanMonths ?? 3,
    reminderDays: contract.reminderDays ?? [3, 7],
    socialReturnPlanDue: addMonths(contract.startDate, contract.socialReturnPlanMonths ?? 3) as IsoDate,
    meetingPreparationDays: contract.meetingPreparationDays ?? 5,
  };
}
export type ContractSettings = ReturnType<typeof contractSettings>;
