// Chart images that a platform fetches by URL (Slack's image block takes no inline data): kept under
// an unguessable id (128 random bits) in the scorecards table (PK = charts), served by
// GET /charts/<id>.png (http/server.ts) from any instance on the store, and removed after
// KEEP_DAYS by the daily job (Slack has fetched and cached them long before).
import { randomBytes } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { parseJson, type TableStore } from './tables.ts';

const PK = 'charts';
/** Azure Tables holds a string property of up to 32K characters: the image is split over several. */
const PART = 30_000;
const MAX_PARTS = 16;
export const KEEP_DAYS = 90;

export const CHART_ID = /^[0-9a-f]{32}$/;

export class ChartStore {
  constructor(private readonly tables: TableStore) {}

  /** Keeps a PNG (base64) and returns its id; undefined when it is too large to keep. */
  async put(pngBase64: string, now: number): Promise<string | undefined> {
    const parts = Math.ceil(pngBase64.length / PART);
    if (parts > MAX_PARTS) return undefined;
    const id = randomBytes(16).toString('hex');
    const props: Record<string, string> = {};
    for (let i = 0; i < parts; i++) props[`png${i}`] = pngBase64.slice(i * PART, (i + 1) * PART);
    await this.tables.create('scorecards', {
      partitionKey: PK,
      rowKey: id,
      createdAt: now,
      json: JSON.stringify({ parts }),
      ...props,
    });
    return id;
  }

  async get(id: string): Promise<Buffer | undefined> {
    if (!CHART_ID.test(id)) return undefined;
    const row = await this.tables.get('scorecards', PK, id);
    if (!row) return undefined;
    const { parts } = parseJson<{ parts: number }>(row);
    const base64 = Array.from({ length: parts }, (_, i) => String(row[`png${i}`] ?? '')).join('');
    return Buffer.from(base64, 'base64');
  }

  /** Removes the charts kept longer than KEEP_DAYS; returns how many. */
  async removeOlderThan(now: number): Promise<number> {
    const before = now - KEEP_DAYS * 86_400_000;
    const rows = await this.tables.query(
      'scorecards',
      odata`PartitionKey eq ${PK} and createdAt lt ${before}`,
    );
    for (const row of rows) await this.tables.delete('scorecards', PK, row.rowKey);
    return rows.length;
  }
}
