// The progress report in chat behind a signed, expiring link, against the real HTTP server and
// Azurite on an injected clock: `rapport` gives a supplier's contact links for their own supplier
// only; the link serves the PDF (and the XLSX) to the person it was made for; it is refused once
// expired, with an altered signature or payload, and when it names another supplier; on Teams or
// Slack without a public host it says what is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotMessage } from '../../src/channels/channel.ts';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { handleCommand } from '../../src/flows/commands.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { linkSecret, signLink } from '../../src/report/report-links.ts';

const clock = new ManualClock(Date.parse('2026-07-25T10:00:00+02:00'));
let bot: Bot;
type Download = Extract<BotMessage, { kind: 'download' }>;

beforeAll(async () => {
  bot = await startBot({
    config: loadConfig({ PORT: '0', HOST: '127.0.0.1' }),
    clock,
    inMemory: true,
    startWorker: false,
    log: () => {},
  });
});
afterAll(async () => {
  await bot?.close();
});

const get = (path: string) => fetch(new URL(path, bot.url));

describe('the progress report behind a signed link', () => {
  it('serves the report to its person only, until it expires, and refuses an altered link', async () => {
    // Sanne (Facilitators BV's contact) sees her own supplier only, whatever she names.
    const [mine] = (await handleCommand(bot.core, 'sanne', 'rapport 2026-H1', {
      channel: 'local',
    })) as Download[];
    expect(mine?.kind).toBe('download');
    expect(mine?.links.map((l) => l.label.nl)).toEqual(['Facilitators BV (PDF)', 'Facilitators BV (XLSX)']);
    await expect(
      handleCommand(bot.core, 'sanne', 'rapport Procesbegeleiding 2026-H1', { channel: 'local' }),
    ).rejects.toMatchObject({ code: 'bad-argument' });
    // A facilitator sees no scorecard, and so no report.
    await expect(handleCommand(bot.core, 'fenna', 'rapport', { channel: 'local' })).rejects.toMatchObject({
      code: 'not-allowed',
    });
    // Teams needs the bot's public address to open a link.
    await expect(handleCommand(bot.core, 'carla', 'rapport', { channel: 'teams' })).rejects.toMatchObject({
      code: 'no-public-host',
    });

    const pdf = await get(mine?.links[0]?.url as string);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="rapport-fbv-2026-H1.pdf"');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const xlsx = await get(mine?.links[1]?.url as string);
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // Altered: a signature changed, or a payload naming another supplier with the old signature.
    const url = mine?.links[0]?.url as string;
    const [body = '', signature = ''] = url.slice('/reports/'.length).split('.');
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const altered = await get(`/reports/${body}.${flipped}`);
    expect(altered.status).toBe(403);
    expect(await altered.text()).toContain('Deze link klopt niet');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const other = Buffer.from(JSON.stringify({ ...payload, supplier: 'pco' })).toString('base64url');
    expect((await get(`/reports/${other}.${signature}`)).status).toBe(403);
    expect((await get('/reports/nonsense')).status).toBe(403);
    // Signed, but for a supplier she may not see: refused as not hers.
    const foreign = signLink(await linkSecret(bot.store.tables), { ...payload, supplier: 'pco' });
    const refused = await get(`/reports/${foreign}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Deze link is niet (meer) voor jou');

    // Carla (contract manager) may see every supplier: a link each; Sanne's link is hers, not for pco.
    const [all] = (await handleCommand(bot.core, 'carla', 'rapport 2026-H1 pdf', {
      channel: 'local',
    })) as Download[];
    expect(all?.links.map((l) => l.label.nl)).toEqual([
      'Facilitators BV (PDF)',
      'Procesbegeleiding & Co (PDF)',
    ]);

    // A day later the link has expired.
    clock.set(Date.parse('2026-07-26T10:00:01+02:00'));
    const expired = await get(url);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Deze link is verlopen');
  });
});
