// The `taken` / `tasks` list as view data: a heading, one entry per open questionnaire with its
// closing moment in the reader's language, and an "Openen" button each (verb `open`). Shared by the
// Adaptive Card (cards/tasks.json) and Slack's Block Kit (tasks-blocks.ts).
import type { BotMessage } from '../channels/channel.ts';
import type { Lang } from '../i18n.ts';
import { formatDateTime } from '../texts/format.ts';
import { t } from '../texts/index.ts';

export type TasksMessage = Extract<BotMessage, { kind: 'tasks' }>;

export function tasksView(message: TasksMessage, lang: Lang) {
  const count = message.tasks.length;
  return {
    title: t(lang, 'tasks.title'),
    intro: count === 0 ? t(lang, 'tasks.none') : t(lang, 'tasks.intro', { count }),
    tasks: message.tasks.map((task) => ({
      assignmentId: task.assignmentId,
      title: task.title[lang],
      subject: task.subject[lang],
      closesAt: t(lang, 'tasks.closesAt', { when: formatDateTime(lang, task.closesAt, task.timeZone) }),
      openTitle: t(lang, 'tasks.open'),
    })),
  };
}
