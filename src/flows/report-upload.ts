// The progress report as a file in the person's conversation, where the platform carries files
// (Slack, files.uploadV2): `rapport` queues one upload per supplier and format; the outbox job
// checks again that the person may see that supplier, draws the report up from the records of that
// moment and hands it to the channel, keyed so that a retry or a command typed twice in the same
// minute uploads it once.
import type { BotMessage, ChannelId } from '../channels/channel.ts';
import { MINUTE } from '../clock.ts';
import type { Lang } from '../i18n.ts';
import type { ReportLink } from '../report/report-links.ts';
import { formatDateTime, formatPeriod } from '../texts/format.ts';
import { t } from '../texts/index.ts';
import { type ContractView, type Core, supplierName } from './core.ts';
import { languageOf } from './language.ts';
import { FORMATS, mayOpen, renderReport, reportFileName } from './report.ts';

export const REPORT_JOBS = { upload: 'report-upload' } as const;

export interface UploadPayload {
  link: ReportLink;
  channel: ChannelId;
}

export async function queueUploads(
  core: Core,
  person: string,
  suppliers: string[],
  period: string,
  formats: readonly ('pdf' | 'xlsx')[],
  view: ContractView,
): Promise<BotMessage> {
  const lang = await languageOf(core, person);
  const now = core.clock.now();
  const minute = Math.floor(now / MINUTE);
  const chosen = formats.length > 0 ? formats : FORMATS;
  const items = suppliers.flatMap((supplier) =>
    chosen.map((format) => {
      const link: ReportLink = {
        contract: core.contract,
        supplier,
        period,
        format,
        lang,
        person,
        expires: now,
      };
      return {
        id: `${REPORT_JOBS.upload}|${person}|${supplier}|${period}|${format}|${lang}|${minute}`,
        kind: REPORT_JOBS.upload,
        payload: { link, channel: 'slack' } satisfies UploadPayload,
        dueAt: now,
      };
    }),
  );
  await core.outbox.enqueue(items);
  const names = suppliers.map((s) => supplierName(view, s)).join(', ');
  const text = (l: Lang) =>
    t(l, 'report.uploading', { count: items.length, period: formatPeriod(l, period), suppliers: names });
  return { kind: 'notice', text: { nl: text('nl'), en: text('en') } };
}

/** The outbox job: the report drawn up now and put in the person's conversation. */
export async function uploadReport(core: Core, payload: UploadPayload, itemId: string): Promise<void> {
  const { link } = payload;
  // Someone who may no longer see that supplier gets nothing (they were told the upload was coming).
  if (!(await mayOpen(core, link))) return;
  const channel = core.channels.find((c) => c.id === payload.channel);
  if (!channel?.sendFile) return;
  const view = await core.contractView();
  const content = await renderReport(core, link);
  const lang = link.lang;
  await channel.sendFile(
    link.person,
    {
      name: reportFileName(link),
      title: t(lang, 'report.fileTitle', {
        supplier: supplierName(view, link.supplier),
        period: formatPeriod(lang, link.period),
        format: link.format.toUpperCase(),
      }),
      content,
      comment: t(lang, 'report.fileComment', {
        at: formatDateTime(lang, new Date(core.clock.now()), view.settings.timeZone),
      }),
    },
    { idempotencyKey: itemId },
  );
}
