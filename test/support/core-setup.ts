// A core on fresh tables of a shared Azurite, the local channel as its only channel, a manual clock
// and a worker the test runs itself: what the flow tests of answers, limits and the evaluation start from.
import { afterAll, beforeAll } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import { LocalChannel } from '../../src/channels/local/channel.ts';
import { ManualClock } from '../../src/clock.ts';
import type { Records } from '../../src/domain/records.ts';
import { Core } from '../../src/flows/core.ts';
import { importRecordsFile } from '../../src/flows/import-records.ts';
import { OutboxWorker } from '../../src/outbox/worker.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import { type EmbeddedAzurite, startAzurite } from '../../src/store/azurite.ts';
import { ConversationStore } from '../../src/store/conversations.ts';
import { RecordsStore } from '../../src/store/records-store.ts';
import { TableStore } from '../../src/store/tables.ts';
import { baseRecords } from './records.ts';

let tableSets = 0;

/** One Azurite for the test file, started before its tests and stopped after them. */
export function sharedAzurite(): () => EmbeddedAzurite {
  let azurite: EmbeddedAzurite | undefined;
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(async () => {
    await azurite?.stop();
  });
  return () => {
    if (!azurite) throw new Error('Azurite is not started (use it inside a test)');
    return azurite;
  };
}

/** The base records with session ses1 of s1 (ending at noon on 2 March 2026) for f1, rm1 and ic1. */
export function oneSession(request?: string): Records {
  const records = baseRecords();
  records.sessions.push({
    id: 'ses1',
    supplier: 's1',
    ...(request === undefined ? {} : { request }),
    start: '2026-03-02T09:00:00+01:00',
    end: '2026-03-02T12:00:00+01:00',
    facilitators: ['f1'],
    relationshipManager: 'rm1',
    internalClient: 'ic1',
  });
  return records;
}

/** The id of the assignment of `person` in `role` for ses1. */
export const assignmentOf = (role: string, person: string) =>
  assignmentId({ session: 'ses1', role: role as 'facilitator', person });

export async function freshTables(azurite: EmbeddedAzurite, prefix: string) {
  tableSets += 1;
  const tables = new TableStore({
    connectionString: azurite.connectionString,
    tablePrefix: `${prefix}${tableSets}`,
  });
  await tables.ensureTables();
  return { tables, records: new RecordsStore(tables) };
}

/** Imports the records (which schedules their evaluations) and gives a core at `now`. */
export async function coreWith(azurite: EmbeddedAzurite, prefix: string, records: Records, now: number) {
  const { tables, records: store } = await freshTables(azurite, prefix);
  const clock = new ManualClock(now);
  await importRecordsFile({ tables, records: store }, records, clock);
  return coreOn(tables, store, records, clock);
}

/** A core on these tables, the local channel as its only channel, and a worker that logs to `log`. */
export function coreOn(tables: TableStore, store: RecordsStore, records: Records, clock: ManualClock) {
  const conversations = new ConversationStore(tables, records.contract.id);
  const core = new Core({
    contract: records.contract.id,
    clock,
    tables,
    records: store,
    channels: [new LocalChannel(conversations, clock)],
  });
  const log: string[] = [];
  const worker = new OutboxWorker(core, { log: (line) => log.push(line) });
  return { tables, store, clock, conversations, core, worker, log };
}

export function evaluationMessages(messages: { message: BotMessage }[]) {
  return messages
    .map((m) => m.message)
    .filter((m): m is Extract<BotMessage, { kind: 'evaluation' }> => m.kind === 'evaluation');
}
