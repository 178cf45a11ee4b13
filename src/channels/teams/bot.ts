// What the bot does with each Teams activity: learns where to reach a person (install, first
// message), answers commands (`scorecard`, `help`, `sessie`, `alerts hier`), and takes card actions
// (Universal Actions invokes, and Action.Submit from older clients: card-actions.ts). Only a
// translator: the person is who Teams says sent the activity, and every decision is the core's.
// What it says itself (welcome, unknown person, "alerts hier") is in replies.ts.
import type { Activity, ChannelAccount, ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, ConnectorClient, TurnContext } from '@microsoft/agents-hosting';
import type { Person } from '../../domain/records.ts';
import { apology, errorReference, UserError } from '../../errors.ts';
import { alertChannelSet } from '../../flows/alerts.ts';
import { handleCommand, isAlertsHere } from '../../flows/commands.ts';
import type { Core } from '../../flows/core.ts';
import { deliverPendingPrompts } from '../../flows/evaluations.ts';
import { langOfLocale, languageOf, observeLanguage } from '../../flows/language.ts';
import { openTasksMessage } from '../../flows/tasks.ts';
import type { Lang } from '../../i18n.ts';
import { StoreError } from '../../store/errors.ts';
import { key } from '../../store/tables.ts';
import { both } from '../../texts/index.ts';
import type { TtlCache } from '../../util/ttl-cache.ts';
import type { BotMessage } from '../channel.ts';
import { senderLanguage, type TeamsAddressStore } from './addresses.ts';
import { type CardAction, type CardReply, cardAction } from './card-actions.ts';
import {
  CARD_CONTENT_TYPE,
  localeLang,
  type TeamsSender,
  teamsCard,
  teamsLimits,
  toActivity,
} from './channel.ts';
import { firstWelcome, setAlertChannel, stripMentions, unknownPerson } from './replies.ts';

export class TeamsBot {
  constructor(
    private readonly core: Core,
    private readonly adapter: CloudAdapter,
    private readonly addresses: TeamsAddressStore,
    private readonly sender: TeamsSender,
    private readonly log: (line: string) => void,
    /** E-mail addresses the members API gave per Teams member id, shared by every contract's bot. */
    private readonly mails: TtlCache<string[]>,
  ) {}

