// `prestatiemonitor start` (what `npm start` runs): the bot, until Ctrl-C.
import { loadConfig } from '../config.ts';
import { startBot } from '../main.ts';
import type { CommandIo } from './io.ts';

export async function startCommand(_argv: string[], io: CommandIo): Promise<number> {
  const bot = await startBot({ config: loadConfig(), log: (line) => io.out(line) });
  io.out('Ctrl-C stopt de bot / stops the bot.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  io.out('Stoppen / stopping…');
  await bot.close();
  return 0;
}
