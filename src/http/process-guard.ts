// The last line of defence: a rejection or exception nobody handled (a bug in a request's path, in a
// library's callback) is logged with a reference and the process keeps serving, instead of Node
// stopping the bot and leaving the embedded store behind. Installed once per process, however many
// bots a process starts (tests start several): each install returns its own removal.
import { errorReference } from '../errors.ts';

type Log = (line: string) => void;

const installs = new Set<Log>();

function report(kind: string, error: unknown): void {
  const reference = errorReference();
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  // Every live bot's log: the latest one, so that a line is written once.
  const log = [...installs].at(-1) ?? ((line: string) => console.error(line));
  log(`[${reference}] ${kind} (the bot keeps running): ${detail}`);
}

const onRejection = (reason: unknown) => report('unhandled rejection', reason);
const onException = (error: Error) => report('uncaught exception', error);

/** Starts guarding the process (the first install adds the listeners); call the result to stop. */
export function installProcessGuard(log: Log): () => void {
  if (installs.size === 0) {
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
  }
  const mine: Log = (line) => log(line);
  installs.add(mine);
  return () => {
    if (!installs.delete(mine) || installs.size > 0) return;
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
