// Reading a request's bytes: a size limit on the wire and after decompression (a small gzip bomb
// stays small), the Content-Encodings a route accepts, and on a refusal the rest read off first, so
// that the caller gets the answer instead of a broken connection.
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { Request } from 'express';
import { clip, RequestError, type Texts } from './request-error.ts';

export const MISSING: Texts = { nl: 'De body ontbreekt.', en: 'The body is missing.' };

const tooLarge = (limit: number): Texts => ({
  nl: `De body is te groot (hoogstens ${kb(limit)}).`,
  en: `The body is too large (at most ${kb(limit)}).`,
});
const badEncoding = (encoding: string, allowed: string[]): Texts => ({
  nl: `Content-Encoding "${clip(encoding)}" wordt niet ondersteund; toegestaan: ${allowed.join(', ')}.`,
  en: `Content-Encoding "${clip(encoding)}" is not supported; allowed: ${allowed.join(', ')}.`,
});
const brokenEncoding = (encoding: string): Texts => ({
  nl: `De body is niet geldig gecodeerd als "${clip(encoding)}".`,
  en: `The body is not validly encoded as "${clip(encoding)}".`,
});

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} kB`;
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
      reject(new RequestError(400, MISSING));
    };
    req.once('error', broken);
    req.once('close', () => {
      if (!req.readableEnded) broken();
    });
  });
}

const DRAIN_MS = 5_000;

/** Reads off what is left of the body (bounded in time), then hands back the error to throw. */
export async function drained(req: Request, error: RequestError): Promise<RequestError> {
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
