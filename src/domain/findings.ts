// Findings with a life (pure): a scorecard compared with the stored findings of its supplier and
// period. A KPI that is red and has no finding is found now; a closed one that is red again is
// reopened; an open one whose KPI is green again is resolved. Each change is what an alert is
// about, and the alert's id is made only of what was stored before the change, so that whoever
// reconciles the same state (another instance, a retry after a crash) names the same alert.
import type { ConsequenceId } from './frameworks/schema.ts';
import type { Finding } from './records.ts';
import type { Scorecard } from './scoring.ts';

export interface FindingChange {
  /** The finding as stored before, if any (its write is conditional on it). */
  before?: Finding;
  after: Finding;
}

export interface FindingsEvent {
  /** Deterministic: the same stored state and the same scorecard give the same id. */
  id: string;
  supplier: string;
  period: string;
  /** KPIs red now that were not (found or reopened now). */
  newlyRed: string[];
  /** KPIs green again whose finding closes now. */
  resolved: string[];
  /** Every KPI with an open finding after the change. */
  open: string[];
  level: ConsequenceId;
  previousLevel: ConsequenceId;
}

export interface Reconciled {
  changes: FindingChange[];
  event?: FindingsEvent;
}

const isOpen = (f: Finding) => f.resolvedAt === undefined;

/**
 * What changes between `stored` (this supplier and period's findings) and `scorecard`, found at
 * `at` (a moment as the records write it). `levelOf` gives the consequence of a number of red KPIs.
 */
export function reconcileFindings(
  scorecard: Scorecard,
  stored: Finding[],
  at: string,
  levelOf: (redCount: number) => ConsequenceId,
): Reconciled {
  const mine = stored.filter((f) => f.supplier === scorecard.supplier && f.period === scorecard.period);
  const byKpi = new Map(mine.map((f) => [f.kpi, f]));
  const changes: FindingChange[] = [];
  const parts: string[] = [];
  const newlyRed: string[] = [];
  const resolved: string[] = [];
  for (const kpi of scorecard.kpis) {
    const finding = byKpi.get(kpi.id);
    if (kpi.status === 'red') {
      if (!finding) {
        changes.push({
          after: { supplier: scorecard.supplier, period: scorecard.period, kpi: kpi.id, foundAt: at },
        });
        parts.push(`${kpi.id}+found`);
        newlyRed.push(kpi.id);
      } else if (!isOpen(finding)) {
        const { resolvedAt: _closed, ...reopened } = finding;
        changes.push({ before: finding, after: { ...reopened, reopenedAt: at } });
        parts.push(`${kpi.id}+reopened@${finding.resolvedAt}`);
        newlyRed.push(kpi.id);
      }
    } else if (kpi.status === 'green' && finding && isOpen(finding)) {
      // Only green closes a finding: pending or without data says nothing yet.
      changes.push({ before: finding, after: { ...finding, resolvedAt: at } });
      parts.push(`${kpi.id}-resolved@${finding.reopenedAt ?? finding.foundAt}`);
      resolved.push(kpi.id);
    }
  }
  if (changes.length === 0) return { changes };
  const openBefore = mine.filter(isOpen).map((f) => f.kpi);
  const openAfter = [...openBefore.filter((k) => !resolved.includes(k)), ...newlyRed];
  const order = scorecard.kpis.map((k) => k.id);
  const sorted = (ids: string[]) => [...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    changes,
    event: {
      id: [scorecard.supplier, scorecard.period, ...parts.sort()].join('|'),
      supplier: scorecard.supplier,
      period: scorecard.period,
      newlyRed: sorted(newlyRed),
      resolved: sorted(resolved),
      open: sorted(openAfter),
      level: levelOf(openAfter.length),
      previousLevel: levelOf(openBefore.length),
    },
  };
}
