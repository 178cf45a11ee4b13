// The audit trail in chat: every change of a fact made here is kept with who made it and when
// (store/audit.ts), and a contract manager reads it back with `wijzigingen` (the last year,
// newest first, at most 30 changes).
import type { BotMessage } from '../../channels/channel.ts';
import { DAY } from '../../clock.ts';
import type { Role } from '../../domain/records.ts';
import { UserError } from '../../errors.ts';
import type { Lang } from '../../i18n.ts';
import { ROLE_NAMES } from '../../questionnaires/facts.ts';
import { type AuditEntry, AuditStore } from '../../store/audit.ts';
import { formatDate, formatDateTime } from '../../texts/format.ts';
import { t } from '../../texts/index.ts';
import type { ContractView, Core } from '../core.ts';

const SHOWN = 30;
const DAYS = 365;

export const auditTrail = (core: Core) => new AuditStore(core.tables, core.contract);

/** Keeps one change; `changeKey` names it, so the same change written again is kept once. */
export async function recordChange(core: Core, entry: AuditEntry, changeKey: string): Promise<void> {
  await auditTrail(core).record(entry, changeKey);
}

/** `wijzigingen`: the contract manager reads the changes back. */
export async function auditCommand(core: Core, personId: string): Promise<BotMessage> {
  const view = await core.contractView();
  const person = view.people.get(personId);
  if (!person) throw new UserError('unknown-person');
  if (!person.roles.includes('contractManager')) throw new UserError('not-allowed');
  const entries = (await auditTrail(core).since(core.clock.now() - DAYS * DAY)).slice(0, SHOWN);
  const text = (lang: Lang) =>
    [
      t(lang, 'audit.heading', { count: entries.length, days: DAYS }),
      ...entries.map((entry) => line(entry, view, lang)),
    ].join('\n');
  return { kind: 'notice', text: { nl: text('nl'), en: text('en') } };
}

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;

function line(entry: AuditEntry, view: ContractView, lang: Lang): string {
  const zone = view.settings.timeZone;
  const value = (v: string | undefined) => {
    if (v === undefined || v === '') return '–';
    if (v === 'yes' || v === 'no') return t(lang, 'audit.yesNo', { value: v });
    if (v === 'present' || v === 'absent' || v === 'excused')
      return t(lang, 'audit.attendance', { value: v });
    return DAY_VALUE.test(v) ? formatDate(lang, v, 'UTC') : v;
  };
  // Roles are kept by their ids and read in the reader's language.
  const roles = (v: string | undefined) =>
    v
      ?.split(', ')
      .map((r) => ROLE_NAMES[r as Role]?.[lang] ?? r)
      .join(', ');
  const changes = entry.changes
    .map((c) => {
      // A report's explanation per KPI ("explainKPI1"): "toelichting KPI1".
      const explained = /^explain(\w+)$/.exec(c.field);
      const field = explained
        ? `${t(lang, 'audit.field', { field: 'explain' })} ${explained[1]}`
        : t(lang, 'audit.field', { field: c.field });
      const [from, to] = c.field === 'roles' ? [roles(c.from), roles(c.to)] : [c.from, c.to];
      return c.from === undefined ? `${field}: ${value(to)}` : `${field}: ${value(from)} → ${value(to)}`;
    })
    .join('; ');
  return t(lang, 'audit.line', {
    at: formatDateTime(lang, new Date(entry.at), zone),
    by: view.people.get(entry.by)?.name ?? entry.by,
    action: t(lang, 'audit.action', {
      action: entry.action.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    }),
    subject: DAY_VALUE.test(entry.subject) ? formatDate(lang, entry.subject, 'UTC') : entry.subject,
    changes: changes === '' ? '' : ` — ${changes}`,
  });
}
