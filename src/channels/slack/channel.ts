// Slack as a channel of the core: a person of the records is found by their Slack id in the records
// or by e-mail (users.lookupByEmail), their DM opened once (conversations.open) and kept; messages
// go out with chat.postMessage and are updated with chat.update, files with files.uploadV2. Every call keeps to Slack's tiers
// (chat.postMessage about one a second per channel; lookups and updates tier 3, 50 a minute) and a
// 429 is waited out for its Retry-After, or handed to the outbox when the wait is long.
import { ErrorCode, WebClient } from '@slack/web-api';
import type { Clock } from '../../clock.ts';
import type { Person } from '../../domain/records.ts';
import { DEFAULT_LANG, type Lang } from '../../i18n.ts';
import type { MentionWriter } from '../../render/alert-view.ts';
import { renderBlocks } from '../../render/blocks.ts';
import { type Address, AddressBook } from '../../store/addresses.ts';
import type { TableStore } from '../../store/tables.ts';
import type { BotMessage, Channel, ChannelFile, Destination, SendOptions } from '../channel.ts';
import { tagBlocks } from '../contract-tag.ts';
import { DeferredDelivery, type LimitWindow, SendLimiter, UnreachableError } from '../delivery.ts';

export interface SlackAddress extends Address {
  userId: string;
  /** The DM channel with the bot. */
  channel: string;
}

export class SlackAddressBook extends AddressBook<SlackAddress, { channel: string }> {
  constructor(tables: TableStore, contract: string) {
    super(tables, contract, 'slack');
  }
}

const PER_CHANNEL: readonly LimitWindow[] = [{ count: 1, ms: 1_000 }];
const TIER_3: readonly LimitWindow[] = [{ count: 50, ms: 60_000 }];
const MAX_INLINE_WAIT_MS = 15_000;
/** A person Slack did not find is looked up again after this long (they may have joined since). */
const LOOKUP_AGAIN_MS = 24 * 3_600_000;

/** Slack's answers that mean "this person cannot be reached this way". */
const UNREACHABLE = new Set([
  'users_not_found',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'account_inactive',
]);

export interface SlackSenderOptions {
  token: string;
  apiUrl: string;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
}

/** Web API calls within Slack's limits; a 429 waits for its Retry-After (inline or via the outbox). */
export class SlackSender {
  readonly client: WebClient;
  private readonly limiter: SendLimiter;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: SlackSenderOptions) {
    this.client = new WebClient(options.token, {
      slackApiUrl: options.apiUrl,
      // Rate limits are ours to handle: through the limiter and the outbox, not a hidden queue.
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.limiter = new SendLimiter(options.clock, this.sleep);
  }

  async call<T>(
    method: string,
    limits: { key: string; windows: readonly LimitWindow[] }[],
    work: () => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.limiter.acquire(limits);
      try {
        return await work();
      } catch (error) {
        const e = error as { code?: string; retryAfter?: number };
        if (e.code !== ErrorCode.RateLimitedError) throw error;
        const wait = Math.max(1, e.retryAfter ?? 1) * 1_000;
        if (attempt >= 3 || wait > MAX_INLINE_WAIT_MS)
          throw new DeferredDelivery(wait, `Slack ${method} answered 429`);
        await this.sleep(wait);
      }
    }
  }

  postMessage(channel: string, message: { text: string; blocks: unknown[] }) {
    return this.call('chat.postMessage', [{ key: `post|${channel}`, windows: PER_CHANNEL }], () =>
      this.client.chat.postMessage({ channel, ...message } as never),
    );
  }

  update(channel: string, ts: string, message: { text: string; blocks: unknown[] }) {
    return this.call('chat.update', [{ key: 'chat.update', windows: TIER_3 }], () =>
      this.client.chat.update({ channel, ts, ...message } as never),
    );
  }

  /** files.uploadV2: the upload URL asked (files.getUploadURLExternal), the bytes sent, the upload completed in the channel. */
  uploadFile(channel: string, file: ChannelFile) {
    return this.call('files.uploadV2', [{ key: 'files.upload', windows: TIER_3 }], () =>
      this.client.filesUploadV2({
        channel_id: channel,
        file: file.content,
        filename: file.name,
        title: file.title,
        initial_comment: file.comment,
      }),
    );
  }

  lookupByEmail(email: string) {
    return this.call('users.lookupByEmail', [{ key: 'users.lookupByEmail', windows: TIER_3 }], () =>
      this.client.users.lookupByEmail({ email }),
    );
  }

  openDm(user: string) {
    return this.call('conversations.open', [{ key: 'conversations.open', windows: TIER_3 }], () =>
      this.client.conversations.open({ users: user }),
    );
  }

  userInfo(user: string) {
    return this.call('users.info', [{ key: 'users.info', windows: [{ count: 100, ms: 60_000 }] }], () =>
      this.client.users.info({ user, include_locale: true }),
    );
  }
}

function slackError(error: unknown): string | undefined {
  return (error as { data?: { error?: string } })?.data?.error;
}

export class SlackChannel implements Channel {
  readonly id = 'slack' as const;

