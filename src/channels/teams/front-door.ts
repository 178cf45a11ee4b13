// The one Teams endpoint for every contract the bot serves: each activity goes to the TeamsBot of
// the contract it is for (flows/contracts.ts decides). The sender is looked up in every contract,
// which keeps their address in each, so that each contract reaches them. A card action goes to the
// contract of its questionnaire; a command to the contract it names, the one chosen, or the only
// one; the desk asks when that leaves a choice. With one contract the bot takes every activity.
import type { TurnContext } from '@microsoft/agents-hosting';
import { UserError } from '../../errors.ts';
import type { ContractDesk, Member } from '../../flows/contracts.ts';
import type { TeamsBot } from './bot.ts';
import { localeLang } from './channel.ts';
import { stripMentions } from './replies.ts';

export class TeamsFrontDoor {
  private readonly bots = new Map<string, TeamsBot>();

  constructor(
    private readonly desk: ContractDesk,
    private readonly all: readonly TeamsBot[],
  ) {
    for (const [index, core] of desk.cores.entries()) this.bots.set(core.contract, all[index] as TeamsBot);
  }

  private get primary(): TeamsBot {
    return this.all[0] as TeamsBot;
  }

  async onTurn(context: TurnContext): Promise<void> {
    // One contract: only a typed command goes past the desk (`contract`, its name before a command).
    if (this.all.length === 1 && context.activity.type !== 'message') return this.primary.onTurn(context);
    const lang = localeLang(context.activity.locale);
    try {
      const bot = await this.botFor(context);
      if (bot) await bot.onTurn(context);
    } catch (error) {
      if (!(error instanceof UserError)) return this.primary.onError(context, error, lang);
      // A contract not theirs: said once (the connector may deliver twice), in their language.
      if (!(await this.primary.firstDelivery(context.activity))) return;
      const own = await this.primary.senderLanguage(context.activity.from, lang);
      const text = { nl: error.text('nl'), en: error.text('en') };
      await this.primary.reply(context, { kind: 'notice', tone: 'attention', text }, own);
    }
  }

  /** The bot the activity is for; undefined when the desk answered it itself. */
  private async botFor(context: TurnContext): Promise<TeamsBot | undefined> {
    const activity = context.activity;
    const from = activity.type === 'conversationUpdate' ? activity.membersAdded?.[0] : activity.from;
    const members = await this.desk.members(async (core) => {
      const bot = this.bots.get(core.contract) as TeamsBot;
      return (await bot.identify(context, from)).person;
    });
    const of = (member: Member | undefined) =>
      (member && this.bots.get(member.core.contract)) ?? this.primary;
    const card = cardData(activity);
    if (card) return of(await this.desk.forAction(members, card));
    if (activity.type !== 'message') return of(members[0]);
    const text = stripMentions(activity.text ?? '');
    if (!text) return this.primary;
    const identity = `teams|${activity.from?.aadObjectId ?? activity.from?.id ?? ''}`;
    const route = await this.desk.route(identity, members, text);
    if (!route) return this.primary; // nobody knows them: the bot says so
    if (route.kind === 'command') {
      activity.text = route.text;
      return of(route.member);
    }
    if (!(await this.primary.firstDelivery(activity))) return undefined;
    await this.primary.reply(context, route.message, route.lang);
    return undefined;
  }
}

/** The data of a card action (an Action.Execute invoke, or an Action.Submit message). */
function cardData(activity: TurnContext['activity']): Record<string, unknown> | undefined {
  const value = activity.value as Record<string, unknown> | undefined;
  if (!value || typeof value !== 'object') return undefined;
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const action = value.action as { data?: unknown } | undefined;
    return action?.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
  }
  if (activity.type === 'message' && typeof value.verb === 'string') return value;
  return undefined;
}
