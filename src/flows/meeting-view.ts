// How a meeting's preparation looks in chat: the figures of the current period, what changed since
// the supplier's last meeting, the open findings with their recovery plans, the framework's
// reflection questions, the agenda points so far, and the reader's own points as the question.
import type { QuestionnaireMessage } from '../channels/questionnaire-view.ts';
import { findFramework } from '../domain/frameworks/index.ts';
import { changesSince, previousMeeting } from '../domain/meetings.ts';
import { type Period, periodBefore, periodContaining } from '../domain/periods.ts';
import type { Meeting, Records } from '../domain/records.ts';
import { prepare, scoreSupplier } from '../domain/scoring.ts';
import { dayStart, localDate } from '../domain/time.ts';
import type { Lang } from '../i18n.ts';
import type { QuestionSet, Text } from '../questionnaires/types.ts';
import { kpiCells, statusLabel } from '../render/scorecard-text.ts';
import { assignmentId, type FactAssignment } from '../store/assignments.ts';
import { formatDate, formatDateTime, formatPeriod } from '../texts/format.ts';
import { both, bothOf, t } from '../texts/index.ts';
import type { ContractView, Core } from './core.ts';
import { fact } from './facts/reviewed.ts';
import { agendaLines, meetingName, meetings } from './meetings.ts';
import type { MessageOptions } from './questionnaire/kind.ts';
import { recoveryPlanStatus } from './recovery-plans.ts';

/**
 * The period whose figures a meeting discusses: the last one that has ended (its report is in, its
 * figures final or nearly so), or the current one in a contract's first period.
 */
export function figuresPeriod(now: number, view: ContractView): Period {
  const current = periodContaining(localDate(now, view.settings.timeZone), view.contract.assessment);
  const ended = periodBefore(current);
  return ended.last >= view.contract.startDate ? ended : current;
}

/** "15 september 2026 om 14:00". */
export function meetingWhen(lang: Lang, meeting: Meeting): string {
  return t(lang, 'meeting.when', {
    date: formatDate(lang, meeting.date, 'UTC'),
    time: meeting.time ?? 'none',
  });
}

/** The agenda card's question set, made when the preparation goes out (and kept with the card). */
export function meetingSet(view: ContractView, meeting: Meeting, agendaAt: number): QuestionSet {
  const name = meetingName(view);
  const supplier = view.suppliers.find((s) => s.id === meeting.supplier)?.name ?? meeting.supplier;
  const until = (lang: Lang) => formatDateTime(lang, new Date(agendaAt), view.settings.timeZone);
  return {
    id: 'meeting-agenda',
    title: bothOf('meeting.title', (lang) => ({ meeting: name[lang].toLowerCase(), supplier })),
    intro: bothOf('meeting.intro', (lang) => ({ until: until(lang) })),
    questions: [
      {
        id: 'points',
        kind: 'text',
        label: both('meeting.points'),
        help: both('meeting.pointsHelp'),
      },
    ],
  };
}

type Section = NonNullable<QuestionnaireMessage['sections']>[number];

async function figures(
  core: Core,
  records: Records,
  meeting: Meeting,
  now: number,
  view: ContractView,
): Promise<Section[]> {
  const zone = view.settings.timeZone;
  const framework = findFramework(view.contract.framework);
  if (!framework) return [];
  const context = prepare(records);
  const period = figuresPeriod(now, view);
  const { scorecard } = scoreSupplier(context, { supplier: meeting.supplier, period, asOf: now });
  const kpi = (id: string) => framework.kpis.find((k) => k.id === id);
  const name = (id: string, lang: Lang) => kpi(id)?.name[lang] ?? id;
  const current: Section = {
    title: bothOf('meeting.figures', (lang) => ({ period: formatPeriod(lang, period.id) })),
    lines: scorecard.kpis.map((k) =>
      bothOf('meeting.figure', (lang) => {
        const [status = '', value = '', norm = '', , note = ''] = kpiCells(k, kpi(k.id)?.rule.kind, lang);
        // A figure the scorecard writes as "—" is left out, with its norm, and the scorecard's note added.
        const given = (cell: string) => (cell === '' || cell === '—' ? 'none' : cell);
        return {
          kpi: k.id,
          name: name(k.id, lang),
          status,
          value: given(value),
          // A trend's "nulmeting 58" says what it is; a norm is called one ("norm ≥ 95%").
          norm:
            given(norm) === 'none' || ['figure', 'trend', 'descriptive'].includes(kpi(k.id)?.rule.kind ?? '')
              ? given(norm)
              : t(lang, 'meeting.norm', { norm }),
          note: given(note),
        };
      }),
    ),
  };
  // What changed: the scorecard as it stood at the supplier's last meeting against today's.
  const before = previousMeeting(records.meetings ?? [], meeting);
  let changes: Text[];
  if (!before) changes = [both('meeting.first')];
  else {
    const then = dayStart(before.date, zone);
    const thenPeriod = periodContaining(before.date, view.contract.assessment);
    // Another period's sessions and requests are in other partitions: loaded for it.
    const thenContext =
      thenPeriod.id === period.id
        ? context
        : prepare(await core.records.loadForScoring(core.contract, thenPeriod, meeting.supplier));
    const old = scoreSupplier(thenContext, {
      supplier: meeting.supplier,
      period: thenPeriod,
      asOf: then,
    }).scorecard;
    const changed = changesSince(old, scorecard);
    changes =
      changed.length === 0
        ? [both('meeting.noChanges')]
        : changed.map((c) =>
            bothOf('meeting.change', (lang) => ({
              kpi: c.kpi,
              name: name(c.kpi, lang),
              from: statusLabel(c.from, lang),
              to: statusLabel(c.to, lang),
            })),
          );
  }
  return [
    current,
    {
      title: bothOf('meeting.changes', (lang) => ({
        since: before ? formatDate(lang, before.date, 'UTC') : 'none',
      })),
      lines: changes,
    },
  ];
}

