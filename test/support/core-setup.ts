// A core on fresh tables of a shared Azurite, the local channel as its only channel, a manual clock
// and a worker the test runs itself: what the flow tests of answers and limits start from.
import type { BotMessage } from '../../src/channels/channel.ts';
import { LocalChannel } from '../../src/channels/local/channel.ts';
import { ManualClock } from '../../src/clock.ts';
import type { Records } from '../../src/domain/records.ts';
import { Core } from '../../src/flows/core.ts';
import { importRecordsFile } from '../../src/flows/import-records.ts';
import { OutboxWorker } from '../../src/outbox/worker.ts';
import type { EmbeddedAzurite } from '../../src/store/azurite.ts';
import { ConversationStore } from '../../src/store/conversations.ts';
import { RecordsStore } from '../../src/store/records-store.ts';
import { TableStore } from '../../src/store/tables.ts';

let tableSets = 0;

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
