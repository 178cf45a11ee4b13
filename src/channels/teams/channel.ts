// Microsoft Teams as a channel of the core: proactive sends with each person's stored conversation
// reference, through the Agents SDK's CloudAdapter (which gets the bot's token and talks to the Bot
// Framework connector). Every send waits for Teams' limits (7 a second per conversation, 50 a second
// per app and tenant), retries what Teams asks to retry with its Retry-After, and hands longer
// waits to the outbox. A 403 marks the person unreachable, so that the core reports them.
import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, ConnectorClient } from '@microsoft/agents-hosting';
import type { Clock } from '../../clock.ts';
import { langOfLocale } from '../../flows/language.ts';
import { DEFAULT_LANG, type Lang } from '../../i18n.ts';
import { type AdaptiveCard, type RenderOptions, renderCard } from '../../render/cards.ts';
import { summaryText } from '../../render/summary.ts';
import type { BotMessage, Channel, Destination, SendOptions } from '../channel.ts';
import { tagCard } from '../contract-tag.ts';
import {
  backoffMs,
  DeferredDelivery,
  isRetryable,
  type LimitWindow,
  retryAfterMs,
  SendLimiter,
  UnreachableError,
} from '../delivery.ts';
import type { TeamsAddressStore } from './addresses.ts';
import type { ServiceHosts } from './service-hosts.ts';

/** Per bot and conversation: 7 a second, 8 in 2 s, 60 in 30 s, 1800 an hour. */
export const CONVERSATION_LIMITS: readonly LimitWindow[] = [
  { count: 7, ms: 1_000 },
  { count: 8, ms: 2_000 },
  { count: 60, ms: 30_000 },
  { count: 1_800, ms: 3_600_000 },
];
/** Per app and tenant: 50 requests a second. */
export const APP_LIMITS: readonly LimitWindow[] = [{ count: 50, ms: 1_000 }];

/** What a send to a conversation counts against: the conversation's limits and the app's in its tenant. */
export function teamsLimits(conversation: { id?: string; tenantId?: string } | undefined) {
  return [
    { key: `conversation|${conversation?.id}`, windows: CONVERSATION_LIMITS },
    { key: `app|${conversation?.tenantId ?? 'default'}`, windows: APP_LIMITS },
  ];
}

/** Retries inline while the waits are short; a longer wait goes back to the outbox. */
const MAX_INLINE_ATTEMPTS = 4;
const MAX_INLINE_WAIT_MS = 15_000;

export interface TeamsSenderOptions {
  adapter: CloudAdapter;
  appId?: string;
  /** The hosts a conversation's service URL may name (the bot's token goes there). */
  serviceHosts: ServiceHosts;
  clock: Clock;
  /** How to wait (tests pass one that records the waits and moves a manual clock). */
  sleep?: (ms: number) => Promise<void>;
}

/** A connector call that failed, as the SDK's HttpError carries it. */
function httpFailure(error: unknown): { status: number; retryAfter?: string; code?: string } | undefined {
  const e = error as {
    status?: unknown;
    response?: { headers?: Headers; data?: { error?: { code?: string } } };
  };
  if (typeof e?.status !== 'number') return undefined;
  return {
    status: e.status,
    retryAfter: e.response?.headers?.get?.('retry-after') ?? undefined,
    code: e.response?.data?.error?.code,
  };
}

