// Social return as a subject of the questionnaire engine (KPI 7): a supplier's contact submits the
// plan of approach or the half-year's figures (`supplier`), and each submission is confirmed or sent
// back with a reason by a contract manager (`review-<ms>`: one review per submission, the first
// decision stands). A confirmed one is written into the records and KPI 7 recomputed; every step
// is in the audit trail, and the supplier's contacts are told the decision.
import type { QuestionnaireMessage } from '../../channels/questionnaire-view.ts';
import { dayStart, formatInstant } from '../../domain/time.ts';
import { UserError } from '../../errors.ts';
import type { Lang } from '../../i18n.ts';
import { type Answers, parseAnswers } from '../../questionnaires/answers.ts';
import { socialReturnReviewSet } from '../../questionnaires/facts.ts';
import type { Text } from '../../questionnaires/types.ts';
import { assignmentId, type FactAssignment, type Stored } from '../../store/assignments.ts';
import type { Decision, Submission } from '../../store/social-return.ts';
import { formatAmount, formatDate, formatDateTime, formatPercent, formatPeriod } from '../../texts/format.ts';
import { both, type TextValues, t } from '../../texts/index.ts';
import type { ContractView, Core } from '../core.ts';
import { tell } from '../notices.ts';
import { assign, refreshMessages, updateAssignment } from '../questionnaire/engine.ts';
import type { SubjectKind } from '../questionnaire/kind.ts';
import { enqueueRecompute } from '../scorecard.ts';
import { recordChange } from './audit.ts';
import { applyConfirmed, dayOf, socialReturn } from './social-return.ts';

/** A review is answered within this long. */
const REVIEW_DAYS = 60;

const fact = (a: FactAssignment, name: string) => a.facts?.[name] ?? '';
const isReview = (a: FactAssignment) => a.role.startsWith('review-');
const reviewed = (a: FactAssignment) => Number(a.role.slice('review-'.length));

function bothOf(key: Parameters<typeof t>[1], values: (lang: Lang) => TextValues): Text {
  return { nl: t('nl', key, values('nl')), en: t('en', key, values('en')) };
}

/** What a submission says, as facts: the plan's date and link, or the figures and their ratio. */
function submittedFacts(a: FactAssignment, answers: Answers): QuestionnaireMessage['facts'] {
  if (fact(a, 'what') === 'plan')
    return [
      {
        title: both('socialreturn.fact.planDate'),
        value: bothOf('socialreturn.value', (lang) => ({
          value: answers.planDate ? formatDate(lang, String(answers.planDate), 'UTC') : '–',
        })),
      },
      {
        title: both('socialreturn.fact.link'),
        value: both('socialreturn.value', { value: String(answers.link ?? '–') }),
      },
    ];
  const revenue = Number(answers.revenue);
  const value = Number(answers.sroiValue);
  return [
    {
      title: both('socialreturn.fact.revenue'),
      value: bothOf('socialreturn.value', (lang) => ({ value: formatAmount(lang, revenue) })),
    },
    {
      title: both('socialreturn.fact.sroiValue'),
      value: bothOf('socialreturn.share', (lang) => ({
        value: formatAmount(lang, value),
        share: revenue > 0 ? formatPercent(lang, value / revenue) : '–',
      })),
    },
  ];
}

function subjectFacts(a: FactAssignment): QuestionnaireMessage['facts'] {
  const plan = fact(a, 'what') === 'plan';
  return [
    {
      title: both('socialreturn.fact.supplier'),
      value: both('socialreturn.value', { value: fact(a, 'supplierName') }),
    },
    plan
      ? {
          title: both('socialreturn.fact.planDue'),
          value: bothOf('socialreturn.value', (lang) => ({ value: formatDate(lang, fact(a, 'due'), 'UTC') })),
        }
      : {
          title: both('socialreturn.fact.period'),
          value: bothOf('socialreturn.upTo', (lang) => ({
            period: formatPeriod(lang, fact(a, 'period')),
            upTo: formatDate(lang, fact(a, 'upTo'), 'UTC'),
            due: formatDate(lang, fact(a, 'due'), 'UTC'),
          })),
        },
  ];
}

