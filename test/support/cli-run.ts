// The command as a person runs it: a real child process with its own environment, or runCli in
// this process with an environment passed in. Either way the machine's own locale decides nothing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli.ts';
import type { CommandIo } from '../../src/commands/io.ts';

const run = promisify(execFile);
export const DEMO = 'examples/demo-records.json';
const NEUTRAL_ENV = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...args: string[]): Promise<Run> {
  return cliWith({}, ...args);
}

export async function cliWith(env: Record<string, string>, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await run('node', ['bin/prestatiemonitor.js', ...args], {
      env: { ...process.env, ...NEUTRAL_ENV, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export async function inProcess(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (t) => out.push(t), err: (t) => err.push(t), now: () => 0, env };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
