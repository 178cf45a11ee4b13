// The audit trail: every fact changed in chat (a person, a client request, social return, a LEF day),
// with who changed it and when. One entity per change (PK = contract|audit, RK = at|<moment>|<digest
// of the change's own key>) beside a row under that key alone (once|<digest>), created together, so
// that a follow-up run again after a crash, or a command typed twice, writes it once.
// Entries are never changed or removed.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { StoreError } from './errors.ts';
import { key, parseJson, sortable, type TableStore } from './tables.ts';

export const AUDIT_ACTIONS = [
  'person-added',
  'person-changed',
  'request-registered',
  'request-proposal',
  'request-reselected',
  'socialreturn-submitted',
  'socialreturn-confirmed',
  'socialreturn-rejected',
  'report-delivered',
  'report-accepted',
  'report-rejected',
  'lefday-planned',
  'meeting-planned',
  'figures-submitted',
  'lefday-excused',
  'lefday-attendance',
  'lefday-contribution',
] as const;

export const AuditEntry = z.object({
  at: z.number(),
  /** The person who made the change. */
  by: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** What was changed, as its reader knows it: a person's name, a request's id, a supplier's name. */
  subject: z.string(),
  /** Each field changed: its key (texts `audit.field.*`), the value before (absent: new) and after. */
  changes: z.array(z.object({ field: z.string(), from: z.string().optional(), to: z.string().optional() })),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export class AuditStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  private get partition() {
    return key(this.contract, 'audit');
  }

  /**
   * Keeps a change once: `changeKey` names it, so the same change written again (a retry, a command
   * typed twice, at another moment) is one entry. The entry and a row under the change's key are
   * created in one transaction, so neither is there without the other.
   */
  async record(entry: AuditEntry, changeKey: string): Promise<void> {
    const digest = createHash('sha256').update(changeKey).digest('hex').slice(0, 24);
    const row = (rowKey: string, json: string) => ({
      partitionKey: this.partition,
      rowKey,
      kind: 'audit',
      json,
    });
    try {
      await this.tables.transact('records', [
        ['create', row(key('once', digest), '{}')],
        ['create', row(key('at', sortable(entry.at), digest), JSON.stringify(AuditEntry.parse(entry)))],
      ]);
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
    }
  }

  /** The changes since `from` (ms), newest first. */
  async since(from: number): Promise<AuditEntry[]> {
    const rows = await this.tables.list('records', this.partition, {
      from: key('at', sortable(from)),
      to: 'at}',
    });
    return rows.map((row) => parseJson<AuditEntry>(row)).sort((a, b) => b.at - a.at);
  }
}
