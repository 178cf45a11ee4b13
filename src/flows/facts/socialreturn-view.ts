// How social return looks in chat (KPI 7): the supplier's card (what is due, the submission and the
// decision on it) and a contract manager's review card (what was submitted, with the social return
// value as a share of the revenue), in both languages.
import type { QuestionnaireMessage } from '../../channels/questionnaire-view.ts';
import { formatInstant } from '../../domain/time.ts';
import type { Answers } from '../../questionnaires/answers.ts';
import { assignmentId, type FactAssignment } from '../../store/assignments.ts';
import { formatAmount, formatDate, formatDateTime, formatPercent, formatPeriod } from '../../texts/format.ts';
import { both, bothOf } from '../../texts/index.ts';
import type { Core } from '../core.ts';
import type { MessageOptions } from '../questionnaire/kind.ts';
import { fact, isReview, reviewed } from './reviewed.ts';
import { reviewSide, submitterSide } from './reviewed-state.ts';
import { socialReturn } from './social-return.ts';

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

export async function socialReturnMessage(
  core: Core,
  a: FactAssignment,
  options: MessageOptions = {},
): Promise<QuestionnaireMessage> {
  const view = options.view ?? (await core.contractView());
  const zone = view.settings.timeZone;
  const state = options.state ?? a.status;
  const store = socialReturn(core);
  const base = { kind: 'questionnaire' as const, assignmentId: assignmentId(a), state };
  if (isReview(a)) {
    const { decision, submitted, by, mine, answers: own } = await reviewSide(store, a, view);
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
      ...(options.answers ? { answers: options.answers } : own ? { answers: own } : {}),
    };
  }
  const { last, decision } = await submitterSide(store, a);
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
}
