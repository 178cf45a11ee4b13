// Text commands from any channel: `scorecard` (or `/scorecard`), `sessie`, `enquete`, `lefdag`, `overleg`,
// `aanvraag`, `herselectie`, `persoon`, `facilitator`, `wijzigingen`, `reactie`, `taken`, `taal`, `help`.
import type { BotMessage, ChannelId } from '../channels/channel.ts';
import { type FrameworkFeatures, findFramework, frameworkFeatures } from '../domain/frameworks/index.ts';
import { periodContaining } from '../domain/periods.ts';
import type { Person } from '../domain/records.ts';
import { localDate } from '../domain/time.ts';
import { UserError } from '../errors.ts';
import { formatDate } from '../texts/format.ts';
import { bothOf, t } from '../texts/index.ts';
import { type Core, supplierName } from './core.ts';
import { auditCommand } from './facts/audit.ts';
import { personFormCommand } from './facts/people.ts';
import { registerRequestCommand, reselectCommand } from './facts/requests.ts';
import { replyToFinding } from './finding-reply.ts';
import { helpMessage } from './help.ts';
import { languageOf, parseLanguageChoice } from './language.ts';
import { planLefDay } from './lef-days.ts';
import { planMeeting } from './meetings.ts';
import { sessionForm } from './register-session.ts';
import { reportCommand } from './report.ts';
import { scorecardMessages } from './scorecard.ts';
import { openExtraRound } from './survey-rounds.ts';
import { tasksMessage } from './tasks.ts';

/** Where a command was typed: help and errors speak that channel's syntax. */
export interface CommandContext {
  channel: ChannelId;
}

