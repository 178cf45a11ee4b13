// Time from a submission arriving to its acknowledgement: real HTTP POSTs to the running bot (local
// channel), open-loop at 50 a second, each to its own open assignment, against Azurite in memory.
import { HOUR, MINUTE } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { startBot } from '../src/main.ts';
import { sessionPartition } from '../src/store/activity.ts';
import { assignmentId } from '../src/store/assignments.ts';
import { percentile, round } from './stats.ts';

export async function benchSubmissions(count = 500, perSecond = 50): Promise<Record<string, unknown>> {
  const bot = await startBot({
    config: loadConfig({ PORT: '0' }),
    inMemory: true,
    log: () => {},
    workerIntervalMs: 1_000,
  });
  try {
    const now = Date.now();
    const records = await bot.store.records.exportRecords('lef-2026');
    const facilitators = records.people
      .filter((p) => p.supplier === 'fbv' && p.roles.includes('facilitator'))
      .map((p) => p.id);
    const zone = 'Europe/Amsterdam';
    const iso = (t: number) => new Date(t).toISOString().replace('Z', '+00:00');
    records.sessions.push(
      ...Array.from({ length: count }, (_, i) => ({
        id: `bench-${i}`,
        supplier: 'fbv',
        start: iso(now - 3 * HOUR),
        end: iso(now - MINUTE),
        facilitators: [facilitators[i % facilitators.length] as string],
        relationshipManager: 'rik',
        internalClient: 'iris',
      })),
    );
    await bot.store.records.importRecords(records);
    const ids: { person: string; id: string }[] = [];
    for (const session of records.sessions.filter((s) => s.id.startsWith('bench-'))) {
      const person = session.facilitators[0] as string;
      await bot.core.assignments.create({
        contract: 'lef-2026',
        session: session.id,
        role: 'facilitator',
        person,
        supplier: 'fbv',
        sessionPartition: sessionPartition('lef-2026', session, zone),
        registration: false,
        sessionStart: session.start,
        opensAt: now - MINUTE,
        closesAt: now + 14 * 24 * HOUR,
        status: 'open',
      });
      ids.push({ person, id: assignmentId({ session: session.id, role: 'facilitator', person }) });
    }
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
