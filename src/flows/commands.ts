// Text commands from any channel: `scorecard` (or `/scorecard`), `help`.
import type { BotMessage } from '../channels/channel.ts';
import { UserError } from '../errors.ts';
import type { Core } from './core.ts';
import { scorecardMessages } from './scorecard.ts';

const HELP: BotMessage = {
  kind: 'help',
  commands: [
    {
      command: '/scorecard [leverancier] [periode]',
      text: {
        nl: 'De actuele scorecard per leverancier, bijvoorbeeld "/scorecard Facilitators BV 2026-H1".',
        en: 'The current scorecard per supplier, for example "/scorecard Facilitators BV 2026-H1".',
      },
    },
    { command: 'help', text: { nl: 'Wat ik kan.', en: 'What I can do.' } },
  ],
};

export async function handleCommand(core: Core, person: string, text: string): Promise<BotMessage[]> {
  const words = text.trim().replace(/^\//, '').split(/\s+/).filter(Boolean);
  const [command = '', ...args] = words;
  switch (command.toLowerCase()) {
    case 'scorecard':
      return scorecardMessages(core, person, args);
    case 'help':
    case 'hulp':
    case '?':
      return [HELP];
    default:
      throw new UserError('unknown-command');
  }
}
