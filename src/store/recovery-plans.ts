// Recovery plans asked in chat: per plan (a supplier's period with red KPIs) what was asked, and
// every version of every answer — the supplier's plan, the contract manager's reviews — as its own
// entity, created insert-if-absent with no read first (PK = contract|recovery, RK = plan|asked or
// plan|v|<ms>|<role>|<person>). The plan's state is read from them (domain/recovery.ts).
import { planId, type RecoveryAsked, type RecoveryPlan, type RecoveryVersion } from '../domain/recovery.ts';
import { StoreError } from './errors.ts';
import { key, parseJson, sortable, type TableStore } from './tables.ts';

export class RecoveryPlanStore {
  constructor(
    private readonly tables: TableStore,
    private readonly contract: string,
  ) {}

  private pk(): string {
    return `${key(this.contract)}|recovery`;
  }

  /** Records that a plan was asked; false when it was asked before (then nothing changes). */
  async ask(asked: RecoveryAsked): Promise<boolean> {
    try {
      await this.tables.create('records', {
        partitionKey: this.pk(),
        rowKey: key(asked.plan, 'asked'),
        json: JSON.stringify(asked),
      });
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'exists') return false;
      throw error;
    }
  }

  /**
   * Keeps one version of an answer, received at `receivedAt` (ms): the same twice is one. A plan's
   * versions are all kept; a review round has one decision (RK plan|review|n, insert-if-absent):
   * when another answer decided it first, that decision is returned and this one is not kept.
   */
  async add(
    plan: string,
    version: RecoveryVersion,
    receivedAt: number,
  ): Promise<RecoveryVersion | undefined> {
    const rowKey =
      version.role === 'supplier'
        ? key(plan, 'v', sortable(receivedAt), version.role, version.by)
        : key(plan, 'review', String(version.round));
    try {
      await this.tables.create('records', { partitionKey: this.pk(), rowKey, json: JSON.stringify(version) });
      return undefined;
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
    }
    if (version.role === 'supplier') return undefined;
    const row = await this.tables.get('records', this.pk(), rowKey);
    const first = row ? parseJson<RecoveryVersion>(row) : undefined;
    const same = first && first.by === version.by && first.at === version.at;
    return same ? undefined : first;
  }

  /** A plan: what was asked and its versions, oldest first. */
  async plan(plan: string): Promise<{ asked?: RecoveryAsked; versions: RecoveryVersion[] }> {
    const prefix = `${key(plan)}|`;
    const rows = await this.tables.list('records', this.pk(), {
      from: prefix,
      to: `${prefix.slice(0, -1)}}`,
    });
    const asked = rows.find((row) => row.rowKey === key(plan, 'asked'));
    return {
      ...(asked ? { asked: parseJson<RecoveryAsked>(asked) } : {}),
      versions: byTime(rows.filter((row) => row !== asked).map((row) => parseJson<RecoveryVersion>(row))),
    };
  }

  /** Every plan of the contract, for the records file and the scorecard. */
  async all(): Promise<{ asked: RecoveryAsked; versions: RecoveryVersion[] }[]> {
    const rows = await this.tables.list('records', this.pk());
    const plans = new Map<string, { asked?: RecoveryAsked; versions: RecoveryVersion[] }>();
    for (const row of rows) {
      const isAsked = row.rowKey.endsWith('|asked');
      const value = parseJson<RecoveryAsked & RecoveryVersion>(row);
      const plan = value.plan;
      const entry = plans.get(plan) ?? { versions: [] };
      if (isAsked) entry.asked = value;
      else entry.versions.push(value);
      plans.set(plan, entry);
    }
    return [...plans.values()].flatMap((p) =>
      p.asked ? [{ asked: p.asked, versions: byTime(p.versions) }] : [],
    );
  }

  /** Plans of a records file: what was asked and each version, insert-if-absent (a re-import adds nothing). */
  async importPlans(plans: RecoveryPlan[]): Promise<void> {
    for (const { versions, ...asked } of plans) {
      const plan = planId(asked.supplier, asked.period);
      for (const version of versions) await this.add(plan, { ...version, plan }, Date.parse(version.at));
      await this.ask({ ...asked, plan });
    }
  }

  /** Every plan as the records file has it (no plan ids: they follow from supplier and period). */
  async exportPlans(): Promise<RecoveryPlan[]> {
    return (await this.all()).map(({ asked: { plan: _plan, ...asked }, versions }) => ({
      ...asked,
      versions: versions.map(({ plan: _p, ...version }) => version),
    }));
  }
}

/** Versions in the order they were received; at the same moment a plan before its review. */
function byTime(versions: RecoveryVersion[]): RecoveryVersion[] {
  return versions.sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) || Number(a.role !== 'supplier') - Number(b.role !== 'supplier'),
  );
}
