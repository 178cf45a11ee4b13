// `prestatiemonitor start` (what `npm start` runs). Until the bot's server exists, it shows the demo
// scorecard so that a new user sees the product's figures at once.
import { fileURLToPath } from 'node:url';
import type { CommandIo } from './io.ts';
import { scorecardCommand } from './scorecard.ts';

export const DEMO_RECORDS = fileURLToPath(new URL('../../examples/demo-records.json', import.meta.url));

export async function startCommand(argv: string[], io: CommandIo): Promise<number> {
  return scorecardCommand(
    ['--records', DEMO_RECORDS, '--period', '2026-H1', '--as-of', '2026-08-01T09:00:00+02:00', ...argv],
    io,
  );
}
