// The local web channel: what the bot "sends" is stored in the person's conversation in the store,
// and the page at http://localhost:3978/ shows it. It reaches everyone in the records; it is for
// trying the product on one machine, without accounts.
import type { Clock } from '../../clock.ts';
import type { ConversationStore } from '../../store/conversations.ts';
import type { BotMessage, Channel, Destination, SendOptions } from '../channel.ts';

export class LocalChannel implements Channel {
  readonly id = 'local' as const;

  constructor(
    private readonly conversations: ConversationStore,
    private readonly clock: Clock,
  ) {}

  async send(to: Destination, message: BotMessage, options: SendOptions): Promise<string> {
    const person = 'person' in to ? to.person : undefined;
    await this.conversations.append(person, {
      id: options.idempotencyKey,
      at: this.clock.now(),
      from: 'bot',
      message,
    });
    return options.idempotencyKey;
  }

  async update(to: Destination, reference: string, message: BotMessage): Promise<void> {
    await this.conversations.update('person' in to ? to.person : undefined, reference, message);
  }
}
