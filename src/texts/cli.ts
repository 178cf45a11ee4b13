// The texts of the command line.
import type { Catalogue } from './index.ts';

export const CLI_TEXTS = {} as const satisfies Catalogue;
