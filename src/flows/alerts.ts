// Alerts reach the alert channel, or wait for one: with no alert channel set on any channel the
// alert is not completed but waits (WaitingForSetup, never set aside), and the contract managers
// are told once, in a direct message, to type `alerts hier` in the channel that should get them.
// Setting a channel wakes every waiting alert, oldest first.
import type { AlertView, BotMessage } from '../channels/channel.ts';
import { WaitingForSetup } from '../channels/delivery.ts';
import { HOUR } from '../clock.ts';
import { t } from '../texts/index.ts';
import type { Core } from './core.ts';
import { ALERT_JOB } from './findings.ts';

export const ALERT_JOBS = {
  alert: ALERT_JOB,
  /** A notice for the alert channel (a supplier's reply to a finding): it waits like an alert. */
  notice: 'alert-notice',
  waitingNotice: 'alerts-waiting-notice',
} as const;

/** How often a waiting alert looks again for a channel (setting one wakes it at once). */
const WAIT_MS = 6 * HOUR;

export async function sendAlert(
  core: Core,
  payload: { alert: AlertView; queuedAt?: number },
  itemId: string,
): Promise<void> {
  await post(core, { kind: 'alert', alert: upgraded(payload.alert) }, itemId);
}

/** A notice in the alert channel, waiting for one like an alert. */
export async function sendAlertNotice(
  core: Core,
  payload: { notice: BotMessage; queuedAt?: number },
  itemId: string,
): Promise<void> {
  await post(core, payload.notice, itemId);
}

async function post(core: Core, message: BotMessage, itemId: string): Promise<void> {
  const posted = await core.postAlert(message, itemId);
  if (posted > 0) return;
  await core.outbox.enqueue([
    {
      id: `${ALERT_JOBS.waitingNotice}|${core.contract}`,
      kind: ALERT_JOBS.waitingNotice,
      payload: {},
      dueAt: core.clock.now(),
    },
  ]);
  throw new WaitingForSetup(WAIT_MS, 'no alert channel set: waiting for `alerts hier`');
}

/** Tells each contract manager, once, that alerts are waiting for an alert channel. */
export async function tellAlertsWaiting(core: Core, _payload: unknown, itemId: string): Promise<void> {
  const view = await core.contractView();
  const text = (lang: 'nl' | 'en') => t(lang, 'alerts.waiting', { contract: view.contract.id });
  const notice: BotMessage = { kind: 'notice', tone: 'warning', text: { nl: text('nl'), en: text('en') } };
  for (const person of view.people.values()) {
    if (!person.roles.includes('contractManager')) continue;
    await core.sendTo(person.id, notice, `${itemId}|${person.id}`);
  }
}

/** An alert channel was set: the waiting alerts go out now, oldest first. */
export async function alertChannelSet(core: Core): Promise<number> {
  const now = core.clock.now();
  return (await core.outbox.wake(ALERT_JOBS.alert, now)) + (await core.outbox.wake(ALERT_JOBS.notice, now));
}

/** Alerts queued before findings had a life carry only their red KPIs' ids. */
function upgraded(alert: AlertView): AlertView {
  if (alert.level) return alert;
  const old = alert as unknown as { red: string[]; critical: boolean };
  return {
    ...alert,
    level: old.critical ? 'critical' : 'extra-effort',
    previousLevel: 'all-green',
    resolved: [],
    red: old.red.map((id) => ({ id, name: { nl: id, en: id } })),
  };
}
