// Request bodies, read once and refused before any handler sees them: the size (also after
// decompression), the Content-Encoding, the charset, the media type, JSON that parses, an object at
// the top and a bounded nesting depth. A refusal is a UserError with an HTTP status, so the one error
// hook answers it in the caller's language and logs one line.
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { UserError } from '../errors.ts';
import type { Lang } from '../i18n.ts';

type Texts = Record<Lang, string>;

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

const TEXTS = {
  invalidJson: { nl: 'De body is geen geldige JSON.', en: 'The body is not valid JSON.' },
  notObject: {
    nl: 'De body moet een JSON-object zijn ({ … }).',
    en: 'The body must be a JSON object ({ … }).',
  },
  missing: { nl: 'De body ontbreekt.', en: 'The body is missing.' },
  notUtf8: { nl: 'De body is geen geldige UTF-8.', en: 'The body is not valid UTF-8.' },
} as const satisfies Record<string, Texts>;

const tooLarge = (limit: number): Texts => ({
  nl: `De body is te groot (hoogstens ${kb(limit)}).`,
  en: `The body is too large (at most ${kb(limit)}).`,
});
const tooDeep = (depth: number): Texts => ({
  nl: `De body is te diep genest (hoogstens ${depth} niveaus).`,
  en: `The body is nested too deeply (at most ${depth} levels).`,
});
const badCharset = (charset: string): Texts => ({
  nl: `Tekenset "${clip(charset)}" wordt niet ondersteund; stuur UTF-8.`,
  en: `Charset "${clip(charset)}" is not supported; send UTF-8.`,
});
const badEncoding = (encoding: string, allowed: string[]): Texts => ({
  nl: `Content-Encoding "${clip(encoding)}" wordt niet ondersteund; toegestaan: ${allowed.join(', ')}.`,
  en: `Content-Encoding "${clip(encoding)}" is not supported; allowed: ${allowed.join(', ')}.`,
});
const brokenEncoding = (encoding: string): Texts => ({
  nl: `De body is niet geldig gecodeerd als "${clip(encoding)}".`,
  en: `The body is not validly encoded as "${clip(encoding)}".`,
});
const badType = (expected: string[]): Texts => ({
  nl: `Stuur de body als ${expected.join(' of ')}.`,
  en: `Send the body as ${expected.join(' or ')}.`,
});

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} kB`;
}

/** Header values end up in messages and the log: short, printable. */
function clip(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}

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

/** True when the request announces a body (HTTP/1.1: Transfer-Encoding or a non-zero Content-Length). */
export function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

export interface ReadOptions {
  /** The most bytes accepted, on the wire and after decompression. */
  limitBytes: number;
  /** Content-Encodings that are decoded (identity is always accepted). */
  encodings?: readonly ('gzip' | 'deflate' | 'br')[];
}

/**
 * The request's bytes, decoded from its Content-Encoding. On a refusal the rest of the body is read
 * off first (as body-parser does), so the caller gets the answer instead of a broken connection.
 */
export async function readBody(req: Request, options: ReadOptions): Promise<Buffer> {
  const { limitBytes } = options;
  const allowed = options.encodings ?? [];
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  const known = encoding === 'identity' || (allowed as readonly string[]).includes(encoding);
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (!known)
    throw await drained(req, new RequestError(415, badEncoding(encoding, ['identity', ...allowed])));
  if (declared > limitBytes) throw await drained(req, new RequestError(413, tooLarge(limitBytes)));
  const raw = await collect(req, limitBytes);
  if (raw === undefined) throw new RequestError(413, tooLarge(limitBytes));
  return encoding === 'identity' ? raw : decompress(raw, encoding, limitBytes);
}

function decompress(raw: Buffer, encoding: string, limitBytes: number): Buffer {
  // maxOutputLength stops a small bomb from inflating into memory beyond the limit.
  const options = { maxOutputLength: limitBytes + 1 };
  try {
    const out =
      encoding === 'gzip'
        ? gunzipSync(raw, options)
        : encoding === 'br'
          ? brotliDecompressSync(raw, options)
          : inflateOrRaw(raw, options);
    if (out.length > limitBytes) throw new RequestError(413, tooLarge(limitBytes));
    return out;
  } catch (error) {
    if (error instanceof RequestError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new RequestError(413, tooLarge(limitBytes));
    throw new RequestError(400, brokenEncoding(encoding));
  }
}

/** "deflate" is zlib-wrapped by the standard, raw by some clients: body-parser accepts both. */
function inflateOrRaw(raw: Buffer, options: { maxOutputLength: number }): Buffer {
  try {
    return inflateSync(raw, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw error;
    return inflateRawSync(raw, options);
  }
}

/**
 * All of the body, or undefined when it outgrows the limit (then the rest is read off and dropped).
 * Events, not `for await`: leaving an async iterator early destroys the socket.
 */
function collect(req: Request, limitBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
      else if (!timer) {
        chunks.length = 0;
        timer = setTimeout(() => req.destroy(), DRAIN_MS);
      }
    });
    req.once('end', () => {
      clearTimeout(timer);
      resolve(size <= limitBytes ? Buffer.concat(chunks) : undefined);
    });
    // The caller went away or broke the stream: nobody waits for a helpful answer, but one is given.
    const broken = () => {
      clearTimeout(timer);
      reject(new RequestError(400, TEXTS.missing));
    };
    req.once('error', broken);
    req.once('close', () => {
      if (!req.readableEnded) broken();
    });
  });
}

const DRAIN_MS = 5_000;

/** Reads off what is left of the body (bounded in time), then hands back the error to throw. */
async function drained(req: Request, error: RequestError): Promise<RequestError> {
  if (req.readableEnded || req.destroyed) return error;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      req.destroy();
      resolve();
    }, DRAIN_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    req.once('end', done);
    req.once('close', done);
    req.once('error', done);
    req.resume();
  });
  return error;
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
    throw new RequestError(400, text.trim() === '' ? TEXTS.missing : TEXTS.invalidJson);
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
    if (!hasBody(req)) return next(needsBody ? new RequestError(400, TEXTS.missing) : undefined);
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
