// Words shared by every area: the periods, the parties, yes and no.
import type { Catalogue } from './index.ts';

export const COMMON_TEXTS = {
  'period.half': {
    nl: '{n, selectordinal, other {#e}} halfjaar {year}',
    en: '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} half of {year}',
  },
  'period.quarter': {
    nl: '{n, selectordinal, other {#e}} kwartaal {year}',
    en: '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} quarter of {year}',
  },
  /** One word for each party: opdrachtgever/opdrachtnemer in Dutch, client/supplier in English. */
  'party.client': { nl: 'opdrachtgever', en: 'client' },
  'party.supplier': { nl: 'opdrachtnemer', en: 'supplier' },
  'common.yes': { nl: 'Ja', en: 'Yes' },
  'common.no': { nl: 'Nee', en: 'No' },
} as const satisfies Catalogue;
