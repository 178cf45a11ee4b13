// The worker that drains the outbox: claims each due item with a lease, runs its handler, and
// completes it, or puts it back with exponential backoff (aside after too many attempts). Every
// handler's effects use deterministic keys, so an item run again after a crash changes nothing.
import type { AlertView } from '../channels/channel.ts';
import { DeferredDelivery } from '../channels/delivery.ts';
import { MINUTE } from '../clock.ts';
import type { Core } from '../flows/core.ts';
import {
  closeEvaluation,
  deliverPrompt,
  EVALUATION_JOBS,
  openEvaluation,
  refreshEvaluationMessages,
} from '../flows/evaluations.ts';
import { recomputeScorecard, SCORECARD_JOBS, sendAlert } from '../flows/scorecard.ts';
import type { ClaimedItem } from '../store/outbox.ts';
import { runPooled } from '../util/pool.ts';

type Handler = (core: Core, payload: never, itemId: string) => Promise<void>;

const HANDLERS: Record<string, Handler> = {
  [EVALUATION_JOBS.open]: openEvaluation as Handler,
  [EVALUATION_JOBS.prompt]: deliverPrompt as Handler,
  [EVALUATION_JOBS.remind]: deliverPrompt as Handler,
  [EVALUATION_JOBS.close]: closeEvaluation as Handler,
  [EVALUATION_JOBS.refresh]: refreshEvaluationMessages as Handler,
  [SCORECARD_JOBS.recompute]: recomputeScorecard as Handler,
  [SCORECARD_JOBS.alert]: ((core: Core, payload: { alert: AlertView }, id: string) =>
    sendAlert(core, payload, id)) as Handler,
};

export interface WorkerOptions {
  batch?: number;
  concurrency?: number;
  leaseMs?: number;
  maxAttempts?: number;
  log?: (line: string) => void;
}

export interface RunResult {
  done: number;
  retried: number;
  dead: number;
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  /** The outage being reported, so that a store that stays down is logged once, not every second. */
  private outage: string | undefined;
  private running: Promise<RunResult> | undefined;
  private readonly options: Required<WorkerOptions>;

  constructor(
    private readonly core: Core,
    options: WorkerOptions = {},
  ) {
    this.options = {
      batch: options.batch ?? 50,
      concurrency: options.concurrency ?? 8,
      leaseMs: options.leaseMs ?? 2 * MINUTE,
      maxAttempts: options.maxAttempts ?? 10,
      log: options.log ?? ((line) => console.log(line)),
    };
  }

  /** Runs everything that is due now, including what that work makes due now. */
  async runOnce(limit = Number.POSITIVE_INFINITY): Promise<RunResult> {
    const result: RunResult = { done: 0, retried: 0, dead: 0 };
    for (let rounds = 0; rounds < 50; rounds++) {
      const now = this.core.clock.now();
      const due = await this.core.outbox.due(now, Math.min(this.options.batch, limit - result.done));
      if (due.length === 0) break;
      await runPooled(this.options.concurrency, due, async (candidate) => {
        const claimed = await this.core.outbox.claim(candidate, this.core.clock.now(), this.options.leaseMs);
        if (!claimed) return; // another worker has it
        await this.process(claimed, result);
      });
      if (result.done >= limit) break;
    }
    return result;
  }

  private async process(claimed: ClaimedItem, result: RunResult): Promise<void> {
    const handler = HANDLERS[claimed.item.kind];
    try {
      if (!handler) throw new Error(`no handler for ${claimed.item.kind}`);
      await handler(this.core, claimed.item.payload as never, claimed.item.id);
      await this.core.outbox.complete(claimed);
      result.done += 1;
    } catch (error) {
      const attempt = claimed.item.attempts;
      // A platform that asks to wait (rate limit, Retry-After) gets exactly that wait, and such
      // waits count less towards setting the item aside than failures do.
      const deferred = error instanceof DeferredDelivery;
      const delay = deferred
        ? error.retryAfterMs
        : Math.min(10 * MINUTE, 2_000 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
      const message = error instanceof Error ? error.message : String(error);
      const outcome = await this.core.outbox.retryLater(
        claimed,
        message,
        this.core.clock.now() + delay,
        deferred ? this.options.maxAttempts * 5 : this.options.maxAttempts,
      );
      if (outcome === 'dead') {
        result.dead += 1;
        this.options.log(`[outbox] ${claimed.item.id} failed ${attempt} times and was set aside: ${message}`);
      } else {
        result.retried += 1;
        this.options.log(
          `[outbox] ${claimed.item.id} failed (attempt ${attempt}), retried later: ${message}`,
        );
      }
    }
  }

  /** Polls the outbox every `intervalMs` until stopped. */
  start(intervalMs = 1_000): void {
    const tick = async () => {
      this.running = this.runOnce()
        .then((result) => {
          if (this.outage) this.options.log('[outbox] the store answers again; sending resumes.');
          this.outage = undefined;
          return result;
        })
        .catch((error: unknown) => {
          const message = (error as Error).message;
          if (this.outage !== message)
            this.options.log(`[outbox] the worker cannot read the outbox: ${message}`);
          this.outage = message;
          return { done: 0, retried: 0, dead: 0 };
        });
      await this.running;
      if (this.timer !== undefined) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = undefined;
    if (timer) clearTimeout(timer);
    await this.running;
  }
}
