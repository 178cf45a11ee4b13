// The local web channel's side of the conversation: what the bot said to each person (PK =
// contract|local|person) and what it posted to the alert channel (PK = contract|local-alerts).
// A delivery's id is the outbox item's id, so delivering twice stores one message.
import type { BotMessage } from '../channels/channel.ts';
import { StoreError } from './errors.ts';
import { key, parseJson, type TableStore } from './tables.ts';

export interface LoggedMessage {
  id: string;
  at: number;
  /** Who said it: the bot, or the person (their command). */
  from: 'bot' | 'person';
  message: BotMessage;
}

export class ConversationStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  private pk(person: string | undefined): string {
    return person === undefined ? key(this.contract, 'local-alerts') : key(this.contract, 'local', person);
  }

  /** Stores a message once: a second delivery with the same id changes nothing. */
  async append(person: string | undefined, logged: LoggedMessage): Promise<boolean> {
    try {
      await this.tables.create('conversations', {
        partitionKey: this.pk(person),
        rowKey: key(logged.id),
        json: JSON.stringify(logged),
      });
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'exists') return false;
      throw error;
    }
  }

  /** Replaces a message the bot sent (a card that became a summary). */
  async update(person: string | undefined, id: string, message: BotMessage): Promise<void> {
    const row = await this.tables.get('conversations', this.pk(person), key(id));
    if (!row) throw new StoreError('not-found', `message ${id} not found`);
    const logged = parseJson<LoggedMessage>(row);
    const json = JSON.stringify({ ...logged, message });
    await this.tables.replace(
      'conversations',
      { partitionKey: row.partitionKey, rowKey: row.rowKey, json },
      row.etag,
    );
  }

  async list(person: string | undefined): Promise<LoggedMessage[]> {
    const rows = await this.tables.list('conversations', this.pk(person));
    return rows
      .map((row) => parseJson<LoggedMessage>(row))
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  }
}
