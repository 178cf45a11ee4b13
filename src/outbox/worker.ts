// The worker that drains the outbox: claims each due item with a lease, runs its handler, and
// completes it, or puts it back with exponential backoff (aside after too many attempts). Every
// handler's effects use deterministic keys, so an item run again after a crash changes nothing.
// Stopping is quick whatever is queued: no new claims, a short grace for the items under way, and
// the rest given back (see lease.ts), so that the next start or another instance takes them at once.
import { DeferredDelivery, WaitingForSetup } from '../channels/delivery.ts';
import { MINUTE } from '../clock.ts';
import { ALERT_JOBS, sendAlert, sendAlertNotice, tellAlertsWaiting } from '../flows/alerts.ts';
import type { Core } from '../flows/core.ts';
import { DAILY_JOBS, recomputeDaily } from '../flows/daily.ts';
import {
  closeEvaluation,
  deliverPrompt,
  EVALUATION_JOBS,
  openEvaluation,
  refreshEvaluationMessages,
} from '../flows/evaluations.ts';
import { inviteLate, LEF_DAY_JOBS, openAttendance } from '../flows/lef-days.ts';
import { MEETING_JOBS, prepareMeeting, sendAgenda } from '../flows/meetings.ts';
import { NOTICE_JOBS, sendNotice } from '../flows/notices.ts';
import { postPeriodSummary, SUMMARY_JOBS } from '../flows/period-summary.ts';
import { checkRecoveryOverdue, RECOVERY_JOBS } from '../flows/recovery-plans.ts';
import { REPORT_JOBS, uploadReport } from '../flows/report-upload.ts';
import { recomputeScorecard, SCORECARD_JOBS } from '../flows/scorecard.ts';
import { SURVEY_RESULT_JOBS, sendResults } from '../flows/survey-results.ts';
import { closeSurveyRound, openSurveyRound, SURVEY_JOBS } from '../flows/survey-rounds.ts';
import { runPooled } from '../util/pool.ts';
import { Flight, LEASE_MS } from './lease.ts';

type Handler = (core: Core, payload: never, itemId: string) => Promise<void>;

const HANDLERS: Record<string, Handler> = {
  [EVALUATION_JOBS.open]: openEvaluation as Handler,
  [EVALUATION_JOBS.prompt]: deliverPrompt as Handler,
  [EVALUATION_JOBS.remind]: deliverPrompt as Handler,
  [EVALUATION_JOBS.close]: closeEvaluation as Handler,
  [EVALUATION_JOBS.refresh]: refreshEvaluationMessages as Handler,
  [SCORECARD_JOBS.recompute]: recomputeScorecard as Handler,
  [SURVEY_JOBS.open]: openSurveyRound as unknown as Handler,
  [SURVEY_JOBS.close]: closeSurveyRound as Handler,
  [SURVEY_RESULT_JOBS.results]: sendResults as Handler,
  [DAILY_JOBS.scorecards]: recomputeDaily as Handler,
  [ALERT_JOBS.alert]: sendAlert as Handler,
  [ALERT_JOBS.notice]: sendAlertNotice as Handler,
  [ALERT_JOBS.waitingNotice]: tellAlertsWaiting as Handler,
  [RECOVERY_JOBS.overdue]: checkRecoveryOverdue as Handler,
  [SUMMARY_JOBS.summary]: postPeriodSummary as Handler,
  [LEF_DAY_JOBS.attendance]: openAttendance as Handler,
  [LEF_DAY_JOBS.invite]: inviteLate as Handler,
  [MEETING_JOBS.prepare]: prepareMeeting as Handler,
  [MEETING_JOBS.agenda]: sendAgenda as Handler,
  [NOTICE_JOBS.notice]: sendNotice as Handler,
  [REPORT_JOBS.upload]: uploadReport as Handler,
};

export interface WorkerOptions {
  batch?: number;
  concurrency?: number;
  /** How long a claim holds an item; renewed while its handler runs (see lease.ts). */
  leaseMs?: number;
  /** How often a held lease is renewed (default a third of `leaseMs`). */
  renewEveryMs?: number;
  maxAttempts?: number;
  log?: (line: string) => void;
}

export interface RunResult {
  done: number;
  retried: number;
  dead: number;
}

export interface StopOptions {
  /** How long the items under way may take to finish before they are given back (real time). */
  graceMs?: number;
}

export interface StopResult {
  /** Items under way when the stop began that finished within the grace. */
  finished: number;
  /** Items given back unfinished, due at once for the next worker. */
  released: number;
}

