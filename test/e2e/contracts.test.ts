// Several contracts on the local page, in Debian's chromium (issue 16): the select in the header
// switches contract, the people list and the alert channel follow, someone in both stays picked,
// a command goes to the contract shown, an old link to a contract the bot does not serve falls
// back to the first, and `taal en` switches the page.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { localBed } from './local-bed.ts';

const bed = localBed({ clock: new ManualClock(Date.parse('2026-12-04T10:00:00+01:00')) });

async function say(page: import('playwright-core').Page, text: string) {
  await page.getByTestId('command').fill(text);
  await page.getByTestId('command').press('Enter');
}

describe('contracts on the local page', () => {
  it('switches contract, keeps someone in both picked, and sends commands to the contract shown', async () => {
    const page = await bed.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(bed.bot.url);
    const select = page.getByTestId('contract-select');
    await expect(select).toBeVisibleSoon();
    await expect(page.getByTestId('person-carla')).toBeVisibleSoon();
    await expect(page.getByTestId('title')).toHaveTextSoon(/^Prestatiemonitor — LEF Facilitatordiensten$/);

    await page.getByTestId('person-daan').click();
    await select.selectOption('voorschoten-2026');
    await expect(page.getByTestId('person-gm1')).toBeVisibleSoon();
    expect(await page.getByTestId('person-carla').count()).toBe(0);
    // Daan is in both: still picked, and the address says where.
    expect(await page.getByTestId('person-daan').getAttribute('aria-current')).toBe('true');
    await expect.poll(() => new URL(page.url()).search).toBe('?contract=voorschoten-2026&person=daan');

    await page.getByTestId('person-gm1').click();
    await say(page, 'scorecard vve');
    await expect(page.getByText('Scorecard Voorschoten voor Elkaar', { exact: false })).toBeVisibleSoon();
    await say(page, 'contract');
    await expect(page.getByText('Je werkt hier in voorschoten-2026', { exact: false })).toBeVisibleSoon();
    await say(page, 'lef-2026 scorecard');
    await expect(
      page.getByText('Contract "lef-2026" ken ik niet voor jou', { exact: false }),
    ).toBeVisibleSoon();

    await say(page, 'taal en');
    await expect.poll(() => page.getByTestId('lang').inputValue()).toBe('en');
    await expect(page.getByTestId('command')).toBeVisibleSoon();
    expect(await page.getByTestId('command').getAttribute('placeholder')).toContain('Type a command');
    await page.close();
  });

  it('falls back to the first contract for a link to one the bot does not serve', async () => {
    const page = await bed.browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(`${bed.bot.url}?contract=nergens-2026&person=carla`);
    await expect(page.getByTestId('person-select')).toBeVisibleSoon();
    await expect(page.getByTestId('title')).toHaveTextSoon(/^Prestatiemonitor — LEF Facilitatordiensten$/);
    expect(await page.getByTestId('person-select').inputValue()).toBe('carla');
    await expect.poll(() => new URL(page.url()).search).toBe('?contract=lef-2026&person=carla');
    await page.close();
  });
});
