// The texts of the local web page.
import type { Catalogue } from './index.ts';

export const LOCAL_TEXTS = {} as const satisfies Catalogue;
