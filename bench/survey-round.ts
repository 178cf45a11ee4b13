// Opening a survey round for 1,000 respondents: the time to put every assignment, prompt, reminder and
// the close in the store (what the LEF team waits for after `enquete`), then the time for the worker to
// deliver every prompt through the local channel (which has no platform limit; Slack and Teams sends go
// through their channels' limiters, one message a second per conversation, so a round's prompts, one per
// person, are not slowed by them).
import { ManualClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { importRecordsFile } from '../src/flows/import-records.ts';
import { demoRecords } from '../src/flows/seed.ts';
import { openExtraRound } from '../src/flows/survey-rounds.ts';
import { startBot } from '../src/main.ts';
import { round } from './stats.ts';

export async function benchSurveyRound(respondents = 1000): Promise<Record<string, unknown>> {
  const clock = new ManualClock(Date.parse('2026-11-16T10:00:00+01:00'));
  const bot = await startBot({
    config: loadConfig({ PORT: '0' }),
    clock,
    inMemory: true,
    startWorker: false,
    log: () => {},
  });
  try {
    const records = demoRecords(clock.now());
    const people = Array.from({ length: respondents - 1 }, (_, i) => ({
      id: `r${String(i).padStart(4, '0')}`,
      name: `Respondent ${i}`,
      roles: ['manager' as const],
    }));
    records.people.push(...people);
    records.contract.survey = {
      cadence: 'half-year',
      opensDaysBeforePeriodEnd: 14,
      openDays: 21,
      clientRespondents: ['carla', ...people.map((p) => p.id)].slice(0, respondents - 1),
    };
    await importRecordsFile(bot.store, records, clock);
    await bot.worker.runOnce();
    const before = (await bot.core.outbox.pending()).length;
    const t0 = performance.now();
    const opened = await openExtraRound(bot.core, 'lotte', 'fbv');
    const enqueueMs = performance.now() - t0;
    const queued = (await bot.core.outbox.pending()).length - before;
    const t1 = performance.now();
    let delivered = 0;
    for (let pass = 0; pass < 200; pass++) {
      const result = await bot.worker.runOnce();
      delivered += result.done;
      if (result.done === 0) break;
    }
    const deliverMs = performance.now() - t1;
    return {
      name: `survey round opened for ${opened.respondents.length} respondents (Azurite in memory)`,
      respondents: opened.respondents.length,
      outboxItemsQueued: queued,
      enqueueMs: round(enqueueMs),
      itemsDoneByWorker: delivered,
      deliverAllPromptsMs: round(deliverMs),
      promptsPerSecond: round((delivered / deliverMs) * 1000),
    };
  } finally {
    await bot.close();
  }
}
