// The satisfaction survey on the local page, in Debian's chromium: the LEF team opens an extra round
// by command, the supplier's contact answers her own side's questions in the Adaptive Card (expanded
// choices with the plan's descriptions, an optional remark), and the answer is kept.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { importRecordsFile } from '../../src/flows/import-records.ts';
import { demoRecords } from '../../src/flows/seed.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { launchChromium } from './browser.ts';

const NOW = Date.parse('2026-11-16T15:00:00+01:00');
let bot: Bot;
let browser: Browser;

beforeAll(async () => {
  const clock = new ManualClock(NOW);
  bot = await startBot({
    config: loadConfig({ PORT: '0', HOST: '127.0.0.1' }),
    clock,
    inMemory: true,
    startWorker: false,
    log: () => {},
  });
  const records = demoRecords(NOW);
  records.contract.survey = {
    cadence: 'half-year',
    opensDaysBeforePeriodEnd: 14,
    openDays: 21,
    clientRespondents: ['carla', 'lotte'],
  };
  await importRecordsFile(bot.store, records, clock);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

async function openAs(person: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(bot.url);
  await page.getByTestId(`person-${person}`).click();
  return page;
}

describe('the satisfaction survey on the local page', () => {
  it('is opened by the LEF team and answered by the supplier’s contact in the card', async () => {
    const lotte = await openAs('lotte');
    await lotte.getByTestId('command').fill('enquete Facilitators BV');
    await lotte.getByTestId('command').press('Enter');
    await expect(lotte.getByTestId('conversation')).toHaveTextSoon(
      /Extra enquêteronde voor Facilitators BV geopend/,
    );
    await lotte.close();
    await bot.worker.runOnce();

    const sanne = await openAs('sanne');
    const card = sanne.getByTestId('message').filter({ hasText: 'Tevredenheidsenquête — Opdrachtnemer' });
    await expect(card).toBeVisibleSoon();
    await expect(card).toHaveTextSoon(
      /Hoe is de Opdrachtgever in de achterliggende periode omgegaan met feedback van de Opdrachtnemer\?/,
    );
    // Submitting with one question unanswered is stopped at that question.
    await card.getByRole('radio', { name: /^c\. Goed — Beide partijen/ }).check();
    await card.getByRole('button', { name: 'Versturen' }).click();
    await expect(card.getByText('Kies een van de antwoorden (verplicht).').first()).toBeVisibleSoon();

    await card
      .getByRole('radio', { name: /^b\. Voldoende — Feedback die is gegeven door de Opdrachtnemer/ })
      .check();
    await card.getByRole('textbox').nth(1).fill('Graag eerder terugkoppelen.');
    await card.getByRole('button', { name: 'Versturen' }).click();
    await expect(card.getByText(/Bedankt, je antwoorden zijn opgeslagen/)).toBeVisibleSoon();
    const round = (await bot.store.records.exportRecords('lef-2026')).surveyRounds.find(
      (r) => r.id === 'fbv-2026-Q4',
    );
    expect(round?.responses).toMatchObject([
      {
        respondent: 'sanne',
        side: 'supplier',
        answers: { collaboration: 'c', feedback: 'b' },
        remarks: { feedback: 'Graag eerder terugkoppelen.' },
      },
    ]);
    await sanne.close();
  });
});
