// Opens the configured store: Azure (or Cosmos DB for Table) when a connection string is set,
// otherwise the embedded Azurite on the data folder, started here unless the bot already runs it.
// On a data folder every write is journaled (see journal.ts); the Azurite this process starts is
// supervised: restarted when it dies, the journal replayed into it.
import { join } from 'node:path';
import { type EmbeddedAzurite, startAzurite } from './azurite.ts';
import { EmptiedStoreError, heldContract, markHeldContract, secureDataFolder } from './data-folder.ts';
import { Journal } from './journal.ts';
import { replayJournal } from './journal-replay.ts';
import { RecordsStore } from './records-store.ts';
import { AzuriteSupervisor } from './supervisor.ts';
import { TableStore } from './tables.ts';

export interface OpenStoreOptions {
  connectionString?: string;
  /** The data folder for the embedded Azurite (its files go in `<dataDir>/azurite`). */
  dataDir?: string;
  /** Embedded Azurite in memory (tests). */
  inMemory?: boolean;
  tablePrefix?: string;
  /** The bot owns its data folder: refuse to share another running instance's Azurite. */
  exclusive?: boolean;
  /** Where restarts, replays and tightened permissions are reported (default: stderr). */
  log?: (line: string) => void;
  /** How soon a dead Azurite is started again (then doubling while it fails). */
  restartDelayMs?: number;
}

export interface OpenStore {
  tables: TableStore;
  records: RecordsStore;
  /** The embedded Azurite, when one is used (the current one, after a restart). */
  azurite?: EmbeddedAzurite;
  /** A line for the log saying where the data lives. */
  description: string;
  /**
   * Whether the demo may be loaded into this (empty) store: not into Azure, and never into a data
   * folder that held a contract before (an `EmptiedStoreError` says so).
   */
  demoAllowed(): boolean;
  /** Notes that the data folder holds a contract, so that an emptied store is never seeded over. */
  noteContract(): Promise<void>;
  close(): Promise<void>;
}

export async function openStore(options: OpenStoreOptions): Promise<OpenStore> {
  const log = options.log ?? ((line: string) => console.error(line));
  if (options.connectionString)
    return unjournaled(options.connectionString, options.tablePrefix, {
      description: 'Azure Table Storage (STORAGE_CONNECTION_STRING)',
      demoAllowed: () => false,
      close: async () => {},
    });
  if (options.inMemory) {
    const azurite = await startAzurite({ whenRunning: options.exclusive ? 'fail' : 'reuse' });
    return unjournaled(azurite.connectionString, options.tablePrefix, {
      azurite,
      description: `Azurite on 127.0.0.1:${azurite.port}, in memory`,
      demoAllowed: () => true,
      close: async () => {
        await azurite.stop();
      },
    });
  }

  const dataDir = options.dataDir ?? '.data';
  const location = join(dataDir, 'azurite');
  const widened = secureDataFolder(dataDir);
  if (widened.length > 0)
    log(
      `[store] Datamap alleen voor de eigenaar gemaakt / data folder made owner-only: ${widened.join(', ')}`,
    );
  const azurite = await startAzurite({ location, whenRunning: options.exclusive ? 'fail' : 'reuse' });
  const journal = new Journal(location);
  const tables = new TableStore({
    connectionString: azurite.connectionString,
    tablePrefix: options.tablePrefix,
    journal,
  });
  let supervisor: AzuriteSupervisor | undefined;
  if (azurite.owned) {
    if (azurite.tookOverFrom)
      log(
        `[store] Azurite ${azurite.tookOverFrom} was left running by a process that is gone: stopped, started afresh`,
      );
    try {
      // What Azurite accepted but had not saved when it (or its owner) died.
      const replay = await replayJournal(journal, azurite.connectionString);
      if (replay.entities > 0) log(`[store] journal replayed: ${replay.entities} entities`);
    } catch (error) {
      await azurite.stop();
      throw error;
    }
    supervisor = new AzuriteSupervisor({
      azurite,
      location,
      tables,
      journal,
      log,
      firstDelayMs: options.restartDelayMs,
    });
  }
  const stopAzurite = async () => {
    if (supervisor) await supervisor.stop();
    else await journal.close();
  };
  const records = new RecordsStore(tables);
  const noteContract = async () => {
    if (!heldContract(dataDir)) markHeldContract(dataDir, await records.contractIds(), Date.now());
  };
  const store: OpenStore = {
    tables,
    records,
    get azurite() {
      return supervisor?.azurite ?? azurite;
    },
    description: `Azurite on 127.0.0.1:${azurite.port}${azurite.owned ? '' : ' (already running)'}, data in ${location}`,
    demoAllowed: () => {
      if (heldContract(dataDir)) throw new EmptiedStoreError(dataDir);
      return true;
    },
    noteContract,
    close: async () => {
      // A command's import ends here: from now on this folder has held a contract.
      await noteContract().catch(() => {});
      await stopAzurite();
    },
  };
  return ready(store, stopAzurite);
}

/** A store without a data folder (Azure, or Azurite in memory): no journal, no contract to note. */
function unjournaled(
  connectionString: string,
  tablePrefix: string | undefined,
  how: Pick<OpenStore, 'azurite' | 'description' | 'demoAllowed' | 'close'>,
): Promise<OpenStore> {
  const tables = new TableStore({ connectionString, tablePrefix });
  const { close, ...described } = how;
  const store: OpenStore = {
    tables,
    records: new RecordsStore(tables),
    ...described,
    noteContract: async () => {},
    close,
  };
  return ready(store, store.close);
}

/** Creates the tables, and marks a data folder that holds a contract already (older versions). */
async function ready(store: OpenStore, onError: () => Promise<void>): Promise<OpenStore> {
  try {
    await store.tables.ensureTables();
    await store.noteContract();
  } catch (error) {
    await onError();
    throw error;
  }
  return store;
}
