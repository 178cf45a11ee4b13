// Signed, expiring download links to a progress report: the token names the report (contract,
// supplier, period, format, language), the person it was made for and its expiry, with an HMAC-SHA256
// over all of it. The secret is made once and kept in the store (shared by every instance, the same
// after a restart; never in the repository). A link that is altered, expired, or made for someone who
// may no longer see that supplier is refused; the report is drawn from the records when opened.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { StoreError } from '../store/errors.ts';
import type { TableStore } from '../store/tables.ts';

export const ReportLink = z.strictObject({
  contract: z.string().max(200),
  supplier: z.string().max(200),
  period: z.string().max(20),
  format: z.enum(['pdf', 'xlsx']),
  lang: z.enum(['nl', 'en']),
  person: z.string().max(200),
  /** Until when (ms) the link works. */
  expires: z.number().int(),
});
export type ReportLink = z.infer<typeof ReportLink>;

/** How long a link works. */
export const LINK_HOURS = 24;

const SECRET_ROW = { partitionKey: 'secrets', rowKey: 'report-links' };

/** The links' secret: read from the store, or made (insert-if-absent: two instances agree on one). */
export async function linkSecret(tables: TableStore): Promise<Buffer> {
  const row = await tables.get('records', SECRET_ROW.partitionKey, SECRET_ROW.rowKey);
  if (row) return Buffer.from(row.json, 'base64url');
  try {
    await tables.create('records', {
      ...SECRET_ROW,
      kind: 'secret',
      json: randomBytes(32).toString('base64url'),
    });
  } catch (error) {
    if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
  }
  return linkSecret(tables);
}

const mac = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

export function signLink(secret: Buffer, link: ReportLink): string {
  const body = Buffer.from(JSON.stringify(ReportLink.parse(link))).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

export type LinkCheck = { ok: true; link: ReportLink } | { ok: false; reason: 'altered' | 'expired' };

/** The link a token names, if its signature holds and it has not expired at `now`. */
export function readLink(secret: Buffer, token: string, now: number): LinkCheck {
  const [body = '', signature = ''] = token.split('.');
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'altered' };
  let parsed: ReturnType<typeof ReportLink.safeParse>;
  try {
    parsed = ReportLink.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'altered' };
  }
  if (!parsed.success) return { ok: false, reason: 'altered' };
  if (now >= parsed.data.expires) return { ok: false, reason: 'expired' };
  return { ok: true, link: parsed.data };
}
