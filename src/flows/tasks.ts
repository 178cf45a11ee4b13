// A person's open questionnaires, always reachable: the `taken` / `tasks` command lists them with a
// button each, and a new conversation (an install, a reinstall, a new device) brings them.
import type { BotMessage, TaskView } from '../channels/channel.ts';
import { formatInstant } from '../domain/time.ts';
import { isClosedAt } from '../domain/windows.ts';
import { assignmentId } from '../store/assignments.ts';
import type { Core } from './core.ts';

const ROLE = {
  relationshipManager: { nl: 'relatiemanager', en: 'relationship manager' },
  internalClient: { nl: 'intern opdrachtgever', en: 'internal client' },
  facilitator: { nl: 'facilitator', en: 'facilitator' },
} as const;

/** The `taken` list: every questionnaire still open for this person (empty when none is). */
export async function tasksMessage(core: Core, person: string): Promise<BotMessage> {
  const view = await core.contractView();
  const now = core.clock.now();
  // A window that has passed but whose close job has not run yet is not offered: it would refuse.
  const open = (await core.assignments.openFor(core.contract, person)).filter(
    (s) => !isClosedAt(now, s.assignment.closesAt),
  );
  const tasks: TaskView[] = open.map(({ assignment: a }) => {
    const supplier = view.suppliers.find((s) => s.id === a.supplier)?.name ?? a.supplier;
    return {
      assignmentId: assignmentId(a),
      title: {
        nl: `Evaluatie LEF-sessie — ${ROLE[a.role].nl}`,
        en: `LEF session evaluation — ${ROLE[a.role].en}`,
      },
      subject: {
        nl: `${supplier}, ${a.sessionStart.slice(0, 10)}`,
        en: `${supplier}, ${a.sessionStart.slice(0, 10)}`,
      },
      closesAt: formatInstant(a.closesAt, view.settings.timeZone),
      timeZone: view.settings.timeZone,
    };
  });
  return { kind: 'tasks', tasks };
}