  async onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    // Until we know who wrote: the activity's locale; handlers switch to the person's language.
    const lang = localeLang(activity.locale);
    try {
      switch (activity.type) {
        case 'conversationUpdate':
          return await this.onConversationUpdate(context, lang);
        case 'installationUpdate':
          // An install or reinstall (`add`, `add-upgrade`) in a personal chat: greet, bring the tasks.
          if (
            /^add/.test(String(activity.action ?? '')) &&
            activity.conversation?.conversationType === 'personal' &&
            activity.from &&
            (await this.firstDelivery(activity))
          )
            await this.welcome(context, lang, activity.from);
          return;
        case 'message':
          return await this.onMessage(context, lang);
        case 'invoke':
          if (activity.name === 'adaptiveCard/action') return await this.onExecute(context, lang);
          return await this.invokeResponse(context, 200, {});
        default:
          return;
      }
    } catch (error) {
      await this.onError(context, error, lang);
    }
  }

  /** The language of whoever sent an activity, as this contract knows them (else `fallback`). */
  senderLanguage(from: ChannelAccount | undefined, fallback: Lang): Promise<Lang> {
    return senderLanguage(this.addresses, (person) => languageOf(this.core, person), from, fallback);
  }

  /** Anything unexpected: logged with a reference; the person gets an apology in their language. */
  async onError(context: TurnContext, error: unknown, fallback: Lang): Promise<void> {
    const lang = await this.senderLanguage(context.activity.from, fallback);
    const text =
      error instanceof StoreError && error.kind === 'unavailable'
        ? error.userMessage(lang)
        : (() => {
            const reference = errorReference();
            this.log(
              `[teams ${reference}] ${context.activity.type}: ${(error as Error)?.stack ?? String(error)}`,
            );
            return apology(lang, reference);
          })();
    if (context.activity.type === 'invoke') {
      await this.invokeResponse(context, 200, {
        statusCode: 500,
        type: 'application/vnd.microsoft.error',
        value: { code: 'InternalError', message: text },
      });
      return;
    }
    await this.reply(context, { kind: 'notice', tone: 'attention', text: { nl: text, en: text } }, lang);
  }

  // --- Reaching people -----------------------------------------------------------------------

  private async onConversationUpdate(context: TurnContext, lang: Lang): Promise<void> {
    const activity = context.activity;
    if (!(await this.firstDelivery(activity))) return;
    const botId = activity.recipient?.id;
    const added = activity.membersAdded ?? [];
    const type = activity.conversation?.conversationType;
    if (type === 'personal') {
      for (const member of added) if (member.id !== botId) await this.welcome(context, lang, member);
      return;
    }
    // Added to a team: say what the bot does there, once.
    if (added.some((m) => m.id === botId)) {
      await this.reply(context, { kind: 'notice', tone: 'good', text: both('teams.teamWelcome') }, lang);
    }
  }

  /** The person of the records who sent this activity (or `member`), if any; keeps their address. */
  async identify(
    context: TurnContext,
    who?: ChannelAccount,
  ): Promise<{ person?: Person; seen: string; isNew: boolean }> {
    const activity = context.activity;
    const member = who ?? activity.from;
    const conversationId = activity.conversation?.id;
    if (!member?.id || !conversationId) return { seen: '?', isNew: false };
    const view = await this.core.contractView();
    let id = await this.addresses.personOf([member.aadObjectId, member.id]);
    let person = id ? view.people.get(id) : undefined;
    let seen = member.name ?? member.id;
    if (!person && member.aadObjectId) {
      const oid = member.aadObjectId.toLowerCase();
      person = [...view.people.values()].find((p) => p.entraObjectId?.toLowerCase() === oid);
    }
    if (!person) {
      const mails = await this.mailsOf(context, member.id, conversationId);
      if (mails[0]) seen = mails[0];
      person = [...view.people.values()].find((p) => p.email && mails.includes(p.email.toLowerCase()));
    }
    id = person?.id;
    let isNew = false;
    if (person && activity.conversation?.conversationType === 'personal') {
      const reference = activity.getConversationReference() as ConversationReference;
      const known = await this.addresses.get(person.id);
      isNew =
        !known?.reachable ||
        known.reference.conversation.id !== reference.conversation.id ||
        known.reference.serviceUrl !== reference.serviceUrl;
      if (isNew) {
        await this.addresses.save(
          {
            person: person.id,
            reference: { ...reference, activityId: undefined },
            userId: member.id as string,
            aadObjectId: member.aadObjectId,
            reachable: true,
            updatedAt: this.core.clock.now(),
          },
          [member.id, member.aadObjectId],
        );
        await deliverPendingPrompts(this.core, person.id);
      }
    }
    return { person, seen, isNew };
  }

  /** Teams does not put the e-mail address in the activity: the members API is asked, once a while per member. */
  private async mailsOf(context: TurnContext, member: string, conversation: string): Promise<string[]> {
    const known = this.mails.get(member);
    if (known) return known;
    const client = context.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey);
    const found = await client?.getConversationMember(member, conversation).catch(() => undefined);
    const details = found as { email?: string; userPrincipalName?: string } | undefined;
    const mails = [details?.email, details?.userPrincipalName]
      .filter((m): m is string => Boolean(m))
      .map((m) => m.toLowerCase());
    // Only an answer is kept: a members API that failed is asked again next time.
    if (found) this.mails.set(member, mails);
    return mails;
  }

  /**
   * On install: the person learns whether the bot knows them, then gets the questionnaires still open
   * that were sent elsewhere (a lost card); those never sent come as their own card. Teams sends an
   * installationUpdate and a conversationUpdate for one install: one welcome for both.
   */
  private async welcome(context: TurnContext, lang: Lang, member: ChannelAccount): Promise<void> {
    const { person, seen } = await this.identify(context, member);
    const conversation = context.activity.conversation?.id ?? '';
    if (!(await firstWelcome(this.addresses, conversation, this.core.clock.now()))) return;
    if (!person) {
      await this.reply(context, unknownPerson(seen), lang);
      return;
    }
    // An install is not the person's own doing: its locale (often none) does not count.
    const own = await languageOf(this.core, person.id);
    await this.reply(
      context,
      { kind: 'notice', tone: 'good', text: both('teams.welcome', { name: person.name }) },
      own,
    );
    const tasks = await openTasksMessage(this.core, person.id);
    if (tasks) await this.reply(context, tasks, own);
  }

  /** Whether this is the first delivery of the activity (the connector may deliver twice). */
  async firstDelivery(activity: Activity): Promise<boolean> {
    if (!activity.id) return true;
    return this.addresses.firstDelivery(
      key(activity.conversation?.id ?? '', activity.id),
      this.core.clock.now(),
    );
  }

  // --- Messages and commands -------------------------------------------------------------------

  private async onMessage(context: TurnContext, lang: Lang): Promise<void> {
    const activity = context.activity;
    const value = activity.value as Record<string, unknown> | undefined;
    if (value && typeof value === 'object' && typeof value.verb === 'string') {
      // Action.Submit from a client without Universal Actions: answer by updating that card.
      const { verb, ...data } = value;
      const { message, lang: shown, options } = await this.cardAction(context, { verb, data }, lang);
      const reply = toActivity(message, shown, activity.from?.id, options, this.core.contract);
      if (activity.replyToId) {
        reply.id = activity.replyToId;
        await context.updateActivity(reply);
      } else {
        await context.sendActivity(reply);
      }
      return;
    }
    if (!(await this.firstDelivery(activity))) return;
    const text = stripMentions(activity.text ?? '');
    if (!text) return;
    const { person, seen } = await this.identify(context);
    if (!person) {
      await this.reply(context, unknownPerson(seen), lang);
      return;
    }
    const own = await this.ownLanguage(context, person.id);
    if (isAlertsHere(text)) {
      const set = await setAlertChannel(this.addresses, context.activity, person, this.core.clock.now());
      if (set.kind === 'notice' && set.tone === 'good') await alertChannelSet(this.core);
      await this.reply(context, set, own);
      return;
    }
    let replies: BotMessage[];
    try {
      replies = await handleCommand(this.core, person.id, text, { channel: 'teams' });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      replies = [{ kind: 'notice', tone: 'attention', text: { nl: error.text('nl'), en: error.text('en') } }];
    }
    // Asked again: a `taal en` command among these may just have changed it.
    const after = await languageOf(this.core, person.id);
    for (const reply of replies) await this.reply(context, reply, after);
  }

  /** The person's own message or card action: its locale counts; the answer is in their language. */
  private async ownLanguage(context: TurnContext, person: string): Promise<Lang> {
    await observeLanguage(this.core, person, langOfLocale(context.activity.locale));
    return languageOf(this.core, person);
  }

  // --- Card actions (card-actions.ts) --------------------------------------------------------

  private async onExecute(context: TurnContext, lang: Lang): Promise<void> {
    const value = context.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined;
    const verb = typeof value?.action?.verb === 'string' ? value.action.verb : '';
    const data =
      value?.action?.data && typeof value.action.data === 'object'
        ? (value.action.data as Record<string, unknown>)
        : {};
    const { message, lang: shown, options } = await this.cardAction(context, { verb, data }, lang);
    const card = teamsCard(message, shown, options, context.activity.from?.id, this.core.contract);
    await this.invokeResponse(context, 200, { statusCode: 200, type: CARD_CONTENT_TYPE, value: card });
  }

  /** The card after an action by whoever Teams says clicked, in their language. */
  private async cardAction(context: TurnContext, action: CardAction, fallback: Lang): Promise<CardReply> {
    const { person, seen } = await this.identify(context);
    if (!person) return { message: unknownPerson(seen), lang: fallback, options: {} };
    const lang = await this.ownLanguage(context, person.id);
    return cardAction(this.core, person.id, action, lang);
  }

  // --- Sending in the turn ---------------------------------------------------------------------

  async reply(context: TurnContext, message: BotMessage, lang: Lang): Promise<void> {
    await this.sender.limiter.acquire(teamsLimits(context.activity.conversation));
    await context.sendActivity(toActivity(message, lang, undefined, {}, this.core.contract));
  }

  private async invokeResponse(context: TurnContext, status: number, body: unknown): Promise<void> {
    await context.sendActivity({ type: 'invokeResponse', value: { status, body } } as unknown as Activity);
  }
}

export { stripMentions } from './replies.ts';
