// A person's open questionnaires, always reachable: the `taken` / `tasks` command lists them with a
// button each, and a new conversation (an install, a reinstall, a new device) brings them.
import type { BotMessage } from '../channels/channel.ts';
import type { Core } from './core.ts';

/** The `taken` list: every questionnaire still open for this person (empty when none is). */
export async function tasksMessage(_core: Core, _person: string): Promise<BotMessage> {
  return { kind: 'tasks', tasks: [] };
}
