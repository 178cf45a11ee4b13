// node-cron fires the scheduler's tick in the contract's time zone: at the start of every hour, so
// that a round opens within the hour of its day starting there. node-cron keeps nothing itself: what
// ran is the claims in the store (claims.ts), and a start ticks once to catch up on what was missed.
import cron, { type ScheduledTask } from 'node-cron';
import type { Scheduler } from './scheduler.ts';

export interface CronHandle {
  stop(): Promise<void>;
}

export function startCron(scheduler: Scheduler, timeZone: string, log: (line: string) => void): CronHandle {
  let running: Promise<unknown> = Promise.resolve();
  const fire = () => {
    running = scheduler.tick().then(
      (result) => {
        const started = [...result.claimed, ...result.requeued];
        if (started.length > 0) log(`scheduler: ${started.join(', ')}`);
      },
      (error: unknown) =>
        log(`scheduler: tick failed (${error instanceof Error ? error.message : String(error)})`),
    );
    return running;
  };
  const task: ScheduledTask = cron.schedule('0 * * * *', fire, {
    timezone: timeZone,
    noOverlap: true,
    name: `scheduler-${scheduler.instance}`,
  });
  // Catch-up: whatever came due while the bot was down is due and unclaimed now.
  void fire();
  return {
    stop: async () => {
      await task.destroy();
      await running;
    },
  };
}
