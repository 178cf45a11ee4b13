// One language per person: their own choice wins (the `taal` command, else the records' `language`),
// else the locale of their latest own message, else Dutch; an absent locale changes nothing.
import { describe, expect, it } from 'vitest';
import { langOfLocale, languageOf, observeLanguage, parseLanguageChoice } from '../../src/flows/language.ts';
import { coreOn, coreWith, sharedAzurite } from '../support/core-setup.ts';
import { baseRecords } from '../support/records.ts';

const azurite = sharedAzurite();
const NOW = Date.parse('2026-03-01T10:00:00+01:00');

function recordsWithLanguages() {
  const records = baseRecords();
  for (const person of records.people) if (person.id === 'ic1') person.language = 'nl';
  return records;
}

describe('the language of a person', () => {
  it('is Dutch until the person says something, then follows their latest own locale', async () => {
    const { core } = await coreWith(azurite(), 'lang', recordsWithLanguages(), NOW);
    expect(await languageOf(core, 'f1')).toBe('nl');
    await observeLanguage(core, 'f1', langOfLocale('en-US'));
    expect(await languageOf(core, 'f1')).toBe('en');
    // A conversationUpdate or membersAdded carries no locale: it changes nothing.
    await observeLanguage(core, 'f1', langOfLocale(undefined));
    expect(await languageOf(core, 'f1')).toBe('en');
    await observeLanguage(core, 'f1', langOfLocale('nl-BE'));
    expect(await languageOf(core, 'f1')).toBe('nl');
  });

  it("takes the records' language over the locale of the person's client", async () => {
    const { core } = await coreWith(azurite(), 'lang', recordsWithLanguages(), NOW);
    await observeLanguage(core, 'ic1', 'en');
    expect(await languageOf(core, 'ic1')).toBe('nl');
  });

  it('takes a choice made with the command over the records and the locale, in every instance on the store', async () => {
    const first = await coreWith(azurite(), 'lang', recordsWithLanguages(), NOW);
    await first.core.languages.setChosen('ic1', 'en');
    expect(await languageOf(first.core, 'ic1')).toBe('en');
    // The choice is in the store, not in one process's memory.
    const second = coreOn(first.tables, first.store, recordsWithLanguages(), first.clock);
    expect(await languageOf(second.core, 'ic1')).toBe('en');
    await observeLanguage(second.core, 'ic1', 'nl');
    expect(await languageOf(second.core, 'ic1')).toBe('en');
  });

  it('reads platform locales and typed choices', () => {
    expect([langOfLocale('en-GB'), langOfLocale('nl_NL'), langOfLocale('de-DE'), langOfLocale('')]).toEqual([
      'en',
      'nl',
      undefined,
      undefined,
    ]);
    expect([parseLanguageChoice('EN'), parseLanguageChoice('nederlands'), parseLanguageChoice('fr')]).toEqual(
      ['en', 'nl', undefined],
    );
  });
});
