// What a command may touch: its output streams, the clock and the environment. Tests pass their own.
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  now(): number;
  /** The environment whose locale (LC_ALL, LC_MESSAGES, LANG) picks the language; none: Dutch. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A problem with the command's input: printed as it is, one line per problem, exit status 2. */
export class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}