/** Sends to, updates in and reads from Teams conversations, within Teams' limits. */
export class TeamsSender {
  readonly limiter: SendLimiter;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TeamsSenderOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.limiter = new SendLimiter(options.clock, this.sleep);
  }

  /** Whether the bot may talk to the service URL of `reference` (see service-hosts.ts). */
  reaches(reference: ConversationReference): boolean {
    return this.options.serviceHosts.isAllowed(reference.serviceUrl);
  }

  /** Runs `work` with a connector client for the conversation of `reference`, with the bot's credentials. */
  async within<T>(
    reference: ConversationReference,
    work: (client: ConnectorClient) => Promise<T>,
  ): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    // Without an app id the adapter talks to the connector anonymously (local try-outs only).
    const identity = this.options.appId ?? {};
    const adapter = this.options.adapter;
    await adapter.continueConversation(identity, reference, async (context) => {
      // Caught here: the adapter would hand it to onTurnError, and the caller must see it.
      try {
        outcome = {
          ok: true,
          value: await work(context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey)),
        };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    if (!outcome) throw new Error('the Teams adapter did not run the send');
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /**
   * One connector request within the limits, retried on 412/429/502/503/504 after the wait Teams
   * gives (or backoff with jitter). `forPerson`: a 403 makes the person unreachable.
   */
  async call<T>(
    reference: ConversationReference,
    work: (client: ConnectorClient) => Promise<T>,
    forPerson?: string,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.limiter.acquire(teamsLimits(reference.conversation));
      try {
        return await this.within(reference, work);
      } catch (error) {
        const failure = httpFailure(error);
        if (!failure) throw error;
        if (failure.status === 403 && forPerson) {
          throw new UnreachableError('teams', forPerson, failure.code ?? 'Forbidden');
        }
        if (!isRetryable(failure.status)) throw error;
        const wait = retryAfterMs(failure.retryAfter, this.options.clock.now()) ?? backoffMs(attempt);
        if (attempt + 1 >= MAX_INLINE_ATTEMPTS || wait > MAX_INLINE_WAIT_MS) {
          throw new DeferredDelivery(wait, `Teams answered ${failure.status}`);
        }
        await this.sleep(wait);
      }
    }
  }
}

/**
 * The language for someone the records do not know (or before we know who it is): the activity's
 * locale, else Dutch. A known person is always answered in `languageOf(core, person)`.
 */
export function localeLang(locale: string | undefined): Lang {
  return langOfLocale(locale) ?? DEFAULT_LANG;
}
/** The former name of localeLang, still imported by test/unit/delivery.test.ts. */
export { localeLang as langOfLocale };

/** A bot message as a Teams card: the shared Adaptive Card (schema 1.5) in the person's language. */
export function teamsCard(
  message: BotMessage,
  lang: Lang,
  options: RenderOptions = {},
  refreshFor?: string,
  contract?: string,
): AdaptiveCard {
  // Teams opens only a web address it can reach: a link relative to the bot (no BOT_HOST) is left out.
  const shown =
    message.kind === 'questionnaire' && message.link && !message.link.url[lang].startsWith('https://')
      ? { ...message, link: undefined }
      : message;
  const card = renderCard(shown, lang, options);
  // An evaluation card refreshes itself when its addressee opens it, so that an old card shows the
  // current state (answered, closed) instead of offering what can no longer be done.
  if ((message.kind === 'evaluation' || message.kind === 'survey') && refreshFor) {
    card.refresh = {
      action: { type: 'Action.Execute', verb: 'refresh', data: { assignmentId: message.assignmentId } },
      userIds: [refreshFor],
    };
  }
  // Every action names the contract that asked (contract-tag.ts): one endpoint serves them all.
  return contract ? tagCard(card, contract) : card;
}

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * A card as a message activity. `summary` is what Teams shows in notifications and the chat list
 * (otherwise "Send a card"); not `text`, which Teams would show above the card.
 */
export function cardActivity(card: AdaptiveCard, summary: string): Activity {
  return Activity.fromObject({
    type: 'message',
    summary,
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }],
  });
}

/** A bot message as a Teams activity. */
export function toActivity(
  message: BotMessage,
  lang: Lang,
  refreshFor?: string,
  options: RenderOptions = {},
  contract?: string,
): Activity {
  return cardActivity(teamsCard(message, lang, options, refreshFor, contract), summaryText(message, lang));
}

/** The activity addressed as the bot's message in the conversation of `reference`. */
function addressed(activity: Activity, reference: ConversationReference): Activity {
  activity.conversation = reference.conversation;
  activity.serviceUrl = reference.serviceUrl;
  if (reference.agent) activity.from = reference.agent;
  if (reference.user) activity.recipient = reference.user;
  return activity;
}

export class TeamsChannel implements Channel {
  readonly id = 'teams' as const;

