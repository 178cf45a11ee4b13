// A person's open questionnaires, always reachable: the `taken` / `tasks` command lists them with a
// button each, and a new conversation (an install, a reinstall, a new device) brings them.
import type { BotMessage, TaskView } from '../channels/channel.ts';
import { isClosedAt } from '../domain/windows.ts';
import { assignmentId } from '../store/assignments.ts';
import { formatDate } from '../texts/format.ts';
import { both, t } from '../texts/index.ts';
import type { Core } from './core.ts';

/** The `taken` list: every questionnaire still open for this person (empty when none is). */
export async function tasksMessage(core: Core, person: string): Promise<BotMessage> {
  const view = await core.contractView();
  const now = core.clock.now();
  const zone = view.settings.timeZone;
  // A window that has passed but whose close job has not run yet is not offered: it would refuse.
  const open = (await core.assignments.openFor(core.contract, person)).filter(
    (s) => !isClosedAt(now, s.assignment.closesAt),
  );
  const tasks: TaskView[] = open.map(({ assignment: a }) => {
    // A survey round's task is dated by its opening day, a session's evaluation by the session.
    const day = a.kind === 'survey' ? a.opensOn : a.sessionStart;
    const supplier = view.suppliers.find((s) => s.id === a.supplier)?.name ?? a.supplier;
    return {
      assignmentId: assignmentId(a),
      title: both('tasks.taskTitle', { role: a.role }),
      subject: {
        nl: t('nl', 'tasks.subject', { supplier, date: formatDate('nl', day, zone) }),
        en: t('en', 'tasks.subject', { supplier, date: formatDate('en', day, zone) }),
      },
      // The moment itself: each renderer formats it in its reader's language.
      closesAt: new Date(a.closesAt).toISOString(),
      timeZone: zone,
    };
  });
  return { kind: 'tasks', tasks };
}

/** The open tasks to bring into a new conversation: nothing when there are none. */
export async function openTasksMessage(core: Core, person: string): Promise<BotMessage | undefined> {
  const message = await tasksMessage(core, person);
  return message.kind === 'tasks' && message.tasks.length > 0 ? message : undefined;
}
