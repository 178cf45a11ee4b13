// The texts of what only Teams says (welcome, apology).
import type { Catalogue } from './index.ts';

export const TEAMS_TEXTS = {} as const satisfies Catalogue;
