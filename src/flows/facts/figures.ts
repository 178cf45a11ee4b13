// A supplier's figures reported in chat (Voorschoten's quarterly figures per activity): the day after
// a period ends, each contact of every supplier whose framework has reported measures gets a card
// with the period's figures to fill in, until the framework's `reportWithinDays` (default 30) after
// the period; reminders a week and two days before. What is submitted becomes the records'
// `measurements` for that period (source "chat"), the scorecard is recomputed and the contract
// managers are told. Every version is kept; the latest one counts, whoever of the contacts gave it.
import { HOUR } from '../../clock.ts';
import { findFramework } from '../../domain/frameworks/index.ts';
import type { Framework } from '../../domain/frameworks/schema.ts';
import { type Period, periodBefore, periodContaining } from '../../domain/periods.ts';
import type { Measurement } from '../../domain/records.ts';
import { REPORT_WITHIN_DAYS } from '../../domain/scoring-figures.ts';
import { addDays, dayStart, localDate } from '../../domain/time.ts';
import type { Lang } from '../../i18n.ts';
import type { Answers } from '../../questionnaires/answers.ts';
import {
  type FigureItem,
  figureItems,
  figuresSet,
  itemId,
  itemKey,
  NOTE_ID,
  reportedMeasures,
} from '../../questionnaires/figures.ts';
import type { FactAssignment } from '../../store/assignments.ts';
import type { FactVersion } from '../../store/fact-versions.ts';
import { MeasurementStore } from '../../store/measurements.ts';
import { formatDate, formatPeriod } from '../../texts/format.ts';
import { both, bothOf } from '../../texts/index.ts';
import { type ContractView, type Core, supplierName } from '../core.ts';
import { meetingName } from '../meetings.ts';
import { tell } from '../notices.ts';
import { SCORECARD_JOBS } from '../scorecard.ts';
import { askSupplierContacts } from './ask-contacts.ts';
import { recordChange } from './audit.ts';
import { fact } from './reviewed.ts';

const REMINDERS = [7, 2];
/** Where a figure given in chat comes from, in the records. */
export const CHAT_SOURCE = 'chat';

export const measurementStore = (core: Core) => new MeasurementStore(core.tables, core.contract);
export const figuresSubject = (supplier: string, period: string) => `${supplier}-${period}`;

/** The days within which a period's figures are asked: the longest `reportWithinDays` of its measures. */
function reportWithin(framework: Framework): number | undefined {
  const days = framework.kpis.flatMap((k) =>
    k.rule.kind === 'figure' || k.rule.kind === 'trend' || k.rule.kind === 'descriptive'
      ? [k.rule.reportWithinDays ?? REPORT_WITHIN_DAYS]
      : [],
  );
  return days.length > 0 ? Math.max(...days) : undefined;
}

/** The daily step: the period that ended asked of each supplier's contacts, once, until its due day. */
export async function askFigures(core: Core, today: string): Promise<void> {
  const view = await core.contractView();
  const framework = findFramework(view.contract.framework);
  const within = framework && reportWithin(framework);
  if (!framework || within === undefined) return;
  const ended = periodBefore(periodContaining(today, view.contract.assessment));
  const due = addDays(ended.last, within);
  if (ended.last < view.contract.startDate || today > due) return;
  for (const supplier of view.suppliers) await askSupplier(core, view, framework, supplier.id, ended, due);
}

async function askSupplier(
  core: Core,
  view: ContractView,
  framework: Framework,
  supplier: string,
  period: Period,
  due: string,
): Promise<void> {
  const zone = view.settings.timeZone;
  const [history, listed] = await Promise.all([
    measurementStore(core).ofSupplier(supplier),
    measurementStore(core).activities(supplier),
  ]);
  // The items are fixed when first asked: an assignment created before keeps its own (insert-if-absent).
  const items = figureItems(framework, history, listed);
  if (items.length === 0) return;
  const name = supplierName(view, supplier);
  const values = (lang: Lang) => ({
    period: formatPeriod(lang, period.id),
    supplier: name,
    due: formatDate(lang, due, 'UTC'),
    meeting: meetingName(view)[lang].toLowerCase(),
  });
  const set = figuresSet(
    framework,
    items,
    {
      title: bothOf('figures.title', values),
      intro: bothOf('figures.intro', values),
      whole: both('figures.whole'),
      note: both('figures.note'),
      noteHelp: both('figures.noteHelp'),
    },
    listed,
  );
  // Figures of the period in the records already (imported; the client's target groups do not
  // count): the card is made answered, not sent, and nobody is reminded.
  const asked = reportedMeasures(framework);
  const reported = history.some((m) => m.period === period.id && asked.has(m.measure));
  await askSupplierContacts(core, view, supplier, {
    kind: 'figures',
    subject: figuresSubject(supplier, period.id),
    set,
    facts: { period: period.id, due, items: JSON.stringify(items) },
    opensAt: core.clock.now(),
    closesAt: dayStart(addDays(due, 1), zone),
    reminders: REMINDERS.map((days) => dayStart(addDays(due, -days), zone) + 9 * HOUR),
    answered: reported,
  });
}

