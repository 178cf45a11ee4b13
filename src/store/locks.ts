// Short leases on a name in the store (PK = contract|locks, RK = the name), so that one piece of
// work runs at a time across instances: a scorecard's reconciliation with its findings, which
// reads them, queues an alert and writes them. A lease a crashed holder left runs out by itself.
import { StoreError } from './errors.ts';
import { key, type TableStore } from './tables.ts';

export interface Lease {
  name: string;
  etag: string;
}

export class LockStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  private pk(): string {
    return key(this.contract, 'locks');
  }

  /** Takes `name` until `now + ms`; undefined while someone else holds it. */
  async acquire(name: string, now: number, ms: number): Promise<Lease | undefined> {
    const entity = { partitionKey: this.pk(), rowKey: key(name), json: '{}', until: now + ms };
    try {
      await this.tables.create('outbox', entity);
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
      const held = await this.tables.get('outbox', this.pk(), key(name));
      if (!held) return this.acquire(name, now, ms);
      if (Number(held.until ?? 0) > now) return undefined;
      try {
        await this.tables.replace('outbox', entity, held.etag); // ran out: taken over
      } catch (raced) {
        if (raced instanceof StoreError && raced.kind === 'conflict') return undefined;
        throw raced;
      }
    }
    const row = await this.tables.get('outbox', this.pk(), key(name));
    return row ? { name, etag: row.etag } : undefined;
  }

  /** Gives the lease back (unless it ran out and someone else took it). */
  async release(lease: Lease): Promise<void> {
    await this.tables.delete('outbox', this.pk(), key(lease.name), lease.etag).catch((error: unknown) => {
      if (!(error instanceof StoreError) || (error.kind !== 'conflict' && error.kind !== 'not-found'))
        throw error;
    });
  }
}
