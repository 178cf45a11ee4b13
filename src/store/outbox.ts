// The durable outbox: every piece of deferred work (prompts, reminders, closing a window, alerts,
// recomputing a scorecard) is written here first, with a deterministic id, and done by the worker.
// Items are claimed with a lease (an ETag-checked update), so two workers never run one item at
// once. The worker keeps a short lease alive while it works and gives it back when it stops, so an
// item whose worker died becomes due again within one short lease, and one stopped cleanly at once.
import { odata } from '@azure/data-tables';
import { runPooled } from '../util/pool.ts';
import { StoreError } from './errors.ts';
import { key, parseJson, sortable, type TableStore } from './tables.ts';

export interface OutboxItem {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  dueAt: number;
  attempts: number;
  lastError?: string;
}

export interface ClaimedItem {
  item: OutboxItem;
  etag: string;
}

const PENDING = 'pending';
/** From this many items an enqueue is written in transactions of 100. */
const BATCH_FROM = 50;

function uniqueById<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
const DEAD = 'dead';

export class OutboxStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  private pk(state: string): string {
    return key(this.contract, state);
  }

  /** Adds items that are not there yet (same id: nothing changes), so enqueueing is idempotent. */
  async enqueue(items: Omit<OutboxItem, 'attempts'>[]): Promise<number> {
    // A fan-out of new items (a survey round's thousand prompts) goes in batches of 100, one
    // transaction each; a batch in which some item exists already (Azure refuses the whole batch)
    // is added item by item below, so that the existing ones stay as they are.
    if (items.length >= BATCH_FROM) {
      let added = 0;
      const rest: Omit<OutboxItem, 'attempts'>[] = [];
      for (let i = 0; i < items.length; i += 100) {
        const chunk = uniqueById(items.slice(i, i + 100));
        try {
          await this.tables.transact(
            'outbox',
            chunk.map((item) => ['create', this.entity({ ...item, attempts: 0 }, 0)]),
          );
          added += chunk.length;
        } catch (error) {
          if (!(error instanceof StoreError) || (error.kind !== 'exists' && error.kind !== 'conflict'))
            throw error;
          rest.push(...chunk);
        }
      }
      return added + (await this.enqueueEach(rest));
    }
    return this.enqueueEach(items);
  }

  private async enqueueEach(items: Omit<OutboxItem, 'attempts'>[]): Promise<number> {
    let added = 0;
    // A few at once: a fan-out of hundreds (an import, a large session) is written in a fraction of
    // the time, and the order does not matter, as the worker takes items by due time.
    await runPooled(8, items, async (item) => {
      try {
        await this.tables.create('outbox', this.entity({ ...item, attempts: 0 }, 0));
        added += 1;
      } catch (error) {
        if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
      }
    });
    return added;
  }

  /** Items due now and not leased to a worker, oldest first. */
  async due(now: number, limit: number): Promise<ClaimedItem[]> {
    const at = sortable(now);
    const rows = await this.tables.query(
      'outbox',
      odata`PartitionKey eq ${this.pk(PENDING)} and dueAt le ${at} and leaseUntil le ${at}`,
    );
    return rows
      .map((row) => ({ item: parseJson<OutboxItem>(row), etag: row.etag }))
      .sort((a, b) => a.item.dueAt - b.item.dueAt)
      .slice(0, limit);
  }

  async pending(): Promise<OutboxItem[]> {
    const rows = await this.tables.list('outbox', this.pk(PENDING));
    return rows.map((row) => parseJson<OutboxItem>(row));
  }

  /** Takes an item for `leaseMs`; undefined when another worker took it first. */
  async claim(claimed: ClaimedItem, now: number, leaseMs: number): Promise<ClaimedItem | undefined> {
    return this.replaceHeld(claimed, { ...claimed.item, attempts: claimed.item.attempts + 1 }, now + leaseMs);
  }

  /** Extends a lease this worker still holds; undefined when it was lost (another worker has the item). */
  async renew(claimed: ClaimedItem, now: number, leaseMs: number): Promise<ClaimedItem | undefined> {
    return this.replaceHeld(claimed, claimed.item, now + leaseMs);
  }

  /**
   * Gives an item back unfinished (the worker is stopping): due at once for the next worker, and the
   * attempt taken by the claim undone, as stopping is not the item's failure. False when the lease
   * was lost already.
   */
  async release(claimed: ClaimedItem): Promise<boolean> {
    const item = { ...claimed.item, attempts: Math.max(0, claimed.item.attempts - 1) };
    return (await this.replaceHeld(claimed, item, 0)) !== undefined;
  }

  private async replaceHeld(
    claimed: ClaimedItem,
    item: OutboxItem,
    leaseUntil: number,
  ): Promise<ClaimedItem | undefined> {
    try {
      const etag = await this.tables.replace('outbox', this.entity(item, leaseUntil), claimed.etag);
      return { item, etag };
    } catch (error) {
      if (error instanceof StoreError && (error.kind === 'conflict' || error.kind === 'not-found'))
        return undefined;
      throw error;
    }
  }

  async complete(claimed: ClaimedItem): Promise<void> {
    await this.tables.delete('outbox', this.pk(PENDING), key(claimed.item.id), claimed.etag);
  }

  /** Puts a failed item back for later, or aside once it has failed too often. */
  async retryLater(
    claimed: ClaimedItem,
    error: string,
    dueAt: number,
    maxAttempts: number,
  ): Promise<'retry' | 'dead'> {
    const item = { ...claimed.item, dueAt, lastError: error.slice(0, 1000) };
    if (item.attempts >= maxAttempts) {
      await this.tables
        .create('outbox', { ...this.entity(item, 0), partitionKey: this.pk(DEAD) })
        .catch(() => {});
      await this.complete(claimed);
      return 'dead';
    }
    await this.tables.replace('outbox', this.entity(item, 0), claimed.etag);
    return 'retry';
  }

  /**
   * Makes the waiting items of a kind due now, in the order they were queued (`payload.queuedAt`,
   * else their due time): an alert channel was set. Items leased right now are left to their worker.
   */
  async wake(kind: string, now: number): Promise<number> {
    const rows = await this.tables.query(
      'outbox',
      odata`PartitionKey eq ${this.pk(PENDING)} and kind eq ${kind} and dueAt gt ${sortable(now)} and leaseUntil le ${sortable(now)}`,
    );
    let woken = 0;
    for (const row of rows) {
      const item = parseJson<OutboxItem>(row);
      const queuedAt = Number(item.payload.queuedAt ?? now);
      try {
        await this.tables.replace(
          'outbox',
          this.entity({ ...item, dueAt: Math.min(queuedAt, now) }, 0),
          row.etag,
        );
        woken += 1;
      } catch (error) {
        if (!(error instanceof StoreError) || error.kind !== 'conflict') throw error;
      }
    }
    return woken;
  }

  async dead(): Promise<OutboxItem[]> {
    return (await this.tables.list('outbox', this.pk(DEAD))).map((row) => parseJson<OutboxItem>(row));
  }

  private entity(item: OutboxItem, leaseUntil: number) {
    return {
      partitionKey: this.pk(PENDING),
      rowKey: key(item.id),
      kind: item.kind,
      dueAt: sortable(item.dueAt),
      leaseUntil: sortable(leaseUntil),
      json: JSON.stringify(item),
    };
  }
}
