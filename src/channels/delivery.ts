// What a channel tells the core about a send that did not go through: the person cannot be reached
// on this channel (blocked, uninstalled, unknown), or the platform asked to wait (rate limit, outage)
// longer than is worth waiting inline, so the outbox tries again after that time.
import type { Clock } from '../clock.ts';

export class UnreachableError extends Error {
  constructor(
    readonly channel: string,
    readonly person: string,
    readonly reason: string,
  ) {
    super(`${channel}: ${person} cannot be reached (${reason})`);
    this.name = 'UnreachableError';
  }
}

export class DeferredDelivery extends Error {
  constructor(
    readonly retryAfterMs: number,
    reason: string,
  ) {
    super(`${reason}; try again in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = 'DeferredDelivery';
  }
}

/**
 * Waiting for something a person sets up (an alert channel): retried at `retryAfterMs` for as long
 * as it takes, never set aside; woken at once when it is set up.
 */
export class WaitingForSetup extends DeferredDelivery {
  constructor(retryAfterMs: number, reason: string) {
    super(retryAfterMs, reason);
    this.name = 'WaitingForSetup';
  }
}

export interface LimitWindow {
  count: number;
  ms: number;
}

/**
 * Sliding-window send limits per key (a conversation, the app): each send reserves the earliest
 * moment at which every window of every key it counts against still has room. Reservations are
 * made in call order, so sends under one key keep their order.
 */
export class SendLimiter {
  private readonly sends = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Reserves a send under all keys; returns how long to wait before sending. */
  reserve(keys: { key: string; windows: readonly LimitWindow[] }[]): number {
    const now = this.clock.now();
    let at = now;
    for (const { key } of keys) at = Math.max(at, this.sends.get(key)?.at(-1) ?? now);
    for (let moved = true; moved; ) {
      moved = false;
      for (const { key, windows } of keys) {
        const times = this.sends.get(key) ?? [];
        for (const window of windows) {
          // The window ending at `at` may hold count - 1 earlier sends.
          const inWindow = times.filter((t) => t > at - window.ms);
          if (inWindow.length >= window.count) {
            const earliest = (inWindow[inWindow.length - window.count] as number) + window.ms;
            if (earliest > at) {
              at = earliest;
              moved = true;
            }
          }
        }
      }
    }
    for (const { key, windows } of keys) {
      const longest = Math.max(...windows.map((w) => w.ms));
      const times = (this.sends.get(key) ?? []).filter((t) => t > at - longest);
      times.push(at);
      this.sends.set(key, times);
    }
    return at - now;
  }

  async acquire(keys: { key: string; windows: readonly LimitWindow[] }[]): Promise<void> {
    const wait = this.reserve(keys);
    if (wait > 0) await this.sleep(wait);
  }
}

/** Statuses after which the same request may succeed later. */
const RETRYABLE = new Set([408, 412, 429, 502, 503, 504]);

export function isRetryable(status: number): boolean {
  return RETRYABLE.has(status);
}

/** The wait a `Retry-After` header asks for (seconds or an HTTP date), if it asks for one. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with jitter: about 1, 2, 4, 8 … seconds, at most 60. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.min(60_000, 1_000 * 2 ** attempt) * (0.75 + random() * 0.5);
}
