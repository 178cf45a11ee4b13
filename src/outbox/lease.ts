// One outbox item while a worker holds it: its lease kept alive while the handler runs, and every
// store operation on it (renew, complete, retry, give back) made one at a time with the latest ETag.
//
// Why a short lease renewed by a heartbeat, not one long lease or leases tied to an instance: a long
// lease (it was 2 minutes) is what a crashed worker's items wait out. Tying leases to an instance's
// liveness needs that liveness known, and with several instances on one storage account that is a
// heartbeat row with a timeout again, plus a table to keep. A 15 s lease renewed every 5 s needs
// nothing new, costs a write only for an item whose handler runs longer than 5 s (rate-limit waits),
// survives two failed renewals, and brings a dead worker's items back within 15 s.
import type { Core } from '../flows/core.ts';
import { StoreError } from '../store/errors.ts';
import type { ClaimedItem } from '../store/outbox.ts';

export const LEASE_MS = 15_000;

export interface FlightOptions {
  leaseMs: number;
  renewEveryMs: number;
  log: (line: string) => void;
}

type State = 'held' | 'done' | 'released' | 'lost';

export class Flight {
  private state: State = 'held';
  private chain: Promise<unknown> = Promise.resolve();
  private readonly heartbeat: NodeJS.Timeout;
  private resolveSettled: () => void = () => {};
  /** Resolves when the worker is done with the item (finished, put back, given back or lost). */
  readonly settled = new Promise<void>((resolve) => {
    this.resolveSettled = resolve;
  });

  constructor(
    private readonly core: Core,
    public claimed: ClaimedItem,
    private readonly options: FlightOptions,
  ) {
    this.heartbeat = setInterval(() => void this.renew(), options.renewEveryMs);
    this.heartbeat.unref();
  }

  get id(): string {
    return this.claimed.item.id;
  }

  /** Marks the item done; false when the lease was lost or given back meanwhile. */
  complete(): Promise<boolean> {
    return this.whileHeld(false, async () => {
      await this.core.outbox.complete(this.claimed);
      this.state = 'done';
      return true;
    });
  }

  /** Puts a failed item back for later (or aside); 'lost' when another worker has it now. */
  retryLater(message: string, dueAt: number, maxAttempts: number): Promise<'retry' | 'dead' | 'lost'> {
    return this.whileHeld('lost' as const, async () => {
      const outcome = await this.core.outbox.retryLater(this.claimed, message, dueAt, maxAttempts);
      this.state = 'done';
      return outcome;
    });
  }

  /** Gives the item back unfinished, due at once; false when it was not held any more or the store is gone. */
  release(): Promise<boolean> {
    return this.whileHeld(false, async () => {
      if (!(await this.core.outbox.release(this.claimed))) throw lostLease();
      this.state = 'released';
      return true;
    }).catch(() => false); // the store is unreachable: the lease then runs out within LEASE_MS
  }

  /** The worker is done with the item: no more renewals. */
  end(): void {
    clearInterval(this.heartbeat);
    this.resolveSettled();
  }

  private renew(): Promise<void> {
    return this.whileHeld(undefined, async () => {
      const renewed = await this.core.outbox.renew(this.claimed, this.core.clock.now(), this.options.leaseMs);
      if (!renewed) throw lostLease();
      this.claimed = renewed;
    }).catch(() => {}); // the store is unreachable: the next beat tries again, the lease holds till then
  }

  /** Runs one operation on the item at a time, and only while this worker holds it. */
  private whileHeld<T>(otherwise: T, operation: () => Promise<T>): Promise<T> {
    const next = this.chain.then(async () => {
      if (this.state !== 'held') return otherwise;
      try {
        return await operation();
      } catch (error) {
        if (!(error instanceof StoreError && error.kind === 'conflict')) throw error;
        // Another worker claimed it after our lease ran out (renewals failed, or the process was
        // paused): it runs the item now, and its handler's effects are idempotent.
        this.state = 'lost';
        this.options.log(`[outbox] ${this.id}: lease lost, another worker has taken the item over.`);
        return otherwise;
      }
    });
    this.chain = next.catch(() => {});
    return next;
  }
}

function lostLease(): StoreError {
  return new StoreError('conflict', 'the outbox item was taken over by another worker');
}
