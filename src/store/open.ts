// Opens the configured store: Azure (or Cosmos DB for Table) when a connection string is set,
// otherwise the embedded Azurite on the data folder, started here unless the bot already runs it.
import { join } from 'node:path';
import { type EmbeddedAzurite, startAzurite } from './azurite.ts';
import { RecordsStore } from './records-store.ts';
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
}

export interface OpenStore {
  tables: TableStore;
  records: RecordsStore;
  /** The embedded Azurite, when one is used. */
  azurite?: EmbeddedAzurite;
  /** A line for the log saying where the data lives. */
  description: string;
  close(): Promise<void>;
}

export async function openStore(options: OpenStoreOptions): Promise<OpenStore> {
  let azurite: EmbeddedAzurite | undefined;
  let connectionString = options.connectionString;
  let description = 'Azure Table Storage (STORAGE_CONNECTION_STRING)';
  if (!connectionString) {
    const location = options.inMemory ? undefined : join(options.dataDir ?? '.data', 'azurite');
    azurite = await startAzurite({ location, whenRunning: options.exclusive ? 'fail' : 'reuse' });
    connectionString = azurite.connectionString;
    description = location
      ? `Azurite on 127.0.0.1:${azurite.port}${azurite.owned ? '' : ' (already running)'}, data in ${location}`
      : `Azurite on 127.0.0.1:${azurite.port}, in memory`;
  }
  const tables = new TableStore({ connectionString, tablePrefix: options.tablePrefix });
  try {
    await tables.ensureTables();
  } catch (error) {
    await azurite?.stop();
    throw error;
  }
  return {
    tables,
    records: new RecordsStore(tables),
    azurite,
    description,
    close: async () => {
      await azurite?.stop();
    },
  };
}
