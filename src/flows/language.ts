// One language per person, everywhere: their own choice wins (the `taal` command, else the records'
// `language`); otherwise the locale of their latest own message or card action; otherwise Dutch.
// Every message to a person (replies, prompts, reminders, updates, alerts in a DM) asks here.
import { DEFAULT_LANG, isLang, type Lang } from '../i18n.ts';
import type { Core } from './core.ts';

export async function languageOf(core: Core, person: string): Promise<Lang> {
  const stored = await core.languages.get(person);
  if (stored.chosen) return stored.chosen;
  const inRecords = (await core.contractView()).people.get(person)?.language;
  return inRecords ?? stored.observed ?? DEFAULT_LANG;
}

/**
 * Notes the language of something the person did themselves (a message, a card action). A locale
 * that is absent (Teams' conversationUpdate, membersAdded) says nothing and changes nothing.
 */
export async function observeLanguage(core: Core, person: string, lang: Lang | undefined): Promise<void> {
  if (lang) await core.languages.setObserved(person, lang);
}

/** A platform locale ("en-US", "nl-NL", "en") as one of the product's languages; undefined when none. */
export function langOfLocale(locale: string | undefined | null): Lang | undefined {
  const base = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLang(base) ? base : undefined;
}

/** `taal en`, `language nl`, `taal engels`: the language asked for, or undefined when it is none of ours. */
export function parseLanguageChoice(word: string | undefined): Lang | undefined {
  const w = (word ?? '').toLowerCase();
  if (['nl', 'nederlands', 'dutch', 'nederlandse'].includes(w)) return 'nl';
  if (['en', 'engels', 'english', 'engelse'].includes(w)) return 'en';
  return undefined;
}