export const socialReturnKind: SubjectKind<FactAssignment> = {
  async message(core, a, options = {}) {
    const view = options.view ?? (await core.contractView());
    const zone = view.settings.timeZone;
    const state = options.state ?? a.status;
    const store = socialReturn(core);
    const base = { kind: 'questionnaire' as const, assignmentId: assignmentId(a), state };
    if (isReview(a)) {
      const decision = await store.decision(a.subject, a.role);
      const submitted = JSON.parse(fact(a, 'answers') || '{}') as Answers;
      const by = view.people.get(fact(a, 'by'))?.name ?? fact(a, 'by');
      const mine = decision?.by === a.person;
      return {
        ...base,
        set: a.set,
        facts: [...subjectFacts(a), ...submittedFacts(a, submitted)],
        note: {
          text: bothOf('socialreturn.submittedBy', (lang) => ({
            name: by,
            at: formatDateTime(lang, new Date(reviewed(a)), zone),
          })),
          tone: 'default',
        },
        status: decision
          ? bothOf('socialreturn.reviewStatus', () => ({
              decided: decision.decision,
              mine: mine ? 'yes' : 'no',
              name: view.people.get(decision.by)?.name ?? decision.by,
            }))
          : both('socialreturn.reviewStatus', {
              decided: state === 'closed' ? 'superseded' : 'none',
              mine: 'no',
              name: '',
            }),
        ...(options.answers
          ? { answers: options.answers }
          : decision && mine
            ? { answers: decisionAnswers(decision) }
            : {}),
      };
    }
    const submissions = await store.submissions(a.subject);
    const last = submissions.at(-1);
    const decision = last ? await store.decision(a.subject, `review-${last.receivedAt}`) : undefined;
    const answers = options.answers ?? last?.answers;
    return {
      ...base,
      set: a.set,
      facts: subjectFacts(a),
      ...(decision?.decision === 'changes'
        ? {
            note: {
              text: both('socialreturn.changesAsked', { reason: decision.reason ?? '' }),
              tone: 'attention' as const,
            },
          }
        : {}),
      status: bothOf('socialreturn.status', (lang) => ({
        state: state === 'answered' || last ? (decision ? decision.decision : 'submitted') : state,
        at: last ? formatDate(lang, formatInstant(last.receivedAt, zone), zone) : '',
      })),
      ...(answers ? { answers } : {}),
      ...(options.reminder
        ? {
            reminder: bothOf('socialreturn.reminder', (lang) => ({
              what: fact(a, 'what'),
              due: formatDate(lang, fact(a, 'due'), 'UTC'),
            })),
          }
        : {}),
    };
  },

  async admit(core, a) {
    // One decision per submission: a second manager (or a second instance) is told, not taken.
    if (isReview(a) && (await socialReturn(core).decision(a.subject, a.role)))
      throw new UserError('fact-decided');
  },

  parse(a, raw) {
    const parsed = parseAnswers(a.set, raw);
    if (!parsed.ok) throw new UserError('invalid', parsed.fields);
    return parsed.answers;
  },

  async keep(core, a, { answers, receivedAt }) {
    if (!isReview(a)) {
      await socialReturn(core).submit(a.subject, { by: a.person, receivedAt, answers });
      return;
    }
    const decision: Decision = {
      by: a.person,
      receivedAt,
      decision: answers.decision === 'changes' ? 'changes' : 'confirm',
      ...(typeof answers.reason === 'string' ? { reason: answers.reason } : {}),
    };
    await socialReturn(core).decide(a.subject, a.role, decision);
  },

  async hasAnswer(core, a) {
    if (isReview(a)) return (await socialReturn(core).decision(a.subject, a.role)) !== undefined;
    return (await socialReturn(core).submissions(a.subject)).length > 0;
  },

  async afterChange(core, a, view, answered) {
    if (!answered) return;
    if (isReview(a)) await afterReview(core, a, view, answered);
    else await afterSubmission(core, a, view, { by: a.person, ...answered });
  },

  errors: { closed: 'fact-closed', notOpen: 'fact-closed' },

  describe(a) {
    return bothOf('socialreturn.describe', (lang) => ({
      what: fact(a, 'what'),
      supplier: fact(a, 'supplierName'),
      period: fact(a, 'period') ? formatPeriod(lang, fact(a, 'period')) : '',
    }));
  },
};

function decisionAnswers(decision: Decision): Answers {
  return { decision: decision.decision, ...(decision.reason ? { reason: decision.reason } : {}) };
}

