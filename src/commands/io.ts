// What a command may touch: its output streams and the clock. Tests pass their own.
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  now(): number;
}

/** A problem with the command's input: printed as it is, one line per problem, exit status 2. */
export class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}
