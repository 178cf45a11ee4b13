// The embedded store: Azurite's table service from the `azurite` package, as a child process on a
// free loopback port. With a data folder its data survives restarts; without one it lives in memory
// (tests). A running instance records its port, its pid and its owner's pid in `<data>/azurite.json`,
// so that a command started beside the bot uses the bot's Azurite instead of opening the same files
// twice, and so that a start after a crash can take over from an Azurite its dead owner left behind.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { StartupError } from '../errors.ts';

/** Azurite's published development account: a well-known value, not a secret. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number, host = '127.0.0.1'): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://${host}:${port}/${DEV_ACCOUNT};`;
}

export interface EmbeddedAzurite {
  connectionString: string;
  port: number;
  /** Where its data lives, or undefined when in memory. */
  location?: string;
  /** True when this process started it (and so stops it). */
  owned: boolean;
  /** Azurite's process id. */
  pid?: number;
  /** When this process started it: settles when it exits, asked to or not. */
  exited?: Promise<AzuriteExit>;
  /** An Azurite left running by a process that is gone, stopped before this one started. */
  tookOverFrom?: number;
  /** Stops it when owned; `clean` when it saved and exited on SIGINT (not killed). */
  stop(): Promise<{ clean: boolean }>;
}

export interface AzuriteExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AzuriteOptions {
  /** A data folder; omitted: in memory. */
  location?: string;
  /**
   * What to do when another process of ours already runs Azurite on the same folder: `reuse` it
   * (a command beside the bot), `fail` (a second bot must not share the bot's files), or `ignore`
   * the record of it (tests that stop and start their own).
   */
  whenRunning?: 'reuse' | 'fail' | 'ignore';
  /**
   * A port not to use: a restart takes another one, so that a request a client sent to the Azurite
   * that died (the SDK retries it) cannot land on the new one before the journal is replayed, and then
   * be overwritten by the replay after its caller was told it was saved.
   */
  avoidPort?: number;
  timeoutMs?: number;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<EmbeddedAzurite> {
  const stateFile = options.location ? join(options.location, 'azurite.json') : undefined;
  const whenRunning = options.whenRunning ?? 'reuse';
  let tookOverFrom: number | undefined;
  if (stateFile && whenRunning !== 'ignore') {
    const running = await findRunning(stateFile);
    if (running?.orphan) {
      await stopOrphan(running.pid);
      tookOverFrom = running.pid;
    } else if (running && whenRunning === 'fail') {
      throw new AzuriteInUseError(options.location as string, running.owner ?? running.pid);
    } else if (running) {
      const { connectionString, port, pid } = running;
      return {
        connectionString,
        port,
        pid,
        location: options.location,
        owned: false,
        stop: async () => ({ clean: false }),
      };
    }
  }
  if (options.location) mkdirSync(options.location, { recursive: true, mode: 0o700 });

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    let port = await freePort();
    if (port === options.avoidPort) port = await freePort();
    const args = [OWNER_ONLY, azuriteTableMain(), '--tableHost', '127.0.0.1', '--tablePort', String(port)];
    args.push('--disableTelemetry', '--skipApiVersionCheck', '--silent');
    if (options.location) args.push('--location', options.location);
    else args.push('--inMemoryPersistence');
    // Its own process group: Ctrl-C in a terminal signals the whole foreground group, and Azurite
    // must stop after the bot (which still writes while it stops), when the bot stops it.
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    const exited = new Promise<AzuriteExit>((resolveExit) => {
      child.once('exit', (code, signal) => resolveExit({ code, signal }));
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    try {
      await waitForPort(port, child, options.timeoutMs ?? 20_000);
    } catch (error) {
      child.kill();
      lastError = new Error(`Azurite did not start: ${(error as Error).message} ${stderr.trim()}`);
      continue; // most likely the port was taken between choosing and binding it
    }
    if (stateFile) {
      // Written whole or not at all (a temporary file renamed over it): a reader never sees half of it.
      const partial = `${stateFile}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify({ port, pid: child.pid, owner: process.pid }), { mode: 0o600 });
      renameSync(partial, stateFile);
    }
    return {
      connectionString: azuriteConnectionString(port),
      port,
      location: options.location,
      owned: true,
      pid: child.pid,
      exited,
      tookOverFrom,
      stop: () => stopChild(child, stateFile),
    };
  }
  throw lastError;
}

/**
 * Azurite's files hold names, e-mail addresses and answers: its process creates them for its owner
 * only (LokiJS writes a fresh file on every save, so a chmod afterwards would not last).
 */
const OWNER_ONLY = '--import=data:text/javascript,process.umask(0o077)';

function azuriteTableMain(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'table', 'main.js');
}

export class AzuriteInUseError extends StartupError {
  constructor(
    readonly location: string,
    /** The running bot's (or command's) process; Azurite's for a record of an older version. */
    readonly pid: number,
  ) {
    super(
      `Een andere prestatiemonitor (proces ${pid}) gebruikt de gegevens in ${location} al. ` +
        'Stop die eerst, of geef deze een eigen DATA_DIR en PORT. / ' +
        `Another prestatiemonitor (process ${pid}) already uses the data in ${location}. ` +
        'Stop it first, or give this one its own DATA_DIR and PORT.',
    );
  }
}

interface Running {
  connectionString: string;
  port: number;
  pid: number;
  owner?: number;
  /** Its owner is gone: nobody will stop it, and nobody else may write to it. */
  orphan: boolean;
}

async function findRunning(stateFile: string): Promise<Running | undefined> {
  if (!existsSync(stateFile)) return undefined;
  try {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as {
      port: number;
      pid: number;
      owner?: number;
    };
    if (isAlive(state.pid) && isAzurite(state.pid) && (await answers(state.port))) {
      return {
        connectionString: azuriteConnectionString(state.port),
        port: state.port,
        pid: state.pid,
        owner: state.owner,
        // A record without an owner comes from an older version: treat its Azurite as in use.
        orphan: state.owner !== undefined && !isAlive(state.owner),
      };
    }
  } catch {
    // stale or unreadable: the process is gone
  }
  rmSync(stateFile, { force: true });
  return undefined;
}

/** Whether a process runs (a zombie, exited but not yet reaped, does not). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // Linux: the state is the field after the parenthesised command name.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): kill(0) is all we know
  }
}

/** Guards against a recycled pid: only an Azurite is ever signalled. */
function isAzurite(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('azurite');
  } catch {
    return !existsSync('/proc/self'); // without /proc, trust the record and its answering port
  }
}

/** Stops an Azurite whose owner is gone: SIGINT lets it save; SIGKILL when it does not exit. */
async function stopOrphan(pid: number): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 5_000],
    ['SIGKILL', 2_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // already gone
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isAlive(pid)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolveAnswer(true);
    });
    socket.once('error', () => resolveAnswer(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolveAnswer(false);
    });
    socket.connect(port, '127.0.0.1');
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    if (await answers(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no answer on port ${port} within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess, stateFile?: string): Promise<{ clean: boolean }> {
  // The record goes only once Azurite has exited: a bot forced to exit while Azurite still saves
  // leaves it, so that the next start sees an orphan to stop instead of starting a second Azurite
  // on the same files.
  const forget = () => {
    if (stateFile) rmSync(stateFile, { force: true });
  };
  if (child.exitCode !== null || child.signalCode !== null) {
    forget();
    return Promise.resolve({ clean: false });
  }
  return new Promise((resolveStop) => {
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, 5_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      forget();
      resolveStop({ clean: !killed && code === 0 });
    });
    // Azurite saves its data and closes on SIGINT (it ignores SIGTERM's chance to do so). Only once:
    // its handler is a `once`, so a second SIGINT (a forced stop during a stop) would kill it mid-save.
    if (!child.killed) child.kill('SIGINT');
  });
}
