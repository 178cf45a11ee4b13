// Time from a submission arriving to its acknowledgement: real HTTP POSTs to the running bot (local
// channel), open-loop at 50 a second, each to its own open assignment, against Azurite in memory.
import { loadConfig } from '../src/config.ts';
import { startBot } from '../src/main.ts';
import { openAssignments } from './assignments.ts';
import { percentile, round } from './stats.ts';

export async function benchSubmissions(count = 500, perSecond = 50): Promise<Record<string, unknown>> {
  const bot = await startBot({
    config: loadConfig({ PORT: '0' }),
    inMemory: true,
    log: () => {},
    workerIntervalMs: 1_000,
  });
  try {
    const ids = await openAssignments(bot, count);
    const url = new URL('/local/api/action', bot.url);
    const latencies: number[] = [];
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      ids.map(async ({ person, id }, i) => {
        // Open loop: each request leaves at its own time, whether or not earlier ones have returned.
        const due = started + (i * 1000) / perSecond;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        const t0 = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            person,
            verb: 'submit',
            messageId: 'm',
            assignmentId: id,
            inputs: { lefApplied: 'yes', lefExplanation: 'LEF', impact: 'yes', impactExplanation: 'Impact' },
          }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 200) failures += 1;
      }),
    );
    const sorted = latencies.sort((a, b) => a - b);
    return {
      name: `submission → acknowledgement over HTTP, ${count} submissions at ${perSecond}/s (Azurite in memory)`,
      p50Ms: round(percentile(sorted, 0.5)),
      p99Ms: round(percentile(sorted, 0.99)),
      maxMs: round(sorted.at(-1) ?? 0),
      failures,
    };
  } finally {
    await bot.close();
  }
}