export async function handleCommand(
  core: Core,
  person: string,
  text: string,
  context: CommandContext = { channel: 'local' },
): Promise<BotMessage[]> {
  const words = text.trim().replace(/^\//, '').split(/\s+/).filter(Boolean);
  const [command = '', ...args] = words;
  await refuseOutsideFramework(core, command.toLowerCase());
  switch (command.toLowerCase()) {
    case 'scorecard':
      return scorecardMessages(core, person, args);
    case 'sessie':
    case 'session':
      return [await sessionForm(core, person)];
    case 'taken':
    case 'tasks':
      return [await tasksMessage(core, person)];
    case 'enquete':
    case 'enquête':
    case 'survey':
      return [await surveyCommand(core, person, args.join(' '))];
    case 'lefdag':
    case 'lefday':
      return [await planLefDay(core, person, args.join(' '))];
    case 'overleg':
    case 'meeting':
      return [await planMeeting(core, person, args)];
    case 'aanvraag':
    case 'request':
      return [await registerRequestCommand(core, person, args)];
    case 'herselectie':
    case 'reselect':
      return [await reselectCommand(core, person, args)];
    case 'persoon':
    case 'person':
      return [await personFormCommand(core, person, 'person', args.join(' '))];
    case 'facilitator':
      return [await personFormCommand(core, person, 'facilitator', args.join(' '))];
    case 'rapport':
    case 'report':
      return [await reportCommand(core, person, args, context.channel)];
    case 'wijzigingen':
    case 'changes':
      return [await auditCommand(core, person)];
    case 'reactie':
    case 'reply':
      return [await replyToFinding(core, person, args)];
    case 'taal':
    case 'language':
      return [await languageCommand(core, person, args[0])];
    case 'help':
    case 'hulp':
    case '?': {
      const view = await core.contractView();
      const today = localDate(core.clock.now(), view.settings.timeZone);
      return [
        helpMessage(view.people.get(person), {
          channel: context.channel,
          lang: await languageOf(core, person),
          suppliers: view.suppliers.map((s) => s.id),
          features: frameworkFeatures(findFramework(view.contract.framework)),
          example:
            `${helpSupplier(view, person)} ${periodContaining(today, view.contract.assessment).id}`.trim(),
        }),
      ];
    }
    default:
      throw new UserError('unknown-command');
  }
}

/** The supplier help's example names: a contact's own, else the contract's first. */
function helpSupplier(view: Awaited<ReturnType<Core['contractView']>>, person: string): string {
  const own = view.people.get(person)?.supplier;
  return view.suppliers.find((s) => s.id === own)?.name ?? view.suppliers[0]?.name ?? '';
}

/** The commands that need something of the framework (LEF days, sessions), by the feature they need. */
const NEEDS: Record<string, keyof FrameworkFeatures> = {
  sessie: 'sessions',
  session: 'sessions',
  enquete: 'survey',
  enquête: 'survey',
  survey: 'survey',
  lefdag: 'lefDays',
  lefday: 'lefDays',
  aanvraag: 'requests',
  request: 'requests',
  herselectie: 'requests',
  reselect: 'requests',
  facilitator: 'facilitators',
  reactie: 'verdicts',
  reply: 'verdicts',
};

/** A command of another kind of contract (`lefdag` in a welfare contract): said so, nothing done. */
async function refuseOutsideFramework(core: Core, command: string): Promise<void> {
  const need = NEEDS[command];
  if (!need) return;
  const view = await core.contractView();
  const framework = findFramework(view.contract.framework);
  if (frameworkFeatures(framework)[need]) return;
  throw new UserError(
    'not-possible',
    {},
    bothOf('commands.notInFramework', (lang) => ({
      command,
      name: framework?.name[lang] ?? view.contract.id,
    })),
  );
}

/** `enquete <opdrachtnemer>`: the LEF team opens an extra survey round (at most one per quarter). */
async function surveyCommand(core: Core, person: string, supplier: string): Promise<BotMessage> {
  if (supplier === '') {
    const view = await core.contractView();
    const example = view.suppliers[0]?.name ?? 'Facilitators BV';
    const lang = await languageOf(core, person);
    throw new UserError(
      'bad-argument',
      {},
      { nl: t(lang, 'survey.command.usage', { example }), en: t(lang, 'survey.command.usage', { example }) },
    );
  }
  const round = await openExtraRound(core, person, supplier);
  const view = await core.contractView();
  const zone = view.settings.timeZone;
  const name = supplierName(view, round.supplier);
  const text = (lang: 'nl' | 'en') =>
    t(lang, 'survey.command.opened', {
      supplier: name,
      from: formatDate(lang, round.opensOn, zone),
      to: formatDate(lang, round.closesOn, zone),
      count: round.respondents.length,
    });
  return { kind: 'notice', tone: 'good', text: { nl: text('nl'), en: text('en') } };
}

/** `taal` says the current language; `taal en` chooses English and answers in it. */
async function languageCommand(core: Core, person: string, word: string | undefined): Promise<BotMessage> {
  if (word === undefined) {
    const lang = await languageOf(core, person);
    return {
      kind: 'notice',
      text: { nl: t(lang, 'commands.language.now'), en: t(lang, 'commands.language.now') },
    };
  }
  const lang = parseLanguageChoice(word);
  if (!lang)
    throw new UserError(
      'bad-argument',
      {},
      { nl: t('nl', 'commands.language.bad', { word }), en: t('en', 'commands.language.bad', { word }) },
    );
  await core.languages.setChosen(person, lang);
  // Both sides in the new language: whoever renders it, the reply is in the language just chosen.
  const text = t(lang, 'commands.language.set');
  return { kind: 'notice', text: { nl: text, en: text }, tone: 'good' };
}

/** Who may choose the contract's alert channel: the client's contract managers, managers and LEF team. */
export function maySetAlertChannel(person: Person): boolean {
  return person.roles.some((r) => r === 'contractManager' || r === 'manager' || r === 'lefTeam');
}

/** `alerts hier` / `alerts here`, with or without a dash. */
export function isAlertsHere(text: string): boolean {
  return /^\/?(prestatiemonitor\s+)?alerts[\s-]+(hier|here)$/i.test(text.trim());
}
