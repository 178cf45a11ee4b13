// The audit trail: every fact changed in chat (a person, a client request, social return, a LEF day), with who
// changed it and when. One entity per change (PK = contract|audit, RK = <moment>|<digest of the
// change's own key>), insert-if-absent, so that a follow-up run again after a crash writes it once.
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
  'lefday-planned',
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

  /** Keeps a change once: `changeKey` names it (the same change written again is one entry). */
  async record(entry: AuditEntry, changeKey: string): Promise<void> {
    const digest = createHash('sha256').update(changeKey).digest('hex').slice(0, 24);
    try {
      await this.tables.create('records', {
        partitionKey: this.partition,
        rowKey: key(sortable(entry.at), digest),
        kind: 'audit',
        json: JSON.stringify(AuditEntry.parse(entry)),
      });
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
    }
  }

  /** The changes since `from` (ms), newest first. */
  async since(from: number): Promise<AuditEntry[]> {
    const rows = await this.tables.list('records', this.partition, { from: sortable(from), to: '~' });
    return rows.map((row) => parseJson<AuditEntry>(row)).sort((a, b) => b.at - a.at);
  }
}
