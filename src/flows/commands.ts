// Text commands from any channel: `scorecard` (or `/scorecard`), `help`.
import type { BotMessage, ChannelId } from '../channels/channel.ts';
import type { Person } from '../domain/records.ts';
import { UserError } from '../errors.ts';
import type { Core } from './core.ts';
import { sessionForm } from './register-session.ts';
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
    {
      command: 'sessie',
      text: {
        nl: 'Een nieuwe LEF-sessie registreren (relatiemanagers).',
        en: 'Register a new LEF session (relationship managers).',
      },
    },
    {
      command: 'alerts hier',
      text: {
        nl: "In een kanaal: meldingen over rode KPI's voortaan hier plaatsen (contractmanagers).",
        en: 'In a channel: post red-KPI alerts here from now on (contract managers).',
      },
    },
    { command: 'help', text: { nl: 'Wat ik kan.', en: 'What I can do.' } },
  ],
};

/** Where a command was typed: help and errors speak that channel's syntax. */
export interface CommandContext {
  channel: ChannelId;
}

export async function handleCommand(
  core: Core,
  person: string,
  text: string,
  _context: CommandContext = { channel: 'local' },
): Promise<BotMessage[]> {
  const words = text.trim().replace(/^\//, '').split(/\s+/).filter(Boolean);
  const [command = '', ...args] = words;
  switch (command.toLowerCase()) {
    case 'scorecard':
      return scorecardMessages(core, person, args);
    case 'sessie':
    case 'session':
      return [await sessionForm(core, person)];
    case 'help':
    case 'hulp':
    case '?':
      return [HELP];
    default:
      throw new UserError('unknown-command');
  }
}

/** Who may choose the contract's alert channel: the client's contract managers, managers and LEF team. */
export function maySetAlertChannel(person: Person): boolean {
  return person.roles.some((r) => r === 'contractManager' || r === 'manager' || r === 'lefTeam');
}

/** `alerts hier` / `alerts here`, with or without a dash. */
export function isAlertsHere(text: string): boolean {
  return /^\/?(prestatiemonitor\s+)?alerts[\s-]+(hier|here)$/i.test(text.trim());
}
