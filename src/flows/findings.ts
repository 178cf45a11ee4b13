// Every recomputation of a scorecard (an answer, an import, the command line, the clock) ends
// here: the scorecard is compared with the stored findings (domain/findings.ts), and a change
// becomes the finding's new state and exactly one alert, whoever found it. The alert's outbox item
// is written first, keyed by the change (made of what was stored before it), then the findings in
// one transaction: a crash in between leaves an alert whose finding the next recomputation writes,
// naming the same alert, so nothing is sent twice and nothing is lost. One reconciliation of a
// supplier's period runs at a time (a lease in the store): two computing different scorecards from
// the same findings would otherwise each queue an alert of their own.
import type { AlertView } from '../channels/channel.ts';
import { DeferredDelivery } from '../channels/delivery.ts';
import { type FindingsEvent, reconcileFindings } from '../domain/findings.ts';
import type { Framework } from '../domain/frameworks/schema.ts';
import type { ContractSettings, Person, Records } from '../domain/records.ts';
import { consequenceFor, type Scorecard } from '../domain/scoring.ts';
import { formatInstant } from '../domain/time.ts';
import { kpiFigures } from '../render/kpi-figures.ts';
import { StoreError } from '../store/errors.ts';
import type { LockStore } from '../store/locks.ts';
import type { OutboxStore } from '../store/outbox.ts';
import type { RecordsStore } from '../store/records-store.ts';
import { supplierName } from './core.ts';

export const ALERT_JOB = 'alert';

/** What reconciling needs: the store, not a chat channel (the command line has none). */
export interface FindingsAccess {
  records: RecordsStore;
  outbox: OutboxStore;
  locks: LockStore;
  contract: string;
}

/** Another instance is reconciling this supplier's period: try again in a moment. */
export class ReconcileBusy extends DeferredDelivery {
  constructor(what: string) {
    super(2_000, `findings of ${what} are being reconciled elsewhere`);
    this.name = 'ReconcileBusy';
  }
}

/** Longer than any reconciliation takes; a crashed holder's lease runs out after it. */
const LEASE_MS = 30_000;

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
  const { scorecard } = scored;
  const name = `findings|${scorecard.supplier}|${scorecard.period}`;
  const lease = await access.locks.acquire(name, at, LEASE_MS);
  if (!lease) throw new ReconcileBusy(`${scorecard.supplier} ${scorecard.period}`);
  try {
    return await reconcileHeld(access, scored, at, context);
  } finally {
    await access.locks.release(lease);
  }
}

async function reconcileHeld(
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
    supplierName: supplierName(context, scorecard.supplier),
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
