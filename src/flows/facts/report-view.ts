// How the progress report's delivery looks in chat (KPI 6): the supplier's card (the draft to open,
// the due date, an explanation per KPI, the judgement) and a contract manager's judgement card (the
// report as delivered, the explanations, when it came in), in both languages. The report opens
// through a signed link made for the card's reader (report/report-links.ts), valid while the card is.
import type { QuestionnaireMessage } from '../../channels/questionnaire-view.ts';
import { findFramework } from '../../domain/frameworks/index.ts';
import { localDate } from '../../domain/time.ts';
import type { Lang } from '../../i18n.ts';
import type { Answers } from '../../questionnaires/answers.ts';
import { explanationId } from '../../questionnaires/facts.ts';
import { linkSecret, signLink } from '../../report/report-links.ts';
import { assignmentId, type FactAssignment } from '../../store/assignments.ts';
import { formatDate, formatDateTime, formatPeriod } from '../../texts/format.ts';
import { both, bothOf, type TextKey } from '../../texts/index.ts';
import type { ContractView, Core } from '../core.ts';
import type { MessageOptions } from '../questionnaire/kind.ts';
import { reports } from './reports.ts';
import { fact, isReview, reviewed } from './reviewed.ts';
import { reviewSide, submitterSide } from './reviewed-state.ts';

/** The report as a PDF, signed for the card's reader until the card closes. */
async function reportLink(
  core: Core,
  a: FactAssignment,
  title: TextKey,
): Promise<QuestionnaireMessage['link']> {
  const secret = await linkSecret(core.tables);
  const url = (lang: Lang) =>
    `${core.publicUrl ?? ''}/reports/${signLink(secret, {
      contract: core.contract,
      supplier: a.supplier,
      period: fact(a, 'period'),
      format: 'pdf',
      lang,
      person: a.person,
      expires: a.closesAt,
    })}`;
  return { title: both(title), url: { nl: url('nl'), en: url('en') } };
}

function subjectFacts(a: FactAssignment, due: string): QuestionnaireMessage['facts'] {
  return [
    {
      title: both('delivery.fact.supplier'),
      value: both('delivery.value', { value: fact(a, 'supplierName') }),
    },
    {
      title: both('delivery.fact.period'),
      value: bothOf('delivery.value', (lang) => ({ value: formatPeriod(lang, fact(a, 'period')) })),
    },
    {
      title: both('delivery.fact.due'),
      value: bothOf('delivery.value', (lang) => ({ value: formatDate(lang, due, 'UTC') })),
    },
  ];
}

function deliveredFact(day: string, due: string): QuestionnaireMessage['facts'][number] {
  return {
    title: both('delivery.fact.delivered'),
    value: bothOf('delivery.delivered', (lang) => ({
      at: formatDate(lang, day, 'UTC'),
      late: day > due ? 'yes' : 'no',
    })),
  };
}

/** The explanations delivered, one fact per KPI explained (none: said so). */
function explanationFacts(view: ContractView, answers: Answers): QuestionnaireMessage['facts'] {
  const kpis = findFramework(view.contract.framework)?.kpis ?? [];
  const given = kpis.flatMap((kpi) => {
    const text = answers[explanationId(kpi.id)];
    return typeof text === 'string' && text !== ''
      ? [
          {
            title: { nl: `${kpi.id} ${kpi.name.nl}`, en: `${kpi.id} ${kpi.name.en}` },
            value: both('delivery.value', { value: text }),
          },
        ]
      : [];
  });
  return given.length > 0
    ? given
    : [{ title: both('delivery.fact.explanations'), value: both('delivery.noExplanation') }];
}

export async function reportMessage(
  core: Core,
  a: FactAssignment,
  options: MessageOptions = {},
): Promise<QuestionnaireMessage> {
  const view = options.view ?? (await core.contractView());
  const zone = view.settings.timeZone;
  const state = options.state ?? a.status;
  const store = reports(core);
  const base = { kind: 'questionnaire' as const, assignmentId: assignmentId(a), state, set: a.set };
  const entry = await store.entry(a.supplier, fact(a, 'period'));
  // An agreed due date in the records counts over the one the card was made with.
  const due = entry?.dueOn ?? fact(a, 'due');
  if (isReview(a)) {
    const { decision, submitted, by, mine, answers: own } = await reviewSide(store, a, view);
    return {
      ...base,
      facts: [
        ...subjectFacts(a, due),
        // The day KPI 6 counts: the first delivery (a supplement sent later does not move it).
        deliveredFact(entry?.deliveredOn ?? localDate(reviewed(a), zone), due),
        ...explanationFacts(view, submitted),
      ],
      link: await reportLink(core, a, 'delivery.delivery'),
      note: {
        text: bothOf('delivery.submittedBy', (lang) => ({
          name: by,
          at: formatDateTime(lang, new Date(reviewed(a)), zone),
        })),
        tone: 'default',
      },
      status: bothOf('delivery.reviewStatus', () => ({
        decided: decision ? decision.decision : state === 'closed' ? 'superseded' : 'none',
        mine: mine ? 'yes' : 'no',
        name: decision ? (view.people.get(decision.by)?.name ?? decision.by) : '',
      })),
      ...(options.answers ? { answers: options.answers } : own ? { answers: own } : {}),
    };
  }
  const { last, decision } = await submitterSide(store, a);
  const answers = options.answers ?? last?.answers;
  const today = localDate(core.clock.now(), zone);
  const overdue = !entry?.deliveredOn && today > due && state === 'open';
  const note: QuestionnaireMessage['note'] =
    decision?.decision === 'changes'
      ? { text: both('delivery.rejected', { reason: decision.reason ?? '' }), tone: 'attention' }
      : overdue
        ? {
            text: bothOf('delivery.late', (lang) => ({ due: formatDate(lang, due, 'UTC') })),
            tone: 'attention',
          }
        : undefined;
  return {
    ...base,
    facts: [...subjectFacts(a, due), ...(entry?.deliveredOn ? [deliveredFact(entry.deliveredOn, due)] : [])],
    link: await reportLink(core, a, 'delivery.draft'),
    ...(note ? { note } : {}),
    status: bothOf('delivery.status', (lang) => ({
      state: state === 'answered' || last ? (decision ? decision.decision : 'submitted') : state,
      at: last ? formatDate(lang, entry?.deliveredOn ?? localDate(last.receivedAt, zone), 'UTC') : '',
    })),
    ...(answers ? { answers } : {}),
    ...(options.reminder
      ? {
          reminder: bothOf('delivery.reminder', (lang) => ({
            period: formatPeriod(lang, fact(a, 'period')),
            due: formatDate(lang, due, 'UTC'),
          })),
        }
      : {}),
  };
}
