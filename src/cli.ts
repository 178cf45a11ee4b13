// The `prestatiemonitor` command: one entry, a table of sub-commands, and one error hook so that
// a person sees a message naming what is wrong, never a stack trace.
import { languageOf } from './commands/args.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { type CommandIo, UsageError } from './commands/io.ts';
import { scorecardCommand } from './commands/scorecard.ts';
import { startCommand } from './commands/start.ts';
import { validateCommand } from './commands/validate.ts';
import { ConfigError } from './config.ts';
import { errorReference, StartupError } from './errors.ts';
import { StoreError } from './store/errors.ts';

type Command = (argv: string[], io: CommandIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  scorecard: scorecardCommand,
  validate: validateCommand,
  import: importCommand,
  export: exportCommand,
  start: startCommand,
};

const HELP = {
  nl: `prestatiemonitor — prestatiemonitoring van raamcontracten in de chat

Opdrachten:
  start                 start de bot (lokaal webkanaal; demo-gegevens bij de eerste start)
  scorecard             scorecard per leverancier en periode
  validate              controleer een records-bestand
  import                records-bestand in de opslag zetten
  export                de opslag als records-bestand

'prestatiemonitor OPDRACHT --help' toont de opties.`,
  en: `prestatiemonitor — performance monitoring of framework contracts in chat

Commands:
  start                 start the bot (local web channel; demo data on first start)
  scorecard             scorecard per supplier and period
  validate              check a records file
  import                put a records file into the store
  export                the store as a records file

'prestatiemonitor COMMAND --help' shows the options.`,
} as const;

export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  const lang = languageOf(argv);
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP[lang]);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(lang === 'nl' ? `${name}: onbekende opdracht` : `${name}: unknown command`);
    io.err(HELP[lang]);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      for (const line of error.lines) io.err(line);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err(error.message);
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
    const id = errorReference();
    io.err(
      lang === 'nl'
        ? `Er ging iets mis aan onze kant (referentie ${id}). Probeer het opnieuw; blijft het gebeuren, meld dan de referentie.`
        : `Something went wrong on our side (reference ${id}). Please try again; if it keeps happening, report the reference.`,
    );
    if (process.env.PRESTATIEMONITOR_DEBUG) io.err(String((error as Error).stack));
    else console.error(`[${id}]`, (error as Error).message);
    return 1;
  }
}

export const systemIo: CommandIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  now: () => Date.now(),
};
