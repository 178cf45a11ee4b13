// The `prestatiemonitor` command: one entry, a table of sub-commands, and one error hook so that
// a person sees a message naming what is wrong, in their language, never a stack trace.
import { languageOf, parseCommandArgs, wantsHelp } from './commands/args.ts';
import { exportCommand } from './commands/export.ts';
import { useFrameworksDir } from './commands/frameworks.ts';
import { importCommand } from './commands/import.ts';
import { type CommandIo, UsageError } from './commands/io.ts';
import { reportCommand } from './commands/report.ts';
import { scorecardCommand } from './commands/scorecard.ts';
import { startCommand } from './commands/start.ts';
import { validateCommand } from './commands/validate.ts';
import { ConfigError } from './config.ts';
import { errorReference, StartupError } from './errors.ts';
import type { Lang } from './i18n.ts';
import { StoreError } from './store/errors.ts';
import { type TextKey, t } from './texts/index.ts';

export type Command = (argv: string[], io: CommandIo, lang: Lang) => Promise<number>;

/** Each command with its help: `--help` prints that and runs nothing. */
export const COMMANDS = {
  start: { run: startCommand, help: 'cli.help.start' },
  scorecard: { run: scorecardCommand, help: 'cli.help.scorecard' },
  validate: { run: validateCommand, help: 'cli.help.validate' },
  import: { run: importCommand, help: 'cli.help.import' },
  export: { run: exportCommand, help: 'cli.help.export' },
  report: { run: reportCommand, help: 'cli.help.report' },
} as const satisfies Record<string, { run: Command; help: TextKey }>;

export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const lang = languageOf(argv, io.env);
  const { lead, name, rest } = splitCommand(argv);
  if (name === undefined || name === 'help') {
    try {
      parseCommandArgs(lead, {}, lang);
    } catch (error) {
      return report(error, io, lang);
    }
    if (name === 'help' || wantsHelp(lead)) {
      // `prestatiemonitor help scorecard` is `prestatiemonitor scorecard --help`.
      const topic = rest[0] !== undefined && Object.hasOwn(COMMANDS, rest[0]) ? rest[0] : undefined;
      io.out(t(lang, topic ? COMMANDS[topic as keyof typeof COMMANDS].help : 'cli.help.main'));
      return 0;
    }
    io.err(t(lang, 'cli.help.main'));
    return 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name as keyof typeof COMMANDS] : undefined;
  if (!command) {
    io.err(t(lang, 'cli.error.unknownCommand', { name }));
    return 2;
  }
  if (wantsHelp([...lead, ...rest])) {
    io.out(t(lang, command.help));
    return 0;
  }
  try {
    // A deployment's own frameworks (FRAMEWORKS_DIR), beside the built-in ones, for every command.
    useFrameworksDir(io.env?.FRAMEWORKS_DIR);
    // A --lang before the command's name is the command's as well (and checked there).
    return await command.run([...lead.filter((a) => !wantsHelp([a])), ...rest], io, lang);
  } catch (error) {
    return report(error, io, lang);
  }
}

/** `--lang en scorecard …`: the options before the command's name, the name, and what follows it. */
function splitCommand(argv: string[]): { lead: string[]; name?: string; rest: string[] } {
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i] as string;
    if (arg === '--lang') i += 2;
    else if (arg.startsWith('--lang=') || wantsHelp([arg])) i += 1;
    else break;
  }
  return { lead: argv.slice(0, Math.min(i, argv.length)), name: argv[i], rest: argv.slice(i + 1) };
}

function report(error: unknown, io: CommandIo, lang: Lang): number {
  if (error instanceof UsageError) {
    for (const line of error.lines) io.err(line);
    return 2;
  }
  if (error instanceof ConfigError) {
    // The settings' own lines name the variable and what it expects.
    const [, ...lines] = error.message.split('\n');
    io.err(t(lang, 'cli.error.settings'));
    for (const line of lines) io.err(line);
    return 2;
  }
  if (error instanceof StartupError) {
    io.err(error.message);
    return 1;
  }
  if (error instanceof StoreError) {
    io.err(error.userMessage(lang));
    console.error(`[store] ${error.message}`);
    return 1;
  }
  const reference = errorReference();
  io.err(t(lang, 'cli.error.internal', { reference }));
  if (process.env.PRESTATIEMONITOR_DEBUG) io.err(String((error as Error).stack));
  else console.error(`[${reference}]`, (error as Error).message);
  return 1;
}

export const systemIo: CommandIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  now: () => Date.now(),
  env: process.env,
};
