// Argument parsing shared by the commands: node's parseArgs, with its errors turned into UsageErrors.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n.ts';
import { UsageError } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<T extends Options>(argv: string[], options: T) {
  const lang = languageOf(argv);
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    const values: Record<string, string | boolean | undefined> = Object.fromEntries(
      Object.entries(parsed.values),
    );
    return { values, lang };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) {
      throw new UsageError([
        lang === 'nl'
          ? `${unknown[1]}: onbekende optie (zie --help)`
          : `${unknown[1]}: unknown option (see --help)`,
      ]);
    }
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
    if (missing)
      throw new UsageError([
        lang === 'nl' ? `${missing[1]}: waarde ontbreekt` : `${missing[1]}: value missing`,
      ]);
    const positional = /Unexpected argument '([^']+)'/.exec(message);
    if (positional) {
      throw new UsageError([
        lang === 'nl'
          ? `${positional[1]}: onverwacht argument (zie --help)`
          : `${positional[1]}: unexpected argument (see --help)`,
      ]);
    }
    throw new UsageError([message]);
  }
}

/** The --lang given, looked up before the rest so that even argument errors are in that language. */
export function languageOf(argv: string[]): Lang {
  const index = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (index < 0) return DEFAULT_LANG;
  const arg = argv[index] as string;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  return value !== undefined && isLang(value) ? value : DEFAULT_LANG;
}

export function checkLang(value: string | boolean | undefined): Lang {
  if (value === undefined) return DEFAULT_LANG;
  if (typeof value === 'string' && isLang(value)) return value;
  throw new UsageError([`--lang: verwacht nl of en / expected nl or en, not "${String(value)}"`]);
}
