// Request bodies, read once and refused before any handler sees them: the size (also after
// decompression), the Content-Encoding, the charset, the media type, JSON that parses, an object at
// the top and a bounded nesting depth (the bytes themselves: body-read.ts). A refusal is a
// RequestError, so the one error hook answers it in the caller's language and logs one line.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { drained, hasBody, MISSING, readBody } from './body-read.ts';
import { clip, RequestError, type Texts } from './request-error.ts';

export { hasBody, readBody } from './body-read.ts';
export { RequestError } from './request-error.ts';

const TEXTS = {
  invalidJson: { nl: 'De body is geen geldige JSON.', en: 'The body is not valid JSON.' },
  notObject: {
    nl: 'De body moet een JSON-object zijn ({ … }).',
    en: 'The body must be a JSON object ({ … }).',
  },
  notUtf8: { nl: 'De body is geen geldige UTF-8.', en: 'The body is not valid UTF-8.' },
} as const satisfies Record<string, Texts>;

const tooDeep = (depth: number): Texts => ({
  nl: `De body is te diep genest (hoogstens ${depth} niveaus).`,
  en: `The body is nested too deeply (at most ${depth} levels).`,
});
const badCharset = (charset: string): Texts => ({
  nl: `Tekenset "${clip(charset)}" wordt niet ondersteund; stuur UTF-8.`,
  en: `Charset "${clip(charset)}" is not supported; send UTF-8.`,
});
const badType = (expected: string[]): Texts => ({
  nl: `Stuur de body als ${expected.join(' of ')}.`,
  en: `Send the body as ${expected.join(' or ')}.`,
});

export const JSON_TYPE = 'application/json';
export const FORM_TYPE = 'application/x-www-form-urlencoded';

export interface MediaType {
  type: string;
  params: Record<string, string>;
}

/** `type/subtype; name=value; …`, lower-cased; quoted values unquoted. */
export function mediaType(header: string | undefined): MediaType | undefined {
  if (!header) return undefined;
  const [head = '', ...rest] = header.split(';');
  const type = head.trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type)) return undefined;
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name) params[name] = value;
  }
  return { type, params };
}

export function isJsonType(type: string): boolean {
  return type === JSON_TYPE || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

const UTF8 = new Set(['utf-8', 'utf8', 'us-ascii']);

/** The body as text: UTF-8 only (what every caller of ours sends), invalid bytes refused. */
export function bodyText(raw: Buffer, type: MediaType | undefined): string {
  const charset = type?.params.charset?.toLowerCase();
  if (charset !== undefined && !UTF8.has(charset)) throw new RequestError(415, badCharset(charset));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(raw);
  } catch {
    throw new RequestError(400, TEXTS.notUtf8);
  }
}

export const MAX_DEPTH = 64;

/** JSON that parses to an object, nested at most `maxDepth` deep (checked before parsing). */
export function parseJsonObject(text: string, maxDepth = MAX_DEPTH): Record<string, unknown> {
  if (nestingDepth(text) > maxDepth) throw new RequestError(400, tooDeep(maxDepth));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RequestError(400, text.trim() === '' ? MISSING : TEXTS.invalidJson);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new RequestError(400, TEXTS.notObject);
  return value as Record<string, unknown>;
}

/**
 * The deepest nesting of [ and { outside strings. Deep JSON parses, but later recursion over it
 * (JSON.stringify, schema checks, logging) overflows the stack: 10,000 nested arrays do.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** The media type a body must have, or a 415 naming the expected ones. */
export function requireType(req: Request, accepted: ('json' | 'form')[]): MediaType {
  const type = mediaType(req.headers['content-type']);
  const ok =
    type &&
    ((accepted.includes('json') && isJsonType(type.type)) ||
      (accepted.includes('form') && type.type === FORM_TYPE));
  if (!type || !ok)
    throw new RequestError(415, badType(accepted.map((a) => (a === 'json' ? JSON_TYPE : FORM_TYPE))));
  return type;
}

export interface JsonBodyOptions {
  limitBytes: number;
  /** Requests whose body another reader takes (Slack's receiver checks a signature over the raw bytes). */
  skip?: (req: Request) => boolean;
}

/**
 * Every request that carries a body must carry a JSON object; POST, PUT and PATCH must carry one.
 * The parsed object is `req.body`; a refusal goes to the error hook as a RequestError.
 */
export function jsonBodies(options: JsonBodyOptions): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (options.skip?.(req)) return next();
    const needsBody = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH';
    if (!hasBody(req)) return next(needsBody ? new RequestError(400, MISSING) : undefined);
    void (async () => {
      const type = mediaType(req.headers['content-type']);
      if (!type || !isJsonType(type.type))
        throw await drained(req, new RequestError(415, badType([JSON_TYPE])));
      const raw = await readBody(req, {
        limitBytes: options.limitBytes,
        encodings: ['gzip', 'deflate', 'br'],
      });
      req.body = parseJsonObject(bodyText(raw, type));
    })().then(() => next(), next);
  };
}