export const itemsOf = (a: FactAssignment): FigureItem[] => JSON.parse(fact(a, 'items') || '[]');

/** The items a version was given on (kept with it: contacts' cards may differ), else the card's. */
const itemsOfVersion = (a: FactAssignment, version: FactVersion): FigureItem[] =>
  version.form ? (JSON.parse(version.form) as FigureItem[]) : itemsOf(a);

/** A version's figures by measure and activity (itemKey), whatever card it was given on. */
export function givenByKey(a: FactAssignment, version: FactVersion): Map<string, string | number | boolean> {
  const given = new Map<string, string | number | boolean>();
  itemsOfVersion(a, version).forEach((item, index) => {
    const value = version.answers[itemId(index)];
    if (value !== undefined && value !== '') given.set(itemKey(item), value);
  });
  return given;
}

/** A version's answers on `a`'s card: each item's figure found by its measure and activity. */
export function answersOn(a: FactAssignment, version: FactVersion): Answers {
  const given = givenByKey(a, version);
  const answers: Answers = {};
  itemsOf(a).forEach((item, index) => {
    const value = given.get(itemKey(item));
    if (value !== undefined) answers[itemId(index)] = value;
  });
  const note = version.answers[NOTE_ID];
  if (note !== undefined && note !== '') answers[NOTE_ID] = note;
  return answers;
}

/** The measurements a version gives: each item answered, with the note. */
export function measurementsOf(a: FactAssignment, version: FactVersion): Measurement[] {
  const note = version.answers[NOTE_ID];
  return itemsOfVersion(a, version).flatMap((item, index): Measurement[] => {
    const given = version.answers[itemId(index)];
    if (given === undefined || given === '') return [];
    return [
      {
        supplier: a.supplier,
        measure: item.measure,
        period: fact(a, 'period'),
        ...(item.activity ? { activity: item.activity } : {}),
        ...(item.kind === 'number' ? { value: Number(given) } : { text: String(given) }),
        source: CHAT_SOURCE,
        ...(typeof note === 'string' && note !== '' ? { note } : {}),
      },
    ];
  });
}

/**
 * After a submission, off the person's wait (run again after a crash to the same effect): the
 * latest version becomes the period's figures, the audit trail says so, the scorecards of that
 * period and of the current one are recomputed, and the contract managers are told once per version.
 */
export async function applyFigures(core: Core, a: FactAssignment, view: ContractView): Promise<void> {
  const subject = a.subject;
  const latestNow = async () => (await measurementStore(core).submitted(subject)).at(-1);
  let latest = await latestNow();
  if (!latest) return;
  let given: Measurement[] = [];
  // Follow-ups of two versions may run at once: whoever writes last checks that its version is
  // still the latest, and writes the latest again if it is not, so the latest always stands.
  for (let attempt = 1; attempt <= 5; attempt++) {
    given = measurementsOf(a, latest);
    for (const measurement of given) await measurementStore(core).put(measurement);
    const after: FactVersion | undefined = await latestNow();
    if (!after || after.receivedAt === latest.receivedAt) break;
    latest = after;
  }
  const period = fact(a, 'period');
  const by = view.people.get(latest.by)?.name ?? latest.by;
  await recordChange(
    core,
    {
      at: latest.receivedAt,
      by: latest.by,
      action: 'figures-submitted',
      subject: `${fact(a, 'supplierName')} (${period})`,
      changes: [{ field: 'figures', to: String(given.length) }],
    },
    `figures|${subject}|${latest.receivedAt}`,
  );
  const now = core.clock.now();
  // The reported period, and the current one (a trend compares it with the baseline these figures may be in).
  const current = periodContaining(localDate(now, view.settings.timeZone), view.contract.assessment).id;
  const periods = [...new Set([period, current])];
  for (const id of periods) await core.scorecards.invalidate(a.supplier, id);
  await core.outbox.enqueue(
    periods.map((id) => ({
      id: `${SCORECARD_JOBS.recompute}|${a.supplier}|${id}|figures-${latest.receivedAt}`,
      kind: SCORECARD_JOBS.recompute,
      payload: { supplier: a.supplier, period: id },
      dueAt: now,
    })),
  );
  const managers = [...view.people.values()].filter((p) => p.roles.includes('contractManager'));
  await tell(
    core,
    managers.map((p) => p.id),
    bothOf('figures.submitted', (lang) => ({
      name: by,
      supplier: fact(a, 'supplierName'),
      period: formatPeriod(lang, period),
      count: given.length,
      meeting: meetingName(view)[lang].toLowerCase(),
    })),
    `figures|${subject}|${latest.receivedAt}`,
    'good',
  );
}
