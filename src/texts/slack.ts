// The texts of what only Slack says (modals, DMs, unreachable people).
import type { Catalogue } from './index.ts';

export const SLACK_TEXTS = {} as const satisfies Catalogue;
