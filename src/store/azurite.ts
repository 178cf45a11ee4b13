// The embedded store: Azurite's table service from the `azurite` package, as a child process on a
// free loopback port. With a data folder its data survives restarts; without one it lives in memory
// (tests). A running instance records its port in `<data>/azurite.json`, so that a command started
// beside the bot uses the bot's Azurite instead of opening the same files twice.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  stop(): Promise<void>;
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
  timeoutMs?: number;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<EmbeddedAzurite> {
  const stateFile = options.location ? join(options.location, 'azurite.json') : undefined;
  const whenRunning = options.whenRunning ?? 'reuse';
  if (stateFile && whenRunning !== 'ignore') {
    const running = await findRunning(stateFile);
    if (running && whenRunning === 'fail')
      throw new AzuriteInUseError(options.location as string, running.pid);
    if (running) return { ...running, location: options.location, owned: false, stop: async () => {} };
  }
  if (options.location) mkdirSync(options.location, { recursive: true });

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const args = [azuriteTableMain(), '--tableHost', '127.0.0.1', '--tablePort', String(port)];
    args.push('--disableTelemetry', '--skipApiVersionCheck', '--silent');
    if (options.location) args.push('--location', options.location);
    else args.push('--inMemoryPersistence');
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
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
    if (stateFile) writeFileSync(stateFile, JSON.stringify({ port, pid: child.pid }));
    return {
      connectionString: azuriteConnectionString(port),
      port,
      location: options.location,
      owned: true,
      stop: () => stopChild(child, stateFile),
    };
  }
  throw lastError;
}

function azuriteTableMain(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'table', 'main.js');
}

export class AzuriteInUseError extends StartupError {
  constructor(
    readonly location: string,
    readonly pid: number,
  ) {
    super(
      `Another prestatiemonitor already uses the data in ${location} (Azurite, process ${pid}). ` +
        'Stop it first, or give this one its own DATA_DIR and PORT.',
    );
  }
}

async function findRunning(
  stateFile: string,
): Promise<{ connectionString: string; port: number; pid: number } | undefined> {
  if (!existsSync(stateFile)) return undefined;
  try {
    const { port, pid } = JSON.parse(readFileSync(stateFile, 'utf8')) as { port: number; pid: number };
    process.kill(pid, 0); // throws when no such process
    if (await answers(port)) return { connectionString: azuriteConnectionString(port), port, pid };
  } catch {
    // stale: the process is gone
  }
  rmSync(stateFile, { force: true });
  return undefined;
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

function stopChild(child: ChildProcess, stateFile?: string): Promise<void> {
  if (stateFile) rmSync(stateFile, { force: true });
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    // Azurite saves its data and closes on SIGINT (it ignores SIGTERM's chance to do so).
    child.kill('SIGINT');
  });
}