/** The supplier's findings still open (any period), each period's recovery plan beside them. */
async function openFindings(
  core: Core,
  records: Records,
  meeting: Meeting,
  view: ContractView,
): Promise<Section> {
  const framework = findFramework(view.contract.framework);
  const open = records.findings
    .filter((f) => f.supplier === meeting.supplier && !f.resolvedAt)
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.kpi < b.kpi ? -1 : 1));
  const lines: Text[] = open.map((f) =>
    bothOf('meeting.finding', (lang) => ({
      kpi: f.kpi,
      name: framework?.kpis.find((k) => k.id === f.kpi)?.name[lang] ?? f.kpi,
      period: formatPeriod(lang, f.period),
      since: formatDate(lang, f.foundAt, view.settings.timeZone),
    })),
  );
  for (const period of [...new Set(open.map((f) => f.period))]) {
    const status = await recoveryPlanStatus(core, meeting.supplier, period);
    if (status)
      lines.push(bothOf('meeting.plan', (lang) => ({ period: formatPeriod(lang, period), status })));
  }
  return { title: both('meeting.open'), lines: lines.length > 0 ? lines : [both('meeting.noFindings')] };
}

export async function meetingMessage(
  core: Core,
  a: FactAssignment,
  options: MessageOptions = {},
): Promise<QuestionnaireMessage> {
  const view = options.view ?? (await core.contractView());
  const zone = view.settings.timeZone;
  const state = options.state ?? a.status;
  const now = core.clock.now();
  const meeting = (await meetings(core).get(a.subject)) ?? {
    id: a.subject,
    supplier: a.supplier,
    date: fact(a, 'date'),
  };
  const records = await core.records.loadForScoring(
    core.contract,
    figuresPeriod(now, view),
    meeting.supplier,
  );
  const name = meetingName(view);
  const reflection = findFramework(view.contract.framework)?.meeting?.reflectionQuestions ?? [];
  const agenda = await meetings(core).agenda(meeting.id);
  const points = agendaLines(agenda, view);
  const own = agenda.find((v) => v.by === a.person);
  const until = (lang: Lang) => formatDateTime(lang, new Date(a.closesAt), zone);
  const value = (text: string) => both('meeting.value', { value: text });
  return {
    kind: 'questionnaire',
    assignmentId: assignmentId(a),
    state,
    set: a.set,
    facts: [
      { title: both('meeting.fact.meeting'), value: { nl: name.nl, en: name.en } },
      { title: both('meeting.fact.supplier'), value: value(fact(a, 'supplierName')) },
      {
        title: both('meeting.fact.date'),
        value: bothOf('meeting.value', (lang) => ({ value: meetingWhen(lang, meeting) })),
      },
      {
        title: both('meeting.fact.until'),
        value: bothOf('meeting.value', (lang) => ({ value: until(lang) })),
      },
    ],
    sections: [
      ...(await figures(core, records, meeting, now, view)),
      await openFindings(core, records, meeting, view),
      ...(reflection.length > 0 ? [{ title: both('meeting.reflection'), lines: reflection }] : []),
      {
        title: both('meeting.agendaSoFar'),
        lines: points.length > 0 ? points.map((p) => both('meeting.point', p)) : [both('meeting.noPoints')],
      },
    ],
    status: bothOf('meeting.status', (lang) => ({ state, until: until(lang) })),
    ...(options.answers ? { answers: options.answers } : own ? { answers: own.answers } : {}),
  };
}