/** A submission: every contract manager reviews it; reviews of earlier submissions close (superseded). */
async function afterSubmission(core: Core, a: FactAssignment, view: ContractView, submission: Submission) {
  const role = `review-${submission.receivedAt}`;
  const all = await core.assignments.forFact(core.contract, 'socialreturn', a.subject);
  const managers = [...view.people.values()].filter((p) => p.roles.includes('contractManager'));
  const now = core.clock.now();
  await assign(
    core,
    managers.map((manager) => ({
      assignment: {
        kind: 'socialreturn' as const,
        contract: core.contract,
        subject: a.subject,
        supplier: a.supplier,
        role,
        person: manager.id,
        opensAt: now,
        closesAt: now + REVIEW_DAYS * 86_400_000,
        status: 'open' as const,
        set: socialReturnReviewSet,
        facts: { ...a.facts, by: submission.by, answers: JSON.stringify(submission.answers) },
      },
      answered: false,
    })),
    [],
  );
  await close(
    core,
    all.filter((s) => isReview(s.assignment) && reviewed(s.assignment) < submission.receivedAt),
  );
  const changes = Object.entries(submission.answers).map(([field, value]) => ({ field, to: String(value) }));
  await recordChange(
    core,
    {
      at: submission.receivedAt,
      by: submission.by,
      action: 'socialreturn-submitted',
      subject: subjectName(a),
      changes: [...(fact(a, 'period') ? [{ field: 'period', to: fact(a, 'period') }] : []), ...changes],
    },
    `socialreturn|${a.subject}|${submission.receivedAt}`,
  );
}

/** A decision: the first one stands; confirmed, it is written into the records and KPI 7 recomputed. */
async function afterReview(
  core: Core,
  a: FactAssignment,
  view: ContractView,
  answered: { receivedAt: number },
) {
  const store = socialReturn(core);
  const decision = await store.decision(a.subject, a.role);
  // This submission is decided: every manager's copy of its review closes (this one too).
  const copies = (await core.assignments.forFact(core.contract, 'socialreturn', a.subject)).filter(
    (s) => s.assignment.role === a.role,
  );
  await close(core, copies);
  if (!decision || decision.by !== a.person || decision.receivedAt !== answered.receivedAt) return;
  const submission = (await store.submissions(a.subject)).find((s) => s.receivedAt === reviewed(a));
  if (!submission) return;
  const zone = view.settings.timeZone;
  if (decision.decision === 'confirm') {
    await store.update(a.supplier, (entry) =>
      applyConfirmed(entry, a.facts ?? {}, submission.answers, dayOf(view, submission.receivedAt)),
    );
    const at = (day: string) => formatInstant(dayStart(day, zone), zone);
    await enqueueRecompute(core, a.supplier, at(dayOf(view, core.clock.now())), view);
    if (fact(a, 'upTo')) await enqueueRecompute(core, a.supplier, at(fact(a, 'upTo')), view);
  }
  await recordChange(
    core,
    {
      at: decision.receivedAt,
      by: decision.by,
      action: decision.decision === 'confirm' ? 'socialreturn-confirmed' : 'socialreturn-rejected',
      subject: subjectName(a),
      changes: decision.reason ? [{ field: 'reason', to: decision.reason }] : [],
    },
    `socialreturn|${a.subject}|${a.role}|decision`,
  );
  const contacts = (await core.assignments.forFact(core.contract, 'socialreturn', a.subject))
    .filter((s) => s.assignment.role === 'supplier')
    .map((s) => s.assignment.person);
  const name = view.people.get(decision.by)?.name ?? decision.by;
  await tell(
    core,
    contacts,
    bothOf('socialreturn.decided', (lang) => ({
      decided: decision.decision,
      name,
      what: fact(a, 'what'),
      period: fact(a, 'period') ? formatPeriod(lang, fact(a, 'period')) : '',
      reason: decision.reason ?? '',
    })),
    `socialreturn|${a.subject}|${a.role}`,
    decision.decision === 'confirm' ? 'good' : 'warning',
  );
  // The supplier's cards show the decision.
  for (const s of (await core.assignments.forFact(core.contract, 'socialreturn', a.subject)).filter(
    (x) => x.assignment.role === 'supplier',
  ))
    await refreshMessages(core, s.assignment, await socialReturnKind.message(core, s.assignment, { view }));
}

function subjectName(a: FactAssignment): string {
  return fact(a, 'period') ? `${fact(a, 'supplierName')} (${fact(a, 'period')})` : fact(a, 'supplierName');
}

async function close(core: Core, list: Stored<FactAssignment>[]) {
  for (const stored of list) {
    if (stored.assignment.status === 'closed') continue;
    const closed = await updateAssignment(core, stored, (x) =>
      x.status === 'closed' ? x : { ...x, status: 'closed' },
    );
    const assignment = closed.assignment as FactAssignment;
    await refreshMessages(
      core,
      assignment,
      await socialReturnKind.message(core, assignment, { state: 'closed' }),
    );
  }
}
