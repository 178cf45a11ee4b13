// Reading a scorecard: from its materialised row when that is fresh, else scored from the records
// and stored for the next reader. Fresh means: not marked stale by a change, computed by this
// framework and revision, and computed today, or, for a period that has ended with nothing
// pending, at any time after its end (time alone no longer changes it).
import { createHash } from 'node:crypto';
import { type Framework, findFramework } from '../domain/frameworks/index.ts';
import { type Period, parsePeriod } from '../domain/periods.ts';
import type { Finding } from '../domain/records.ts';
import { prepare, type Scorecard, scoreSupplier } from '../domain/scoring.ts';
import { localDate } from '../domain/time.ts';
import type { StoredScorecard } from '../store/scorecards.ts';
import type { ContractView, Core } from './core.ts';

/**
 * Raise when the code of a rule or the stored row's shape changes: rows of another revision are
 * scored again when read. (A change of the framework's data changes the version by itself.)
 */
export const SCORECARD_REVISION = 1;

const versions = new WeakMap<Framework, string>();
export function scorecardVersion(framework: Framework): string {
  let version = versions.get(framework);
  if (!version) {
    const digest = createHash('sha256').update(JSON.stringify(framework)).digest('hex').slice(0, 12);
    version = `${SCORECARD_REVISION}-${digest}`;
    versions.set(framework, version);
  }
  return version;
}

export interface ScoredCard {
  scorecard: Scorecard;
  framework: Framework;
  /** The findings of this supplier and period, with their replies. */
  findings: Finding[];
}

export function isFresh(stored: StoredScorecard, version: string, today: string): boolean {
  if (stored.version !== version) return false;
  if (stored.day === today) return true;
  const period = parsePeriod(stored.scorecard.period);
  const ended = period !== undefined && period.last < stored.day;
  return ended && stored.scorecard.kpis.every((kpi) => kpi.status !== 'pending');
}

/** Scores one supplier's period from the records, as of now. */
export async function computeScorecard(core: Core, supplier: string, period: Period): Promise<ScoredCard> {
  const records = await core.records.loadForScoring(core.contract, period, supplier);
  const context = prepare(records);
  const { scorecard } = scoreSupplier(context, { supplier, period, asOf: core.clock.now() });
  return {
    scorecard,
    framework: context.framework,
    findings: records.findings.filter((f) => f.supplier === supplier && f.period === period.id),
  };
}

export function toStored(core: Core, scored: ScoredCard, view: ContractView): StoredScorecard {
  const now = core.clock.now();
  return {
    scorecard: scored.scorecard,
    findings: scored.findings,
    computedAt: now,
    day: localDate(now, view.settings.timeZone),
    version: scorecardVersion(scored.framework),
  };
}

/** A scorecard for `/scorecard`: its stored row when fresh, else scored now and stored. */
export async function readScorecard(
  core: Core,
  supplier: string,
  period: Period,
  view: ContractView,
): Promise<ScoredCard> {
  const framework = findFramework(view.contract.framework);
  const row = await core.scorecards.read(supplier, period.id);
  const today = localDate(core.clock.now(), view.settings.timeZone);
  if (framework && row.stored && isFresh(row.stored, scorecardVersion(framework), today))
    return { scorecard: row.stored.scorecard, framework, findings: row.stored.findings };
  const scored = await computeScorecard(core, supplier, period);
  // Stored unless something changed the row meanwhile (then the next reader scores again).
  await core.scorecards.write(toStored(core, scored, view), row.etag);
  return scored;
}
