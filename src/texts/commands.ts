// The texts of the chat commands: help, taken, taal.
import type { Catalogue } from './index.ts';

export const COMMAND_TEXTS = {} as const satisfies Catalogue;
