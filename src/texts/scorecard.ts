// The texts of the scorecard and the alerts.
import type { Catalogue } from './index.ts';

export const SCORECARD_TEXTS = {} as const satisfies Catalogue;
