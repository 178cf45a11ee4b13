// Keeps the embedded Azurite running: when its process exits unasked, the store is suspended
// (/healthz says degraded), Azurite is started again on the same data (on another port, see startAzurite's avoidPort),
// the journal is replayed into it, and the store resumes. Restarts back off while it keeps failing.
// It also rotates the journal, and empties it after a clean stop.
import { setTimeout as sleep } from 'node:timers/promises';
import { type AzuriteExit, type EmbeddedAzurite, startAzurite } from './azurite.ts';
import type { Journal } from './journal.ts';
import { replayJournal } from './journal-replay.ts';
import type { TableStore } from './tables.ts';

export interface SupervisorOptions {
  /** Azurite as started by this process, on `location`. */
  azurite: EmbeddedAzurite;
  location: string;
  tables: TableStore;
  journal: Journal;
  log: (line: string) => void;
  /** The first restart's delay; each failed one doubles it, up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Azurite saves its data file every 5 seconds (LokiJS autosave). A journal segment sealed a minute
 * ago, in an Azurite that has been up for a minute since its last replay, has been saved about
 * twelve times over: dropping it loses nothing even when a save of a large store is slow.
 */
export const JOURNAL_RETENTION_MS = 60_000;
const ROTATE_EVERY_MS = 30_000;
/** Up this long, a crash is a new incident: the backoff starts again from the first delay. */
const STABLE_AFTER_MS = 60_000;

export class AzuriteSupervisor {
  private current: EmbeddedAzurite;
  private upSince = Date.now();
  private stopping = false;
  private restarting: Promise<void> | undefined;
  private delayMs: number;
  private readonly rotation: NodeJS.Timeout;
  private readonly stopped = new AbortController();

  constructor(private readonly options: SupervisorOptions) {
    this.current = options.azurite;
    this.delayMs = this.firstDelay;
    this.watch(this.current);
    this.rotation = setInterval(() => void this.rotate(), ROTATE_EVERY_MS);
    this.rotation.unref();
  }

  get azurite(): EmbeddedAzurite {
    return this.current;
  }

  private get firstDelay(): number {
    return this.options.firstDelayMs ?? 250;
  }

  private watch(instance: EmbeddedAzurite): void {
    void instance.exited?.then((exit) => {
      if (this.stopping || instance !== this.current) return;
      this.restarting = this.restart(exit);
    });
  }

  private async restart(exit: AzuriteExit): Promise<void> {
    const { tables, journal, location, log } = this.options;
    tables.suspend('the embedded store (Azurite) is restarting');
    if (Date.now() - this.upSince > STABLE_AFTER_MS) this.delayMs = this.firstDelay;
    log(
      `[store] Azurite stopped unexpectedly (${exit.signal ?? `exit code ${exit.code}`}); restarting in ${this.delayMs} ms`,
    );
    while (!this.stopping) {
      await sleep(this.delayMs, undefined, { signal: this.stopped.signal }).catch(() => {});
      if (this.stopping) return;
      let next: EmbeddedAzurite | undefined;
      try {
        // Writes Azurite accepted before it died may still be on their way into the journal.
        await journal.flush();
        next = await startAzurite({ location, whenRunning: 'ignore', avoidPort: this.current.port });
        const replay = await replayJournal(journal, next.connectionString);
        this.current = next;
        this.upSince = Date.now();
        this.watch(next);
        tables.resume(next.connectionString);
        log(
          `[store] Azurite restarted on 127.0.0.1:${next.port}; journal replayed (${replay.entities} entities)`,
        );
        this.delayMs = Math.min(this.delayMs * 2, this.options.maxDelayMs ?? 30_000);
        return;
      } catch (error) {
        await next?.stop();
        this.delayMs = Math.min(this.delayMs * 2, this.options.maxDelayMs ?? 30_000);
        log(
          `[store] Azurite did not restart (${(error as Error).message}); next attempt in ${this.delayMs} ms`,
        );
      }
    }
  }

  /** Seals the journal's current file and drops segments Azurite has certainly saved. */
  async rotate(now = Date.now()): Promise<void> {
    if (this.stopping || this.options.tables.suspended) return;
    const savedBefore = now - JOURNAL_RETENTION_MS >= this.upSince ? now - JOURNAL_RETENTION_MS : 0;
    await this.options.journal.rotate({ now, savedBefore }).catch((error: Error) => {
      this.options.log(`[store] journal rotation failed: ${error.message}`);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    clearInterval(this.rotation);
    await this.restarting;
    const { clean } = await this.current.stop();
    // Azurite saves everything on SIGINT: after a clean exit there is nothing left to replay.
    if (clean) await this.options.journal.truncate();
    await this.options.journal.close();
  }
}