  /** Each person's language; the core is made after the channel, so mount() hands it over. */
  private languageOf: (person: string) => Promise<Lang> = async () => DEFAULT_LANG;

  constructor(
    private readonly addresses: TeamsAddressStore,
    private readonly sender: TeamsSender,
    private readonly clock: Clock,
  ) {}

  useLanguages(languageOf: (person: string) => Promise<Lang>): void {
    this.languageOf = languageOf;
  }

  private async target(
    to: Destination,
  ): Promise<{ reference: ConversationReference; lang: Lang; userId?: string; person?: string } | undefined> {
    // A reference stored before its host was refused (or under other TEAMS_SERVICE_HOSTS) is not
    // used; the address is kept, so that it works again once the host is allowed.
    if ('alertChannel' in to) {
      const reference = await this.addresses.alertChannel();
      return reference && this.sender.reaches(reference) ? { reference, lang: 'nl' } : undefined;
    }
    const address = await this.addresses.get(to.person);
    if (!address?.reachable)
      throw new UnreachableError('teams', to.person, address?.reason ?? 'no reference');
    if (!this.sender.reaches(address.reference))
      throw new UnreachableError('teams', to.person, 'service URL host not allowed');
    // The person's language now, not the one stored with the address at first contact.
    const lang = await this.languageOf(to.person);
    return { reference: address.reference, lang, userId: address.userId, person: to.person };
  }

  async send(to: Destination, message: BotMessage, options: SendOptions): Promise<string> {
    const target = await this.target(to);
    if (!target) return ''; // no Teams alert channel set: the alert goes to the other channels
    const already = await this.addresses.sent(options.idempotencyKey);
    if (already) return already.messageId;
    const activity = await this.withMentions(message, target.lang, target.userId);
    try {
      const response = await this.sender.call(
        target.reference,
        (client) =>
          client.sendToConversation(target.reference.conversation.id, addressed(activity, target.reference)),
        target.person,
      );
      const activityId = response?.id ?? '';
      await this.addresses.recordSent(options.idempotencyKey, {
        messageId: activityId,
        conversationId: target.reference.conversation.id,
      });
      return activityId;
    } catch (error) {
      if (error instanceof UnreachableError)
        await this.addresses.markUnreachable(error.person, error.reason, this.clock.now());
      throw error;
    }
  }

  /**
   * A critical alert mentions the contract managers Teams knows: `<at>name</at>` in the card and a
   * mention entity in its `msteams` property, so that Teams notifies them.
   */
  private async withMentions(message: BotMessage, lang: Lang, refreshFor?: string): Promise<Activity> {
    if (message.kind !== 'alert' || !message.alert.mention?.length)
      return toActivity(message, lang, refreshFor, {}, this.addresses.contract);
    const known = new Map<string, { id: string; name: string }>();
    for (const { person, name } of message.alert.mention) {
      const address = await this.addresses.get(person);
      if (address?.reachable && address.userId) known.set(person, { id: address.userId, name });
    }
    const mention = (person: string) => {
      const who = known.get(person);
      return who ? `<at>${who.name}</at>` : undefined;
    };
    const card = teamsCard(message, lang, { mention }, refreshFor, this.addresses.contract);
    if (known.size > 0)
      card.msteams = {
        entities: [...known.values()].map((who) => ({
          type: 'mention',
          text: `<at>${who.name}</at>`,
          mentioned: { id: who.id, name: who.name },
        })),
      };
    return cardActivity(card, summaryText(message, lang));
  }

  async update(to: Destination, reference: string, message: BotMessage): Promise<void> {
    if (!reference) return;
    const target = await this.target(to).catch((error: unknown) => {
      if (error instanceof UnreachableError) return undefined; // nobody to show it to any more
      throw error;
    });
    if (!target) return;
    const activity = addressed(
      toActivity(message, target.lang, target.userId, {}, this.addresses.contract),
      target.reference,
    );
    activity.id = reference;
    await this.sender.call(target.reference, (client) =>
      client.updateActivity(target.reference.conversation.id, reference, activity),
    );
  }
}
