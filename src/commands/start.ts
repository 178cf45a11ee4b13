// `prestatiemonitor start` (what `npm start` runs): the bot, until SIGINT (Ctrl-C) or SIGTERM. A stop
// takes a few seconds whatever the outbox holds (the worker gives back what it has not finished); a
// second signal, or a stop that overruns its budget, ends the process at once.
import { loadConfig } from '../config.ts';
import type { Lang } from '../i18n.ts';
import type { Bot } from '../main.ts';
import { t } from '../texts/index.ts';
import { parseCommandArgs } from './args.ts';
import type { CommandIo } from './io.ts';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
/** Whoever stops the bot (a terminal, systemd, a container runtime) gives it about 10 s. */
const STOP_BUDGET_MS = 8_000;
const PARENT_CHECK_MS = 250;
/**
 * Ctrl-C in a terminal signals the whole group, and npm passes its own SIGINT on to the bot too: the
 * same stop arrives twice within milliseconds. Only a signal this long after the first forces.
 */
const SAME_STOP_MS = 1_000;
/** The stop's reason when npm, which ran the bot, went away (the others are signal names). */
const PARENT_GONE = 'parent-gone';

export async function startCommand(argv: string[], io: CommandIo, lang: Lang): Promise<number> {
  parseCommandArgs(argv, {}, lang);
  // Listening before the start, so that a stop asked for while Azurite starts still stops it too.
  const stop = listenForStop();
  let bot: Bot;
  try {
    // Loaded here, not at the top: the other commands and every --help need none of the bot.
    const { startBot } = await import('../main.ts');
    bot = await startBot({ config: loadConfig(), log: (line) => io.out(line) });
  } catch (error) {
    stop.dispose();
    throw error;
  }
  io.out(t(lang, 'cli.start.running'));
  const reason = await stop.requested;
  io.out(
    t(lang, 'cli.start.stopping', {
      reason: reason === PARENT_GONE ? t(lang, 'cli.start.npmStopped') : reason,
    }),
  );
  const started = Date.now();
  let budget: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    bot.close().then(() => 'stopped' as const),
    stop.again.then((signal) => `${signal} again` as const),
    new Promise<'overrun'>((resolve) => {
      budget = setTimeout(() => resolve('overrun'), STOP_BUDGET_MS);
    }),
  ]);
  clearTimeout(budget);
  stop.dispose();
  // Handlers given back at the stop may still wait on a platform or a rate limit: they must not keep
  // the process alive. Exiting on a timer lets the last lines reach the log first.
  setTimeout(() => process.exit(), 200).unref();
  if (outcome === 'stopped') {
    io.out(t(lang, 'cli.start.stopped', { ms: Date.now() - started }));
    return 0;
  }
  io.err(
    outcome === 'overrun'
      ? t(lang, 'cli.start.overrun', { seconds: STOP_BUDGET_MS / 1000 })
      : t(lang, 'cli.start.again', { signal: outcome.split(' ')[0] ?? '' }),
  );
  // Azurite is asked to save and exit (once: a stop under way may have asked already); what the
  // worker still held comes back when its lease runs out.
  void bot.store.close().catch(() => {});
  return 1;
}

interface StopListener {
  /** Resolves with what asked for the stop. */
  requested: Promise<string>;
  /** Resolves with the signal when one comes after the first. */
  again: Promise<string>;
  dispose(): void;
}

function listenForStop(): StopListener {
  let asked = false;
  let first: (reason: string) => void = () => {};
  let second: (signal: string) => void = () => {};
  const requested = new Promise<string>((resolve) => {
    first = resolve;
  });
  const again = new Promise<string>((resolve) => {
    second = resolve;
  });
  let watch: NodeJS.Timeout | undefined;
  let askedAt = 0;
  const onStop = (reason: string) => {
    if (asked) {
      if (Date.now() - askedAt >= SAME_STOP_MS) second(reason);
      return;
    }
    asked = true;
    askedAt = Date.now();
    clearInterval(watch);
    first(reason);
  };
  const onSignal = (signal: NodeJS.Signals) => onStop(signal);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  // npm runs the script through `sh -c` and forwards signals to that shell only; Debian's dash does
  // not exec the command, so without the `exec` in package.json's start script the bot never got
  // them. The `exec` is a POSIX shell's: where the script runs otherwise (Windows' cmd.exe, or npm
  // itself killed), the bot takes the loss of its parent as the stop it was meant to get.
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    watch = setInterval(() => {
      if (process.ppid !== parent) onStop(PARENT_GONE);
    }, PARENT_CHECK_MS);
    watch.unref();
  }
  return {
    requested,
    again,
    dispose: () => {
      clearInterval(watch);
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
}
