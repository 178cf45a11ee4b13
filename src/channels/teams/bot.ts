// What the bot does with each Teams activity: learns where to reach a person (install, first
// message), answers commands (`scorecard`, `help`, `sessie`, `alerts hier`), and takes card actions
// (Universal Actions invokes, and Action.Submit from older clients). Only a translator: the person
// is who Teams says sent the activity, and every decision is the core's.
import type { Activity, ChannelAccount, ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, ConnectorClient, TurnContext } from '@microsoft/agents-hosting';
import type { Person } from '../../domain/records.ts';
import { apology, errorReference, UserError } from '../../errors.ts';
import { handleCommand, isAlertsHere, maySetAlertChannel } from '../../flows/commands.ts';
import type { Core } from '../../flows/core.ts';
import {
  currentEvaluation,
  deliverPendingPrompts,
  editAnswers,
  submitAnswers,
} from '../../flows/evaluations.ts';
import { langOfLocale, languageOf, observeLanguage } from '../../flows/language.ts';
import { FormError, submitSessionForm } from '../../flows/register-session.ts';
import type { Lang } from '../../i18n.ts';
import { fieldMessages } from '../../questionnaires/answers.ts';
import type { RenderOptions } from '../../render/cards.ts';
import { StoreError } from '../../store/errors.ts';
import { key } from '../../store/tables.ts';
import { both, t } from '../../texts/index.ts';
import type { BotMessage } from '../channel.ts';
import type { TeamsAddressStore } from './addresses.ts';
import {
  CARD_CONTENT_TYPE,
  localeLang,
  type TeamsSender,
  teamsCard,
  teamsLimits,
  toActivity,
} from './channel.ts';

/** What a card action answers: the message, in whose language, rendered with which errors. */
interface CardReply {
  message: BotMessage;
  lang: Lang;
  options: RenderOptions;
}

/** A card action, from an Action.Execute invoke or an Action.Submit message. */
interface CardAction {
  verb: string;
  data: Record<string, unknown>;
}

export class TeamsBot {
  constructor(
    private readonly core: Core,
    private readonly adapter: CloudAdapter,
    private readonly addresses: TeamsAddressStore,
    private readonly sender: TeamsSender,
    private readonly log: (line: string) => void,
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
          if (
            /^add/.test(String(activity.action ?? '')) &&
            activity.conversation?.conversationType === 'personal'
          )
            // Teams sends a conversationUpdate with the install as well, which greets; this one
            // only makes sure the address is kept.
            await this.identify(context);
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

  /** Anything unexpected: logged with a reference; the person gets an apology in their language. */
  private async onError(context: TurnContext, error: unknown, lang: Lang): Promise<void> {
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
      await this.reply(context, await helpMessage(this.core), lang);
    }
  }

  /** The person of the records who sent this activity (or `member`), if any; keeps their address. */
  private async identify(
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
      // Teams does not put the e-mail address in the activity: ask the members API.
      const client = context.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey);
      const found = await client?.getConversationMember(member.id, conversationId).catch(() => undefined);
      const details = found as { email?: string; userPrincipalName?: string } | undefined;
      const mails = [details?.email, details?.userPrincipalName]
        .filter((m): m is string => Boolean(m))
        .map((m) => m.toLowerCase());
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

  /** On install: the person learns whether the bot knows them (once per delivery of the install). */
  private async welcome(context: TurnContext, lang: Lang, member: ChannelAccount): Promise<void> {
    const { person, seen } = await this.identify(context, member);
    // An install is not the person's own doing: its locale (often none) does not count.
    await this.reply(
      context,
      person
        ? { kind: 'notice', tone: 'good', text: both('teams.welcome', { name: person.name }) }
        : unknownPerson(seen),
      person ? await languageOf(this.core, person.id) : lang,
    );
  }

