// For the acknowledgement benchmarks: `count` sessions of the demo contract that have just ended,
// each with an open facilitator assignment, spread over Facilitators BV's facilitators.
import { HOUR, MINUTE } from '../src/clock.ts';
import type { Bot } from '../src/main.ts';
import { sessionPartition } from '../src/store/activity.ts';
import { type Assignment, assignmentId } from '../src/store/assignments.ts';

export interface BenchAssignment {
  person: string;
  /** The person's place among the facilitators (for per-person stand-in ids). */
  index: number;
  id: string;
}

export async function openAssignments(
  bot: Bot,
  count: number,
  messages?: (index: number) => Assignment['messages'],
): Promise<BenchAssignment[]> {
  const now = Date.now();
  const records = await bot.store.records.exportRecords('lef-2026');
  const facilitators = records.people
    .filter((p) => p.supplier === 'fbv' && p.roles.includes('facilitator'))
    .map((p) => p.id);
  const iso = (t: number) => new Date(t).toISOString().replace('Z', '+00:00');
  const sessions = Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    supplier: 'fbv',
    start: iso(now - 3 * HOUR),
    end: iso(now - MINUTE),
    facilitators: [facilitators[i % facilitators.length] as string],
    relationshipManager: 'rik',
    internalClient: 'iris',
  }));
  records.sessions.push(...sessions);
  await bot.store.records.importRecords(records);
  const out: BenchAssignment[] = [];
  for (const [i, session] of sessions.entries()) {
    const person = session.facilitators[0] as string;
    const index = i % facilitators.length;
    await bot.core.assignments.create({
      contract: 'lef-2026',
      session: session.id,
      role: 'facilitator',
      person,
      supplier: 'fbv',
      sessionPartition: sessionPartition('lef-2026', session, 'Europe/Amsterdam'),
      registration: false,
      sessionStart: session.start,
      opensAt: now - MINUTE,
      closesAt: now + 14 * 24 * HOUR,
      status: 'open',
      ...(messages ? { messages: messages(index) } : {}),
    });
    out.push({ person, index, id: assignmentId({ session: session.id, role: 'facilitator', person }) });
  }
  return out;
}
