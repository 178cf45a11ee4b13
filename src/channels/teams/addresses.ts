// Where Teams reaches each person: the conversation reference from the install or their first
// message, kept per person (PK = contract|teams, RK = person|id), the Teams user → person index
// (RK = user|aadObjectId and user|teamsUserId), and the alert channel (RK = alerts). What was sent per
// idempotency key is kept apart (PK = contract|teams-sent), so that a delivery run twice shows once.
import type { ConversationReference } from '@microsoft/agents-activity';
import { StoreError } from '../../store/errors.ts';
import { key, parseJson, type TableStore } from '../../store/tables.ts';

export interface TeamsAddress {
  person: string;
  reference: ConversationReference;
  /** The Teams user id (29:…) and Entra object id, as the activity gave them. */
  userId: string;
  aadObjectId?: string;
  /** The person's language, from the activity's locale. */
  lang: 'nl' | 'en';
  reachable: boolean;
  /** Why the person cannot be reached (the connector's answer), when not reachable. */
  reason?: string;
  updatedAt: number;
}

export interface SentRecord {
  activityId: string;
  conversationId: string;
  serviceUrl: string;
}

export class TeamsAddressStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  private get pk(): string {
    return key(this.contract, 'teams');
  }

  async get(person: string): Promise<TeamsAddress | undefined> {
    const row = await this.tables.get('addresses', this.pk, key('person', person));
    return row ? parseJson<TeamsAddress>(row) : undefined;
  }

  /** Stores (or refreshes) a person's address and the index rows that find them from an activity. */
  async save(address: TeamsAddress): Promise<void> {
    await this.tables.upsert('addresses', {
      partitionKey: this.pk,
      rowKey: key('person', address.person),
      json: JSON.stringify(address),
    });
    const ids = [address.userId, address.aadObjectId].filter((id): id is string => Boolean(id));
    for (const id of ids) {
      await this.tables.upsert('addresses', {
        partitionKey: this.pk,
        rowKey: key('user', id),
        json: JSON.stringify({ person: address.person }),
      });
    }
  }

  /** The person an activity's sender was matched to before, by Entra object id or Teams user id. */
  async personOf(ids: (string | undefined)[]): Promise<string | undefined> {
    for (const id of ids) {
      if (!id) continue;
      const row = await this.tables.get('addresses', this.pk, key('user', id));
      if (row) return parseJson<{ person: string }>(row).person;
    }
    return undefined;
  }

  async markUnreachable(person: string, reason: string, now: number): Promise<void> {
    const address = await this.get(person);
    if (address?.reachable === false && address.reason === reason) return;
    if (address) await this.save({ ...address, reachable: false, reason, updatedAt: now });
  }

  async alertChannel(): Promise<ConversationReference | undefined> {
    const row = await this.tables.get('addresses', this.pk, 'alerts');
    return row ? parseJson<{ reference: ConversationReference }>(row).reference : undefined;
  }

  async setAlertChannel(reference: ConversationReference, by: string, now: number): Promise<void> {
    await this.tables.upsert('addresses', {
      partitionKey: this.pk,
      rowKey: 'alerts',
      json: JSON.stringify({ reference, by, at: now }),
    });
  }

  async sent(idempotencyKey: string): Promise<SentRecord | undefined> {
    const row = await this.tables.get('addresses', key(this.contract, 'teams-sent'), key(idempotencyKey));
    return row ? parseJson<SentRecord>(row) : undefined;
  }

  async recordSent(idempotencyKey: string, sent: SentRecord): Promise<void> {
    try {
      await this.tables.create('addresses', {
        partitionKey: key(this.contract, 'teams-sent'),
        rowKey: key(idempotencyKey),
        json: JSON.stringify(sent),
      });
    } catch (error) {
      if (!(error instanceof StoreError && error.kind === 'exists')) throw error;
    }
  }
}