  /** Whether this is the first delivery of the activity (the connector may deliver twice). */
  private async firstDelivery(activity: Activity): Promise<boolean> {
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
      const reply = toActivity(message, shown, activity.from?.id, options);
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
      await this.reply(context, await this.setAlertChannel(context, person), own);
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

  private async setAlertChannel(context: TurnContext, person: Person): Promise<BotMessage> {
    const activity = context.activity;
    if (activity.conversation?.conversationType !== 'channel') {
      return {
        kind: 'notice',
        tone: 'warning',
        text: both('teams.alertsHereInChannel'),
      };
    }
    if (!maySetAlertChannel(person)) {
      const error = new UserError('not-allowed');
      return { kind: 'notice', tone: 'attention', text: { nl: error.text('nl'), en: error.text('en') } };
    }
    const reference = activity.getConversationReference() as ConversationReference;
    // Post alerts as new threads in the channel, not as replies in the thread of this command.
    const channelId = reference.conversation.id.split(';')[0] as string;
    await this.addresses.setAlertChannel(
      { ...reference, activityId: undefined, conversation: { ...reference.conversation, id: channelId } },
      person.id,
      this.core.clock.now(),
    );
    return {
      kind: 'notice',
      tone: 'good',
      text: both('teams.alertChannelSet'),
    };
  }

  // --- Card actions ----------------------------------------------------------------------------

  private async onExecute(context: TurnContext, lang: Lang): Promise<void> {
    const value = context.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined;
    const verb = typeof value?.action?.verb === 'string' ? value.action.verb : '';
    const data =
      value?.action?.data && typeof value.action.data === 'object'
        ? (value.action.data as Record<string, unknown>)
        : {};
    const { message, lang: shown, options } = await this.cardAction(context, { verb, data }, lang);
    const card = teamsCard(message, shown, options, context.activity.from?.id);
    await this.invokeResponse(context, 200, { statusCode: 200, type: CARD_CONTENT_TYPE, value: card });
  }

  /**
   * The card after an action: the summary after a submit, the questionnaire again for "Wijzigen",
   * the current state on a refresh; the same card with the messages at the inputs when something
   * is wrong. Nothing is changed by a second click or a stale card: the core decides.
   */
  private async cardAction(context: TurnContext, action: CardAction, fallback: Lang): Promise<CardReply> {
    const { person, seen } = await this.identify(context);
    if (!person) return { message: unknownPerson(seen), lang: fallback, options: {} };
    const lang = await this.ownLanguage(context, person.id);
    const { assignmentId: rawId, formId: rawForm, ...inputs } = action.data;
    const assignmentId = typeof rawId === 'string' ? rawId : '';
    const card = (message: BotMessage, options: RenderOptions = {}): CardReply => ({
      message,
      lang,
      options,
    });
    try {
      switch (action.verb) {
        case 'submit':
          return card((await submitAnswers(this.core, person.id, assignmentId, inputs)).message);
        case 'edit':
          return card(await editAnswers(this.core, person.id, assignmentId));
        case 'refresh':
          return card(await currentEvaluation(this.core, person.id, assignmentId));
        case 'register-session': {
          const formId = typeof rawForm === 'string' ? rawForm : '';
          try {
            return card((await submitSessionForm(this.core, person.id, formId, inputs)).message);
          } catch (error) {
            if (!(error instanceof FormError)) throw error;
            return card(error.form, {
              errors: fieldMessages(error.fields, lang),
              values: inputs,
              formError: error.summary(lang),
            });
          }
        }
        default:
          throw new UserError('unknown-command');
      }
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      if (error.code === 'invalid') {
        // Validation errors come back in the card, at the questions, with what was typed kept.
        const open = await editAnswers(this.core, person.id, assignmentId);
        return card(open, {
          errors: fieldMessages(error.fields, lang),
          values: inputs,
          formError: error.text(lang),
        });
      }
      if (['window-closed', 'window-not-open', 'survey-closed', 'survey-not-open'].includes(error.code)) {
        // A stale card: show the questionnaire as it stands, with why nothing changed.
        const current = await currentEvaluation(this.core, person.id, assignmentId);
        return card(current, { formError: error.text(lang) });
      }
      return card({
        kind: 'notice',
        tone: 'attention',
        text: { nl: error.text('nl'), en: error.text('en') },
      });
    }
  }

  // --- Sending in the turn ---------------------------------------------------------------------

  private async reply(context: TurnContext, message: BotMessage, lang: Lang): Promise<void> {
    await this.sender.limiter.acquire(teamsLimits(context.activity.conversation));
    await context.sendActivity(toActivity(message, lang));
  }

  private async invokeResponse(context: TurnContext, status: number, body: unknown): Promise<void> {
    await context.sendActivity({ type: 'invokeResponse', value: { status, body } } as unknown as Activity);
  }
}

async function helpMessage(core: Core): Promise<BotMessage> {
  const [help] = await handleCommand(core, '', 'help');
  return help as BotMessage;
}

function unknownPerson(seen: string): BotMessage {
  const error = new UserError('unknown-person');
  return {
    kind: 'notice',
    tone: 'warning',
    text: {
      nl: t('nl', 'teams.unknownPerson', { text: error.text('nl'), seen }),
      en: t('en', 'teams.unknownPerson', { text: error.text('en'), seen }),
    },
  };
}

/** The text without the bot's @-mention (in channels Teams puts `<at>Name</at>` in front). */
export function stripMentions(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
