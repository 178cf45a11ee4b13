// Where a chat channel reaches each person, per contract and channel (PK = contract|teams,
// contract|slack): the person's address (RK = person|id) and whether it still reaches them, the
// platform user → person index (RK = user|id), and the alert channel (RK = alerts). What was sent
// per idempotency key (PK = contract|<channel>-sent) makes a delivery run twice show once; the
// deliveries already handled (PK = contract|<channel>-seen) make a duplicate delivery change nothing.
import { TtlCache } from '../util/ttl-cache.ts';
import { StoreError } from './errors.ts';
import { key, parseJson, type TableStore } from './tables.ts';

export interface Address {
  person: string;
  reachable: boolean;
  /** Why the person cannot be reached (the platform's answer), when not reachable. */
  reason?: string;
  updatedAt: number;
}

export interface SentRecord {
  /** The platform's id of the message (Teams activity id, Slack ts). */
  messageId: string;
  conversationId: string;
}

/** How long a platform user → person match read here is used before it is read again. */
const MATCH_TTL_MS = 60_000;

export class AddressBook<A extends Address, Target> {
  /** Platform user → person ('' for none), as read or written here: no read per request when warm. */
  private readonly matches = new TtlCache<string>(MATCH_TTL_MS);

  constructor(
    private readonly tables: TableStore,
    readonly contract: string,
    private readonly channel: 'teams' | 'slack',
  ) {}

  private pk(suffix = ''): string {
    return key(this.contract, `${this.channel}${suffix}`);
  }

  async get(person: string): Promise<A | undefined> {
    const row = await this.tables.get('addresses', this.pk(), key('person', person));
    return row ? parseJson<A>(row) : undefined;
  }

  /** Stores (or refreshes) a person's address, and the index rows that find them from the platform's ids. */
  async save(address: A, platformIds: (string | undefined)[]): Promise<void> {
    await this.tables.upsert('addresses', {
      partitionKey: this.pk(),
      rowKey: key('person', address.person),
      json: JSON.stringify(address),
    });
    for (const id of platformIds) {
      if (!id) continue;
      await this.tables.upsert('addresses', {
        partitionKey: this.pk(),
        rowKey: key('user', id),
        json: JSON.stringify({ person: address.person }),
      });
      this.matches.set(id, address.person);
    }
  }

  /** The person a platform user was matched to before. */
  async personOf(ids: (string | undefined)[]): Promise<string | undefined> {
    for (const id of ids) {
      if (!id) continue;
      const known = this.matches.get(id);
      if (known) return known;
      // Known to match nobody here (a person of another contract): not read again for a while.
      if (known === '') continue;
      const row = await this.tables.get('addresses', this.pk(), key('user', id));
      if (!row) {
        this.matches.set(id, '');
        continue;
      }
      const { person } = parseJson<{ person: string }>(row);
      this.matches.set(id, person);
      return person;
    }
    return undefined;
  }

  async markUnreachable(person: string, reason: string, now: number): Promise<void> {
    const address = await this.get(person);
    if (address?.reachable === false && address.reason === reason) return;
    if (address) await this.save({ ...address, reachable: false, reason, updatedAt: now }, []);
  }

  async alertChannel(): Promise<Target | undefined> {
    const row = await this.tables.get('addresses', this.pk(), 'alerts');
    return row ? parseJson<{ target: Target }>(row).target : undefined;
  }

  async setAlertChannel(target: Target, by: string, now: number): Promise<void> {
    await this.tables.upsert('addresses', {
      partitionKey: this.pk(),
      rowKey: 'alerts',
      json: JSON.stringify({ target, by, at: now }),
    });
  }

  async sent(idempotencyKey: string): Promise<SentRecord | undefined> {
    const row = await this.tables.get('addresses', this.pk('-sent'), key(idempotencyKey));
    return row ? parseJson<SentRecord>(row) : undefined;
  }

  async recordSent(idempotencyKey: string, sent: SentRecord): Promise<void> {
    await this.createOnce(this.pk('-sent'), key(idempotencyKey), sent);
  }

  /** Whether this is the first time a delivery (an activity, an event) is seen. */
  async firstDelivery(id: string, now: number): Promise<boolean> {
    return this.createOnce(this.pk('-seen'), key(id), { at: now });
  }

  private async createOnce(partitionKey: string, rowKey: string, value: unknown): Promise<boolean> {
    try {
      await this.tables.create('addresses', { partitionKey, rowKey, json: JSON.stringify(value) });
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'exists') return false;
      throw error;
    }
  }
}
