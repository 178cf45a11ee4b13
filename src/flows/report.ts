// `rapport [opdrachtnemer] [periode] [pdf|xlsx]`: the progress report of each supplier the person
// may see (their own, for a supplier's contact), as signed links that work for a day
// (report/report-links.ts); opened, the report is drawn from the records as they are then
// (`GET /reports/<token>`), and only while the person may still see that supplier. On Slack the
// reports are uploaded as files instead (report-upload.ts).
import type { BotMessage, ChannelId } from '../channels/channel.ts';
import { DAY } from '../clock.ts';
import { parsePeriod } from '../domain/periods.ts';
import { UserError } from '../errors.ts';
import type { Lang } from '../i18n.ts';
import { reportData } from '../report/report-data.ts';
import { LINK_HOURS, linkSecret, type ReportLink, readLink, signLink } from '../report/report-links.ts';
import { reportPdf } from '../report/report-pdf.ts';
import { reportXlsx } from '../report/report-xlsx.ts';
import { formatDateTime, formatPeriod } from '../texts/format.ts';
import { both, t } from '../texts/index.ts';
import { type Core, supplierName } from './core.ts';
import { languageOf } from './language.ts';
import { queueUploads } from './report-upload.ts';
import { scorecardRequest, visibleSuppliers } from './scorecard.ts';

export const FORMATS = ['pdf', 'xlsx'] as const;
/** At most this many suppliers' links in one answer. */
const MAX_SUPPLIERS = 10;

export async function reportCommand(
  core: Core,
  personId: string,
  args: string[],
  channel: ChannelId,
): Promise<BotMessage> {
  const formats = FORMATS.filter((f) => args.some((a) => a.toLowerCase() === f));
  const rest = args.filter((a) => !FORMATS.includes(a.toLowerCase() as (typeof FORMATS)[number]));
  const { view, suppliers, period } = await scorecardRequest(core, personId, rest);
  // Slack carries files itself: the reports are uploaded to the person's DM (report-upload.ts).
  if (core.channels.some((c) => c.id === channel && c.sendFile))
    return queueUploads(core, personId, suppliers.slice(0, MAX_SUPPLIERS), period.id, formats, view);
  // Teams and Slack open the link in a browser: it must be the bot's public address.
  const base = channel === 'local' ? '' : core.publicUrl;
  if (base === undefined) throw new UserError('no-public-host');
  const lang = await languageOf(core, personId);
  const secret = await linkSecret(core.tables);
  const expires = core.clock.now() + LINK_HOURS * (DAY / 24);
  const chosen = suppliers.slice(0, MAX_SUPPLIERS);
  const links = chosen.flatMap((supplier) =>
    (formats.length > 0 ? formats : FORMATS).map((format) => {
      const link: ReportLink = {
        contract: core.contract,
        supplier,
        period: period.id,
        format,
        lang,
        person: personId,
        expires,
      };
      const name = supplierName(view, supplier);
      return {
        label: both('report.link', { supplier: name, format: format.toUpperCase() }),
        url: `${base}/reports/${signLink(secret, link)}`,
      };
    }),
  );
  const values = (l: Lang) => ({
    period: formatPeriod(l, period.id),
    until: formatDateTime(l, new Date(expires), view.settings.timeZone),
    more: suppliers.length - chosen.length,
  });
  return {
    kind: 'download',
    title: { nl: t('nl', 'report.linksTitle', values('nl')), en: t('en', 'report.linksTitle', values('en')) },
    text: { nl: t('nl', 'report.linksText', values('nl')), en: t('en', 'report.linksText', values('en')) },
    links,
  };
}

export type OpenedReport =
  | { ok: true; link: ReportLink; name: string; core: Core }
  | { ok: false; reason: 'altered' | 'expired' | 'not-allowed' };

/**
 * A link as opened: signed, not expired, and its person may still see that supplier in the link's
 * contract (`coreOf`: the contracts served; the link secret is the store's, `core`'s tables).
 */
export async function openReportLink(
  core: Core,
  token: string,
  coreOf: (contract: string) => Core | undefined = (id) => (id === core.contract ? core : undefined),
): Promise<OpenedReport> {
  const checked = readLink(await linkSecret(core.tables), token, core.clock.now());
  if (!checked.ok) return checked;
  const { link } = checked;
  const owner = coreOf(link.contract);
  if (!owner || !(await mayOpen(owner, link))) return { ok: false, reason: 'not-allowed' };
  return { ok: true, link, name: reportFileName(link), core: owner };
}

export const reportFileName = (link: ReportLink) => `rapport-${link.supplier}-${link.period}.${link.format}`;

/** Whether the link's person may (still) see that supplier in this contract. */
export async function mayOpen(core: Core, link: ReportLink): Promise<boolean> {
  const view = await core.contractView();
  const person = view.people.get(link.person);
  return (
    link.contract === core.contract &&
    person !== undefined &&
    visibleSuppliers(
      person,
      view.suppliers.map((s) => s.id),
    ).includes(link.supplier)
  );
}

/** The report a link names, drawn up from the records as they are now. */
export async function renderReport(core: Core, link: ReportLink): Promise<Buffer> {
  const records = await core.records.exportRecords(core.contract);
  const period = parsePeriod(link.period);
  if (!period) throw new UserError('unknown-period', {}, { nl: link.period, en: link.period });
  const data = reportData(records, link.supplier, period, core.clock.now());
  return link.format === 'pdf' ? reportPdf(data, link.lang) : reportXlsx(data, link.lang);
}
