// The supplier's right of reply: `reactie KPI6 [2026-H2] <tekst>` by a contact of the supplier
// adds their view to a finding about their own supplier. It is kept with the finding (exported,
// shown on the scorecard beside the KPI) and posted in the alert channel once.
import type { BotMessage } from '../channels/channel.ts';
import { parsePeriod } from '../domain/periods.ts';
import type { Finding } from '../domain/records.ts';
import { LIMITS } from '../domain/records.ts';
import { formatInstant } from '../domain/time.ts';
import { UserError } from '../errors.ts';
import { StoreError } from '../store/errors.ts';
import { formatPeriod } from '../texts/format.ts';
import { both, t } from '../texts/index.ts';
import { ALERT_JOBS } from './alerts.ts';
import { type Core, supplierName } from './core.ts';

const ATTEMPTS = 4;

export async function replyToFinding(core: Core, personId: string, args: string[]): Promise<BotMessage> {
  const view = await core.contractView();
  const person = view.people.get(personId);
  if (!person) throw new UserError('unknown-person');
  const supplier = person.roles.includes('supplierContact') ? person.supplier : undefined;
  if (!supplier) throw new UserError('not-allowed');
  const [kpiWord = '', maybePeriod = '', ...rest] = args;
  const kpi = kpiWord.toUpperCase().replace(/^KPI\s*/, 'KPI');
  const period = parsePeriod(maybePeriod.toUpperCase().replace(/^(\d{4})-?/, '$1-'));
  const text = (period ? rest : [maybePeriod, ...rest]).join(' ').trim();
  if (!/^KPI\d+$/.test(kpi) || text === '') throw new UserError('bad-argument', {}, both('reply.usage'));
  if (text.length > LIMITS.text)
    throw new UserError('bad-argument', {}, both('reply.tooLong', { max: LIMITS.text }));

  for (let attempt = 1; ; attempt++) {
    const stored = (await core.records.findingsOf(core.contract, supplier)).filter(
      (s) => s.finding.kpi === kpi && (!period || s.finding.period === period.id),
    );
    // The open one first, else the latest period's.
    const chosen =
      stored.find((s) => s.finding.resolvedAt === undefined) ??
      [...stored].sort((a, b) => (a.finding.period < b.finding.period ? 1 : -1))[0];
    if (!chosen) throw new UserError('bad-argument', {}, both('reply.noFinding', { kpi }));
    const at = formatInstant(core.clock.now(), view.settings.timeZone);
    const finding: Finding = { ...chosen.finding, reply: { by: personId, at, text } };
    try {
      // Marked stale before and after: a scorecard computed in between never stands for good.
      await core.scorecards.invalidate(supplier, finding.period);
      await core.records.writeFindings(core.contract, [{ finding, etag: chosen.etag }]);
    } catch (error) {
      const raced = error instanceof StoreError && error.kind === 'conflict';
      if (!raced || attempt >= ATTEMPTS) throw error;
      continue;
    }
    await core.scorecards.invalidate(supplier, finding.period);
    const supplierLabel = supplierName(view, supplier);
    const values = (lang: 'nl' | 'en') => ({
      name: person.name,
      supplier: supplierLabel,
      kpi,
      period: formatPeriod(lang, finding.period),
      text,
    });
    await core.outbox.enqueue([
      {
        id: `${ALERT_JOBS.notice}|reply|${supplier}|${finding.period}|${kpi}|${core.clock.now()}`,
        kind: ALERT_JOBS.notice,
        payload: {
          notice: {
            kind: 'notice',
            tone: 'attention',
            text: { nl: t('nl', 'reply.posted', values('nl')), en: t('en', 'reply.posted', values('en')) },
          } satisfies BotMessage,
          queuedAt: core.clock.now(),
        },
        dueAt: core.clock.now(),
      },
    ]);
    return {
      kind: 'notice',
      tone: 'good',
      text: { nl: t('nl', 'reply.saved', values('nl')), en: t('en', 'reply.saved', values('en')) },
    };
  }
}
