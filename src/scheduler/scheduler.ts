// The scheduler: jobs that say which occurrences are due at a moment (a survey round per supplier
// and period, later daily recomputations and deadlines), each claimed once in the store and handed
// to the outbox, which does the work durably. `tick(now)` is the whole mechanism: node-cron calls it
// in the contract's time zone (see cron.ts), the start calls it once (catch-up: every occurrence
// missed while the bot was down is due and unclaimed), and tests call it with an injected clock.
import { randomUUID } from 'node:crypto';
import type { Core } from '../flows/core.ts';
import type { OutboxItem } from '../store/outbox.ts';
import { ClaimStore } from './claims.ts';

/** One occurrence of a job: its id (unique within the job) and the outbox item that does its work. */
export interface Occurrence {
  id: string;
  item: Omit<OutboxItem, 'attempts'>;
}

export interface ScheduledJob {
  name: string;
  /** Every occurrence due at `now` (claimed or not: the scheduler skips the claimed ones). */
  due(core: Core, now: number): Promise<Occurrence[]>;
}

export interface TickResult {
  /** Occurrences this instance claimed and queued. */
  claimed: string[];
  /** Occurrences claimed before whose outbox item was missing and is queued again. */
  requeued: string[];
}

/** A claim older than this that is still not marked queued was left by a crash: queue it again. */
const STALE_CLAIM_MS = 60_000;

export class Scheduler {
  readonly instance: string;
  private readonly claims: ClaimStore;

  constructor(
    private readonly core: Core,
    private readonly jobs: readonly ScheduledJob[],
    instance: string = randomUUID(),
  ) {
    this.instance = instance;
    this.claims = new ClaimStore(core.tables, core.contract);
  }

  async tick(now = this.core.clock.now()): Promise<TickResult> {
    const result: TickResult = { claimed: [], requeued: [] };
    for (const job of this.jobs) {
      const due = await job.due(this.core, now);
      if (due.length === 0) continue;
      const claims = await this.claims.claims(job.name);
      for (const occurrence of due) {
        const existing = claims.get(occurrence.id);
        if (existing) {
          if (existing.claim.state === 'claimed' && now - existing.claim.claimedAt >= STALE_CLAIM_MS) {
            await this.core.outbox.enqueue([occurrence.item]);
            await this.claims.markQueued(existing);
            result.requeued.push(`${job.name}:${occurrence.id}`);
          }
          continue;
        }
        if (!(await this.claims.claim(job.name, occurrence.id, now, this.instance))) continue;
        await this.core.outbox.enqueue([occurrence.item]);
        const claimed = await this.claims.get(job.name, occurrence.id);
        if (claimed) await this.claims.markQueued(claimed);
        result.claimed.push(`${job.name}:${occurrence.id}`);
      }
    }
    return result;
  }
}
