// Commands use the same store as the bot: the configured one, or the embedded Azurite on the same
// data folder (the bot's own instance when it runs).
import { loadConfig } from '../config.ts';
import type { Lang } from '../i18n.ts';
import { type OpenStore, openStore } from '../store/open.ts';
import { t } from '../texts/index.ts';
import { UsageError } from './io.ts';

export async function withStore<T>(work: (store: OpenStore) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore({
    connectionString: config.storageConnectionString,
    dataDir: config.dataDir,
  });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The contract a command works on: --contract, else CONTRACT_ID, else the only one in the store. */
export async function chooseContract(
  store: OpenStore,
  given: string | undefined,
  lang: Lang,
): Promise<string> {
  const ids = await store.records.contractIds();
  const wanted = given ?? process.env.CONTRACT_ID;
  if (wanted !== undefined) {
    if (ids.includes(wanted)) return wanted;
    throw new UsageError([
      t(lang, 'cli.error.contractUnknown', {
        // The value may come from the environment: then that is what to correct.
        option: given === undefined ? 'CONTRACT_ID' : '--contract',
        value: wanted,
        known: ids.join(', '),
        count: ids.length,
      }),
    ]);
  }
  if (ids.length === 1) return ids[0] as string;
  if (ids.length === 0) throw new UsageError([t(lang, 'cli.error.noContract')]);
  throw new UsageError([t(lang, 'cli.error.contractChoose', { known: ids.join(', ') })]);
}
