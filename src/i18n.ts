// The product speaks Dutch first and English second.
export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'nl';

/** The locale behind each language: English is written the British way (day month year, 24 h). */
export const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