  constructor(
    readonly addresses: SlackAddressBook,
    private readonly sender: SlackSender,
    private readonly people: () => Promise<Map<string, Person>>,
    private readonly clock: Clock,
  ) {}

  /** Each person's language at send time; the core is made after the channel, so the app hands it over. */
  private languageOf: (person: string) => Promise<Lang> = async () => DEFAULT_LANG;

  useLanguages(languageOf: (person: string) => Promise<Lang>): void {
    this.languageOf = languageOf;
  }

  /** The language of a destination: the person's own, or Dutch for the alert channel. */
  private langOf(to: Destination): Promise<Lang> {
    return 'alertChannel' in to ? Promise.resolve(DEFAULT_LANG) : this.languageOf(to.person);
  }

  /** Finds the person in Slack (their id in the records, else their e-mail) and opens their DM once. */
  async resolve(personId: string): Promise<SlackAddress | undefined> {
    const now = this.clock.now();
    const known = await this.addresses.get(personId);
    if (known?.reachable) return known;
    if (known && now - known.updatedAt < LOOKUP_AGAIN_MS) return undefined;
    const person = (await this.people()).get(personId);
    if (!person) return undefined;
    let userId = person.slackId;
    try {
      if (!userId && person.email) userId = (await this.sender.lookupByEmail(person.email)).user?.id;
      if (!userId)
        throw Object.assign(new Error('no slack id or e-mail'), { data: { error: 'users_not_found' } });
      const channel = (await this.sender.openDm(userId)).channel?.id;
      if (!channel) throw Object.assign(new Error('no DM'), { data: { error: 'cannot_dm_bot' } });
      const address: SlackAddress = { person: personId, userId, channel, reachable: true, updatedAt: now };
      await this.addresses.save(address, [userId]);
      return address;
    } catch (error) {
      const code = slackError(error);
      if (!code || !UNREACHABLE.has(code)) throw error;
      await this.addresses.save(
        {
          person: personId,
          userId: userId ?? '',
          channel: '',
          reachable: false,
          reason: code,
          updatedAt: now,
        },
        [],
      );
      return undefined;
    }
  }

  /** A critical alert names the contract managers: as Slack mentions, for those Slack knows. */
  private async mentionsIn(message: BotMessage): Promise<MentionWriter | undefined> {
    if (message.kind !== 'alert' || !message.alert.mention?.length) return undefined;
    const ids = new Map<string, string>();
    for (const { person } of message.alert.mention) {
      const address = await this.resolve(person).catch(() => undefined);
      if (address?.userId) ids.set(person, address.userId);
    }
    return (person) => {
      const id = ids.get(person);
      return id ? `<@${id}>` : undefined;
    };
  }

  private async target(to: Destination): Promise<{ channel: string; person?: string } | undefined> {
    if ('alertChannel' in to) return this.addresses.alertChannel();
    const address = await this.resolve(to.person);
    if (!address) throw new UnreachableError('slack', to.person, 'not found in Slack');
    return { channel: address.channel, person: to.person };
  }

  /** A file in the person's DM with the bot (files.uploadV2); the same key twice is uploaded once. */
  async sendFile(person: string, file: ChannelFile, options: SendOptions): Promise<string> {
    const address = await this.resolve(person);
    if (!address) throw new UnreachableError('slack', person, 'not found in Slack');
    const already = await this.addresses.sent(options.idempotencyKey);
    if (already) return `${already.conversationId}|${already.messageId}`;
    const response = await this.sender.uploadFile(address.channel, file);
    const uploaded =
      (response.files as { files?: { id?: string }[] }[] | undefined)?.[0]?.files?.[0]?.id ?? '';
    await this.addresses.recordSent(options.idempotencyKey, {
      messageId: uploaded,
      conversationId: address.channel,
    });
    return `${address.channel}|${uploaded}`;
  }

  async send(to: Destination, message: BotMessage, options: SendOptions): Promise<string> {
    const target = await this.target(to);
    if (!target) return ''; // no Slack alert channel set
    const already = await this.addresses.sent(options.idempotencyKey);
    if (already) return `${already.conversationId}|${already.messageId}`;
    try {
      const lang = await this.langOf(to);
      const mention = await this.mentionsIn(message);
      const rendered = tagBlocks(renderBlocks(message, lang, mention), this.addresses.contract);
      const response = await this.sender.postMessage(target.channel, rendered);
      const ts = String(response.ts ?? '');
      await this.addresses.recordSent(options.idempotencyKey, {
        messageId: ts,
        conversationId: target.channel,
      });
      return `${target.channel}|${ts}`;
    } catch (error) {
      const code = slackError(error);
      if (target.person && code && ['channel_not_found', 'is_archived', 'user_disabled'].includes(code)) {
        await this.addresses.markUnreachable(target.person, code, this.clock.now());
        throw new UnreachableError('slack', target.person, code);
      }
      throw error;
    }
  }

  async update(to: Destination, reference: string, message: BotMessage): Promise<void> {
    const [channel, ts] = reference.split('|');
    if (!channel || !ts) return;
    const rendered = renderBlocks(message, await this.langOf(to));
    await this.sender.update(channel, ts, tagBlocks(rendered, this.addresses.contract));
  }
}
