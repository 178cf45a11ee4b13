// Each person's language as the store keeps it (PK = contract|languages, RK = person): the language
// they chose with the `taal` command, and the one their latest own message or card action was in.
// The rule that picks between them and the records is in flows/language.ts.
import { isLang, type Lang } from '../i18n.ts';
import { TtlCache } from '../util/ttl-cache.ts';
import { key, keyPart, parseJson, type TableStore } from './tables.ts';

/** How long a language read or written here is used before it is read again (another instance's `taal`). */
const LANGUAGE_TTL_MS = 30_000;

export interface StoredLanguage {
  /** Chosen with `taal en` / `language nl`. */
  chosen?: Lang;
  /** The locale of the person's latest own message or card action. */
  observed?: Lang;
}

export class LanguageStore {
  private readonly partition: string;
  /** What this process last wrote or read per person: no read per message, no write for an unchanged locale. */
  private readonly known = new TtlCache<StoredLanguage>(LANGUAGE_TTL_MS);

  constructor(
    private readonly tables: TableStore,
    contract: string,
  ) {
    this.partition = key(contract, 'languages');
  }

  async get(person: string): Promise<StoredLanguage> {
    return this.known.get(person) ?? (await this.read(person));
  }

  private async read(person: string): Promise<StoredLanguage> {
    const row = await this.tables.get('addresses', this.partition, keyPart(person));
    const raw = row ? parseJson<Record<string, unknown>>(row) : {};
    const stored: StoredLanguage = {};
    if (typeof raw.chosen === 'string' && isLang(raw.chosen)) stored.chosen = raw.chosen;
    if (typeof raw.observed === 'string' && isLang(raw.observed)) stored.observed = raw.observed;
    this.known.set(person, stored);
    return stored;
  }

  async setObserved(person: string, lang: Lang): Promise<void> {
    const known = await this.get(person);
    if (known.observed === lang) return;
    await this.write(person, { ...known, observed: lang });
  }

  async setChosen(person: string, lang: Lang): Promise<void> {
    const known = await this.read(person);
    await this.write(person, { ...known, chosen: lang });
  }

  private async write(person: string, value: StoredLanguage): Promise<void> {
    await this.tables.upsert('addresses', {
      partitionKey: this.partition,
      rowKey: keyPart(person),
      json: JSON.stringify(value),
    });
    this.known.set(person, value);
  }
}
