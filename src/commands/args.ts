// Argument parsing shared by the commands: node's parseArgs, with its errors turned into UsageErrors
// in the language of the command line (--lang, else the environment's locale).
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { isLang, type Lang } from '../i18n.ts';
import { t } from '../texts/index.ts';
import { UsageError } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
export type Env = Readonly<Record<string, string | undefined>>;

/** True when the arguments ask for help: the command then prints it and does nothing else. */
export function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export function parseCommandArgs<T extends Options>(argv: string[], options: T, lang: Lang) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError([describeParseError(error as Error, lang)]);
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    values[name] = Array.isArray(value) ? value.at(-1) : value;
  }
  checkLang(values.lang, lang);
  return { values };
}

function describeParseError(error: Error, lang: Lang): string {
  const message = error.message.split('\n')[0] ?? '';
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return t(lang, 'cli.error.unknownOption', { option: unknown[1] ?? '' });
  const missing = /Option '(?:-\w, )?([^' ]+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return t(lang, 'cli.error.valueMissing', { option: missing[1] ?? '' });
  const noValue = /Option '(?:-\w, )?([^' ]+)' does not take an argument/.exec(message);
  if (noValue) return t(lang, 'cli.error.noValueExpected', { option: noValue[1] ?? '' });
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return t(lang, 'cli.error.unexpectedArgument', { value: positional[1] ?? '' });
  // parseArgs has no other user errors today; a new one is still named, if in node's words.
  return message;
}

/**
 * The language of the command line: a valid --lang, else the locale of the environment (LC_ALL, then
 * LC_MESSAGES, then LANG, the first one set: en… is English, anything else Dutch).
 */
export function languageOf(argv: string[], env: Env = {}): Lang {
  const given = langArg(argv);
  if (given !== undefined && isLang(given)) return given;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'nl';
}

function langArg(argv: string[]): string | undefined {
  let value: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--lang') value = argv[i + 1];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  });
  return value;
}

/** A --lang that is neither nl nor en is an argument error, named in the language otherwise chosen. */
function checkLang(value: string | boolean | undefined, lang: Lang): void {
  if (value === undefined || (typeof value === 'string' && isLang(value))) return;
  throw new UsageError([t(lang, 'cli.error.lang', { value: String(value) })]);
}
