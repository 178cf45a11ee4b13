// The one kind of refusal made before any handler runs (a body, a Slack signature): a UserError,
// so the caller reads it in their language, with the HTTP status and one English line for the log.
import { UserError } from '../errors.ts';
import type { Lang } from '../i18n.ts';

export type Texts = Record<Lang, string>;

/**
 * A request refused before any handler (its body, or its Slack signature): the HTTP status, what the
 * caller is told, and what the log says (one line, in English, never a stack trace).
 */
export class RequestError extends UserError {
  readonly logLine: string;
  constructor(
    readonly status: 400 | 401 | 413 | 415,
    detail: Texts,
    options: { logLine?: string } = {},
  ) {
    super('bad-argument', {}, detail);
    this.name = 'RequestError';
    this.logLine = options.logLine ?? detail.en;
  }
}

/** Header values end up in messages and the log: short, printable. */
export function clip(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
