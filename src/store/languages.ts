// Each person's language as the store keeps it (PK = contract|languages, RK = person): the language
// they chose with the `taal` command, and the one their latest own message or card action was in.
// The rule that picks between them and the records is in flows/language.ts.
import { isLang, type Lang } from '../i18n.ts';
import { key, keyPart, parseJson, type TableStore } from './tables.ts';

export interface StoredLanguage {
  /** Chosen with `taal en` / `language nl`. */
  chosen?: Lang;
  /** The locale of the person's latest own message or card action. */
  observed?: Lang;
}

export class LanguageStore {
  private readonly partition: string;
  /** What this process last wrote or read per person, so an unchanged locale costs no write. */
  private readonly known = new Map<string, StoredLanguage>();

  constructor(
    private readonly tables: TableStore,
    contract: string,
  ) {
    this.partition = key(contract, 'languages');
  }

  async get(person: string): Promise<StoredLanguage> {
    const row = await this.tables.get('addresses', this.partition, keyPart(person));
    const raw = row ? parseJson<Record<string, unknown>>(row) : {};
    const stored: StoredLanguage = {};
    if (typeof raw.chosen === 'string' && isLang(raw.chosen)) stored.chosen = raw.chosen;
    if (typeof raw.observed === 'string' && isLang(raw.observed)) stored.observed = raw.observed;
    this.known.set(person, stored);
    return stored;
  }

  async setObserved(person: string, lang: Lang): Promise<void> {
    const known = this.known.get(person) ?? (await this.get(person));
    if (known.observed === lang) return;
    await this.write(person, { ...known, observed: lang });
  }

  async setChosen(person: string, lang: Lang): Promise<void> {
    const known = await this.get(person);
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
