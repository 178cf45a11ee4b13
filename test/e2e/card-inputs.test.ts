// An untouched number input cannot be submitted: in chromium, the relationship manager's evaluation
// card (with the KPI 1 registration) names the missing number at the input and stores nothing; once
// the number is filled in, the answer is kept.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { launchChromium } from './browser.ts';

const NOW = Date.parse('2026-11-16T15:00:00+01:00');
let bot: Bot;
let browser: Browser;

beforeAll(async () => {
  bot = await startBot({
    config: loadConfig({ PORT: '0', HOST: '127.0.0.1' }),
    clock: new ManualClock(NOW),
    inMemory: true,
    startWorker: false,
    log: () => {},
  });
  await bot.worker.runOnce(); // the demo session has just ended: its questionnaires go out
  await bot.worker.runOnce();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

async function riksEvaluations() {
  return (await bot.store.records.exportRecords('lef-2026')).evaluations.filter(
    (e) => e.respondent === 'rik' && e.session === 'demo-2026-11-16',
  );
}

describe('the evaluation card in the browser', () => {
  it('does not send an untouched number of fitting facilitators, and sends it once filled in', async () => {
    const page = await browser.newPage();
    await page.goto(bot.url);
    await page.getByTestId('person-rik').click();
    const card = page.getByTestId('message').filter({ hasText: 'Evaluatie LEF-sessie — relatiemanager' });
    await expect(card).toBeVisibleSoon();
    const number = card.getByRole('spinbutton');
    expect(await number.inputValue()).toBe('');

    await card.getByRole('radio', { name: 'Ja' }).first().check();
    await card
      .getByRole('textbox', { name: 'Licht je antwoord toe', exact: true })
      .fill('Volgens de LEF-aanpak');
    await card.getByRole('radio', { name: 'Nee' }).nth(1).check();
    await card.getByRole('textbox', { name: /Motiveer je registratie/ }).fill('Twee passende profielen');
    await card.getByRole('button', { name: 'Versturen' }).click();
    await expect(card.getByText('Vul een heel getal van 0 tot en met 10 in (verplicht).')).toBeVisibleSoon();
    expect(await riksEvaluations()).toEqual([]);

    await number.fill('2');
    await card.getByRole('button', { name: 'Versturen' }).click();
    await expect(card.getByText(/Bedankt, je antwoorden zijn opgeslagen/)).toBeVisibleSoon();
    expect(await riksEvaluations()).toHaveLength(1);
    await bot.worker.runOnce(); // the answer's follow-up keeps the KPI 1 registration with the request
    const request = (await bot.store.records.exportRecords('lef-2026')).clientRequests.find(
      (r) => r.id === 'req-demo-2026-11-16',
    );
    expect(request?.registration).toMatchObject({ by: 'rik', suitableProposed: 2, returned: false });
    await page.close();
  });
});
