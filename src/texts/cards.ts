// The texts of Adaptive Cards and Block Kit: the questionnaires, the session form, notices.
import type { Catalogue } from './index.ts';

export const CARD_TEXTS = {} as const satisfies Catalogue;
