// A person's open questionnaires, always reachable: the `taken` / `tasks` command lists them with a
// button each, and a new conversation (an install, a reinstall, a new device) brings them.
import type { BotMessage, TaskView } from '../channels/channel.ts';
import { isClosedAt } from '../domain/windows.ts';
import { type AnyAssignment, assignmentId, isFact } from '../store/assignments.ts';
import { formatDate, formatPeriod } from '../texts/format.ts';
import { both, t } from '../texts/index.ts';
import { type Core, supplierName } from './core.ts';
import { kindOf } from './questionnaire/kinds.ts';

/** The `taken` list: every questionnaire still open for this person (empty when none is). */
export async function tasksMessage(core: Core, person: string): Promise<BotMessage> {
  return { kind: 'tasks', tasks: await taskViews(core, await openAssignments(core, person)) };
}

/**
 * The open tasks to bring into a new conversation: nothing when there are none. Only those already
 * sent somewhere: a questionnaire never sent goes out as its own card (deliverPendingPrompts), and
 * should not come twice.
 */
export async function openTasksMessage(core: Core, person: string): Promise<BotMessage | undefined> {
  const sent = (await openAssignments(core, person)).filter((a) => (a.messages ?? []).length > 0);
  return sent.length > 0 ? { kind: 'tasks', tasks: await taskViews(core, sent) } : undefined;
}

/** The person's questionnaires still open now. */
async function openAssignments(core: Core, person: string): Promise<AnyAssignment[]> {
  const now = core.clock.now();
  // A window that has passed but whose close job has not run yet is not offered: it would refuse.
  return (await core.assignments.openFor(core.contract, person))
    .filter((s) => !isClosedAt(now, s.assignment.closesAt))
    .map((s) => s.assignment);
}

async function taskViews(core: Core, open: AnyAssignment[]): Promise<TaskView[]> {
  const view = await core.contractView();
  const zone = view.settings.timeZone;
  return open.map((a) => {
    const supplier = supplierName(view, a.supplier);
    if (a.kind === 'lefday') {
      const values = (lang: 'nl' | 'en') => ({ date: formatDate(lang, a.date, 'UTC') });
      return {
        assignmentId: assignmentId(a),
        title: both('tasks.lefDayTitle', { role: a.role }),
        subject: {
          nl: t('nl', 'tasks.lefDaySubject', values('nl')),
          en: t('en', 'tasks.lefDaySubject', values('en')),
        },
        closesAt: new Date(a.closesAt).toISOString(),
        timeZone: zone,
      };
    }
    if (isFact(a))
      return {
        assignmentId: assignmentId(a),
        title: a.set.title,
        subject: kindOf(a).describe(a),
        closesAt: new Date(a.closesAt).toISOString(),
        timeZone: zone,
      };
    if (a.kind === 'recovery') {
      const role = a.role === 'supplier' ? 'supplier' : 'review';
      const values = (lang: 'nl' | 'en') => ({
        supplier,
        period: formatPeriod(lang, a.period),
        date: formatDate(lang, a.due, 'UTC'),
      });
      return {
        assignmentId: assignmentId(a),
        title: both('tasks.recoveryTitle', { role }),
        subject: {
          nl: t('nl', 'tasks.recoverySubject', values('nl')),
          en: t('en', 'tasks.recoverySubject', values('en')),
        },
        closesAt: new Date(a.closesAt).toISOString(),
        timeZone: zone,
      };
    }
    // A survey round's task is dated by its opening day, a session's evaluation by the session.
    const survey = a.kind === 'survey';
    const day = survey ? a.opensOn : a.sessionStart;
    const subject = survey ? 'tasks.surveySubject' : 'tasks.subject';
    return {
      assignmentId: assignmentId(a),
      title: survey ? both('tasks.surveyTitle') : both('tasks.taskTitle', { role: a.role }),
      subject: {
        nl: t('nl', subject, { supplier, date: formatDate('nl', day, zone) }),
        en: t('en', subject, { supplier, date: formatDate('en', day, zone) }),
      },
      // The moment itself: each renderer formats it in its reader's language.
      closesAt: new Date(a.closesAt).toISOString(),
      timeZone: zone,
    };
  });
}
