// Every recomputation of a scorecard (an answer, an import, the command line, the clock) ends
// here: the scorecard is compared with the stored findings (domain/findings.ts), and a change
// becomes the finding's new state and exactly one alert, whoever found it. The alert's outbox item
// is written first, keyed by the change (made of what was stored before it), then the findings in
// one transaction: a crash in between leaves an alert whose finding the next recomputation writes,
// naming the same alert, so nothing is sent twice and nothing is lost.
import type { AlertView } from '../channels/channel.ts';
import { type FindingsEvent, reconcileFindings } from '../domain/findings.ts';
import type { Framework } from '../domain/frameworks/schema.ts';
import type { ContractSettings, Person, Records } from '../domain/records.ts';
import { consequenceFor, type Scorecard } from '../domain/scoring.ts';
import { formatInstant } from '../domain/time.ts';
import { kpiFigures } from '../render/kpi-figures.ts';
import { StoreError } from '../store/errors.ts';
import type { OutboxStore } from '../store/outbox.ts';
import type { RecordsStore } from '../store/records-store.ts';

export const ALERT_JOB = 'alert';

/** What reconciling needs: the store, not a chat channel (the command line has none). */
export interface FindingsAccess {
  records: RecordsStore;
  outbox: OutboxStore;
  contract: string;
}

/** Names and settings the alert is written with. */
export interface AlertContext {
  settings: ContractSettings;
  suppliers: Records['suppliers'];
  people: Iterable<Person>;
}

const ATTEMPTS = 4;

/** Reconciles one scorecard with its findings; returns the change, if there was one. */
export async function reconcileScorecard(
  access: FindingsAccess,
  scored: { scorecard: Scorecard; framework: Framework },
  at: number,
  context: AlertContext,
): Promise<FindingsEvent | undefined> {
  const { scorecard, framework } = scored;
  for (let attempt = 1; ; attempt++) {
    const stored = await access.records.findingsOf(access.contract, scorecard.supplier, scorecard.period);
    const { changes, event } = reconcileFindings(
      scorecard,
      stored.map((s) => s.finding),
      formatInstant(at, context.settings.timeZone),
      (red) => consequenceFor(framework, red),
    );
    if (!event) return undefined;
    await access.outbox.enqueue([
      {
        id: `${ALERT_JOB}|${event.id}`,
        kind: ALERT_JOB,
        payload: { alert: alertView(scorecard, framework, event, context), queuedAt: at },
        dueAt: at,
      },
    ]);
    const etagOf = (kpi: string) => stored.find((s) => s.finding.kpi === kpi)?.etag;
    try {
      await access.records.writeFindings(
        access.contract,
        changes.map((c) => ({ finding: c.after, ...(c.before ? { etag: etagOf(c.before.kpi) } : {}) })),
      );
      return event;
    } catch (error) {
      // Another instance wrote these findings first: read again (its alert has this one's id).
      const raced = error instanceof StoreError && (error.kind === 'exists' || error.kind === 'conflict');
      if (!raced || attempt >= ATTEMPTS) throw error;
    }
  }
}

export function alertView(
  scorecard: Scorecard,
  framework: Framework,
  event: FindingsEvent,
  context: AlertContext,
): AlertView {
  const name = (id: string) => framework.kpis.find((k) => k.id === id)?.name ?? { nl: id, en: id };
  const text = (id: string) => framework.consequences.find((c) => c.id === id)?.text ?? { nl: id, en: id };
  const critical = event.level === 'critical';
  const managers = [...context.people].filter((p) => p.roles.includes('contractManager'));
  return {
    supplier: scorecard.supplier,
    supplierName: context.suppliers.find((s) => s.id === scorecard.supplier)?.name ?? scorecard.supplier,
    period: scorecard.period,
    level: event.level,
    previousLevel: event.previousLevel,
    newlyRed: event.newlyRed.map((id) => ({ id, name: name(id) })),
    resolved: event.resolved.map((id) => ({ id, name: name(id) })),
    red: event.open.map((id) => {
      const kpi = scorecard.kpis.find((k) => k.id === id);
      const rule = framework.kpis.find((k) => k.id === id)?.rule.kind;
      return { id, name: name(id), ...(kpi ? { figures: kpiFigures(kpi, rule) } : {}) };
    }),
    consequence: text(event.level),
    critical,
    ...(event.open.length > 0 && scorecard.recoveryPlanDue
      ? { recoveryPlanDue: scorecard.recoveryPlanDue }
      : {}),
    ...(critical ? { mention: managers.map((p) => ({ person: p.id, name: p.name })) } : {}),
  };
}