/** Long enough for most sends to finish, short enough that a stop stays well within 10 s. */
const STOP_GRACE_MS = 3_000;

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  /** The outage being reported, so that a store that stays down is logged once, not every second. */
  private outage: string | undefined;
  private running: Promise<RunResult> | undefined;
  private stopping = false;
  /** Items this worker holds now. */
  private readonly flights = new Set<Flight>();
  /** Claims sent to the store and not answered yet: a stop waits for them, to give back what they take. */
  private readonly claiming = new Set<Promise<unknown>>();
  private readonly options: Required<WorkerOptions>;

  constructor(
    private readonly core: Core,
    options: WorkerOptions = {},
  ) {
    const leaseMs = options.leaseMs ?? LEASE_MS;
    this.options = {
      batch: options.batch ?? 50,
      concurrency: options.concurrency ?? 8,
      leaseMs,
      renewEveryMs: options.renewEveryMs ?? Math.floor(leaseMs / 3),
      maxAttempts: options.maxAttempts ?? 10,
      log: options.log ?? ((line) => console.log(line)),
    };
  }

  /** Runs everything that is due now, including what that work makes due now; ends early on stop. */
  async runOnce(limit = Number.POSITIVE_INFINITY): Promise<RunResult> {
    const result: RunResult = { done: 0, retried: 0, dead: 0 };
    for (let rounds = 0; rounds < 50 && !this.stopping; rounds++) {
      const now = this.core.clock.now();
      const due = await this.core.outbox.due(now, Math.min(this.options.batch, limit - result.done));
      if (due.length === 0) break;
      await runPooled(this.options.concurrency, due, async (candidate) => {
        if (this.stopping) return;
        const claim = this.core.outbox.claim(candidate, this.core.clock.now(), this.options.leaseMs);
        this.claiming.add(claim);
        const claimed = await claim.finally(() => this.claiming.delete(claim));
        if (!claimed) return; // another worker has it
        const flight = new Flight(this.core, claimed, this.options);
        this.flights.add(flight);
        try {
          // A stop that began while the claim was on its way has given back the others already.
          if (this.stopping) await flight.release();
          else await this.process(flight, result);
        } finally {
          this.flights.delete(flight);
          flight.end();
        }
      });
      if (result.done >= limit) break;
    }
    return result;
  }

  private async process(flight: Flight, result: RunResult): Promise<void> {
    const { item } = flight.claimed;
    const handler = HANDLERS[item.kind];
    let failure: { error: unknown } | undefined;
    try {
      if (!handler) throw new Error(`no handler for ${item.kind}`);
      await handler(this.core, item.payload as never, item.id);
    } catch (error) {
      failure = { error };
    }
    if (!failure) {
      if (await flight.complete()) result.done += 1;
      return;
    }
    const { error } = failure;
    const attempt = item.attempts;
    // A platform that asks to wait (rate limit, Retry-After) gets exactly that wait, and such
    // waits count less towards setting the item aside than failures do.
    const deferred = error instanceof DeferredDelivery;
    const delay = deferred
      ? error.retryAfterMs
      : Math.min(10 * MINUTE, 2_000 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
    const message = error instanceof Error ? error.message : String(error);
    const outcome = await flight.retryLater(
      message,
      this.core.clock.now() + delay,
      error instanceof WaitingForSetup
        ? Number.POSITIVE_INFINITY
        : deferred
          ? this.options.maxAttempts * 5
          : this.options.maxAttempts,
    );
    if (outcome === 'dead') {
      result.dead += 1;
      this.options.log(`[outbox] ${item.id} failed ${attempt} times and was set aside: ${message}`);
    } else if (outcome === 'retry') {
      result.retried += 1;
      this.options.log(`[outbox] ${item.id} failed (attempt ${attempt}), retried later: ${message}`);
    }
  }

  /** Polls the outbox every `intervalMs` until stopped. */
  start(intervalMs = 1_000): void {
    this.stopping = false;
    const tick = async () => {
      this.running = this.runOnce()
        .then((result) => {
          if (this.outage) this.options.log('[outbox] the store answers again; sending resumes.');
          this.outage = undefined;
          return result;
        })
        .catch((error: unknown) => {
          const message = (error as Error).message;
          // Once stopping, the store may be going away under the last reads: nothing to report.
          if (this.outage !== message && !this.stopping)
            this.options.log(`[outbox] the worker cannot read the outbox: ${message}`);
          this.outage = message;
          return { done: 0, retried: 0, dead: 0 };
        });
      await this.running;
      if (this.timer !== undefined) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  /**
   * Stops claiming, lets the items under way finish within the grace, and gives back the rest
   * (their handlers may still be running: their effects are idempotent, like after a crash).
   */
  async stop(options: StopOptions = {}): Promise<StopResult> {
    this.stopping = true;
    const timer = this.timer;
    this.timer = undefined;
    if (timer) clearTimeout(timer);
    const underWay = [...this.flights];
    let graceTimer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      graceTimer = setTimeout(resolve, options.graceMs ?? STOP_GRACE_MS);
    });
    await Promise.race([grace, Promise.allSettled([...underWay.map((f) => f.settled), ...this.claiming])]);
    clearTimeout(graceTimer);
    await Promise.allSettled([...this.claiming]); // one store round trip each
    const left = [...this.flights];
    const released = (await Promise.all(left.map((flight) => flight.release()))).filter(Boolean).length;
    const finished = underWay.filter((flight) => !this.flights.has(flight)).length;
    if (underWay.length > 0 || released > 0)
      this.options.log(`[outbox] stopped: ${finished} finished, ${released} given back for the next start.`);
    return { finished, released };
  }
}
