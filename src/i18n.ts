// The product speaks Dutch first and English second.
export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'nl';

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
