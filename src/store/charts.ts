// Chart images that a platform fetches by URL (Slack's image block takes no inline data): kept under
// an unguessable id (128 random bits) in the scorecards table (PK = charts), served by
// GET /charts/<id>.png (http/server.ts) from any instance on the store.
import { randomBytes } from 'node:crypto';
import { parseJson, type TableStore } from './tables.ts';

const PK = 'charts';
/** Azure Tables holds a string property of up to 32K characters: larger images are not kept. */
const MAX_BASE64 = 30_000;

export const CHART_ID = /^[0-9a-f]{32}$/;

export class ChartStore {
  constructor(private readonly tables: TableStore) {}

  /** Keeps a PNG (base64) and returns its id; undefined when it is too large to keep. */
  async put(pngBase64: string, now: number): Promise<string | undefined> {
    if (pngBase64.length > MAX_BASE64) return undefined;
    const id = randomBytes(16).toString('hex');
    await this.tables.create('scorecards', {
      partitionKey: PK,
      rowKey: id,
      createdAt: now,
      json: JSON.stringify({ png: pngBase64 }),
    });
    return id;
  }

  async get(id: string): Promise<Buffer | undefined> {
    if (!CHART_ID.test(id)) return undefined;
    const row = await this.tables.get('scorecards', PK, id);
    return row ? Buffer.from(parseJson<{ png: string }>(row).png, 'base64') : undefined;
  }
}
