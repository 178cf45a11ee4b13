// Help per person and channel: only the commands this person may use, in this channel's syntax and
// in the person's language (so the command words match what they would type).
import type { BotMessage, ChannelId } from '../channels/channel.ts';
import type { FrameworkFeatures } from '../domain/frameworks/index.ts';
import type { Person } from '../domain/records.ts';
import type { Lang } from '../i18n.ts';
import { both, type TextKey } from '../texts/index.ts';
import { maySetAlertChannel } from './commands.ts';
import { mayEdit } from './facts/people.ts';
import { mayRegisterRequests } from './facts/requests.ts';
import { mayPlanLefDays } from './lef-days.ts';
import { visibleSuppliers } from './scorecard.ts';

const WORDS = {
  nl: {
    scorecard: '[opdrachtnemer] [periode]',
    session: 'sessie',
    survey: 'enquete <opdrachtnemer>',
    lefday: 'lefdag <datum>',
    meeting: 'overleg <opdrachtnemer> <datum> [tijd]',
    request: 'aanvraag <opdrachtnemer> <datum> <2|3> <waarvoor>',
    reselect: 'herselectie <aanvraag> <opdrachtnemer>',
    person: 'persoon [naam]',
    facilitator: 'facilitator [naam]',
    changes: 'wijzigingen',
    report: 'rapport [opdrachtnemer] [periode] [pdf|xlsx]',
    reply: 'reactie <KPI> [periode] <tekst>',
    alerts: 'alerts hier',
    tasks: 'taken',
    language: 'taal en|nl',
  },
  en: {
    scorecard: '[supplier] [period]',
    session: 'session',
    survey: 'survey <supplier>',
    lefday: 'lefday <date>',
    meeting: 'meeting <supplier> <date> [time]',
    request: 'request <supplier> <date> <2|3> <what for>',
    reselect: 'reselect <request> <supplier>',
    person: 'person [name]',
    facilitator: 'facilitator [name]',
    changes: 'changes',
    report: 'report [supplier] [period] [pdf|xlsx]',
    reply: 'reply <KPI> [period] <text>',
    alerts: 'alerts here',
    tasks: 'tasks',
    language: 'language nl|en',
  },
} as const;

export interface HelpOptions {
  channel: ChannelId;
  lang: Lang;
  /** Every supplier of the contract: who sees none of them gets no `scorecard` line. */
  suppliers: string[];
  /** What the contract's framework has: only its commands are listed. */
  features: FrameworkFeatures;
  /** The scorecard's example: the contract's first supplier and the current period. */
  example: string;
}

export function helpMessage(person: Person | undefined, options: HelpOptions): BotMessage {
  const w = WORDS[options.lang];
  const slack = options.channel === 'slack';
  const lines: { command: string; key: TextKey; values?: Record<string, string> }[] = [];
  if (person && visibleSuppliers(person, options.suppliers).length > 0) {
    const command = `${slack ? '/' : ''}scorecard ${w.scorecard}`;
    lines.push({
      command,
      key: 'commands.help.scorecard',
      values: { example: `${slack ? '/' : ''}scorecard ${options.example}` },
    });
  }
  // Slack has no session form (the registration is a Teams and local card).
  const has = options.features;
  if (!slack && has.sessions && person?.roles.includes('relationshipManager'))
    lines.push({ command: w.session, key: 'commands.help.session' });
  if (has.verdicts && person?.roles.includes('supplierContact'))
    lines.push({ command: `${slack ? '/prestatiemonitor ' : ''}${w.reply}`, key: 'commands.help.reply' });
  if (has.survey && person?.roles.includes('lefTeam'))
    lines.push({ command: `${slack ? '/prestatiemonitor ' : ''}${w.survey}`, key: 'commands.help.survey' });
  const typed = (command: string) => `${slack ? '/prestatiemonitor ' : ''}${command}`;
  if (person && visibleSuppliers(person, options.suppliers).length > 0)
    lines.push({ command: typed(w.report), key: 'commands.help.report' });
  if (has.lefDays && person && mayPlanLefDays(person))
    lines.push({ command: typed(w.lefday), key: 'commands.help.lefday' });
  if (person?.roles.includes('contractManager'))
    lines.push({ command: typed(w.meeting), key: 'commands.help.meeting' });
  if (has.requests && mayRegisterRequests(person)) {
    lines.push({ command: typed(w.request), key: 'commands.help.request' });
    lines.push({ command: typed(w.reselect), key: 'commands.help.reselect' });
  }
  if (mayEdit(person, 'person')) {
    lines.push({ command: typed(w.person), key: 'commands.help.person' });
    lines.push({ command: typed(w.changes), key: 'commands.help.changes' });
  }
  if (has.facilitators && mayEdit(person, 'facilitator'))
    lines.push({ command: typed(w.facilitator), key: 'commands.help.facilitator' });
  if (person && maySetAlertChannel(person))
    lines.push({ command: slack ? '/prestatiemonitor alerts-hier' : w.alerts, key: 'commands.help.alerts' });
  lines.push({ command: w.tasks, key: 'commands.help.tasks' });
  lines.push({ command: w.language, key: 'commands.help.language' });
  lines.push({ command: 'help', key: 'commands.help.help' });
  return {
    kind: 'help',
    commands: lines.map((l) => ({ command: l.command, text: both(l.key, l.values) })),
  };
}
