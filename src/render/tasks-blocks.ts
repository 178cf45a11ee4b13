// The `taken` / `tasks` list in Slack's Block Kit: a section per open questionnaire with an
// "Openen" button that opens it in a modal (the same action as "Invullen" in the questionnaire's DM).
import type { Lang } from '../i18n.ts';
import { type Block, clip, mrkdwnSafe } from './block-kit.ts';
import { type TasksMessage, tasksView } from './tasks-card.ts';

/** The blocks of the list; `openAction` is the action id that opens a questionnaire's modal. */
export function tasksBlocks(message: TasksMessage, lang: Lang, openAction: string): Block[] {
  const view = tasksView(message, lang);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(view.title, 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: mrkdwnSafe(view.intro) } },
  ];
  // Slack allows 50 blocks a message: two for the heading, two for each task.
  for (const task of view.tasks.slice(0, 24)) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(
          `*${mrkdwnSafe(task.title)}*\n${mrkdwnSafe(task.subject)}\n_${mrkdwnSafe(task.closesAt)}_`,
          3000,
        ),
      },
    });
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: openAction,
          text: { type: 'plain_text', text: clip(task.openTitle, 75), emoji: true },
          value: task.assignmentId,
        },
      ],
    });
  }
  return blocks;
}
