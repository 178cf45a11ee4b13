import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { localBed, SCREENSHOTS } from './local-bed.ts';

const LINK = `https://sharepoint.example.nl/sites/lef/herstelplannen/${'procesbegeleiding-'.repeat(6)}2026-H2.docx`;
const bed = localBed({ clock: new ManualClock(Date.parse('2026-11-20T10:00:00+01:00')) });

async function openAs(person: string): Promise<Page> {
  const page = await bed.browser.newPage({ viewport: { width: 360, height: 1400 } });
  await page.goto(bed.bot.url);
  await page.getByTestId('person-select').selectOption(person);
  return page;
}

/** Whether the card is wider inside than it shows (something would be cut off). */
function overflows(page: Page, title: string) {
  return page.evaluate((title) => {
    const cards = Array.from(document.querySelectorAll('[data-testid="message"]') as NodeListOf<HTMLElement>);
    const card = cards.filter((m) => m.textContent.includes(title)).at(-1);
    if (!card) return undefined;
    const all = Array.from(card.querySelectorAll('*') as NodeListOf<HTMLElement>);
    return {
      card: card.clientWidth,
      widest: Math.max(...all.map((e) => e.scrollWidth)),
      text: card.textContent,
    };
  }, title);
}

describe('the recovery plan at 360 px', () => {
  it('refuses a date before it was asked at the field, keeps a long link inside the card, and goes to review', async () => {
    const page = await openAs('noor');
    // The card by its title (the alert channel's notices, hidden at this width, name the plan too).
    const card = page.getByTestId('message').filter({ has: page.getByText('Herstelplan', { exact: true }) });
    await expect(card).toBeVisibleSoon();
    await card.getByRole('textbox', { name: 'Oorzaken' }).fill('Rapportage bleef liggen door ziekte');
    await card
      .getByRole('textbox', { name: 'Maatregelen' })
      .fill('Tweede auteur aangewezen; planning gedeeld');
    await card.getByLabel('Norm weer gehaald op').fill('2026-01-05');
    await card.getByRole('textbox', { name: 'Link naar het plan (optioneel)' }).fill(LINK);
    await card.getByRole('button', { name: 'Versturen' }).click();
    await expect(card.getByText(/kies een datum vanaf 20 november 2026/)).toBeVisibleSoon();

    await card.getByLabel('Norm weer gehaald op').fill('2027-01-31');
    await card.getByRole('button', { name: 'Versturen' }).click();
    await expect(
      card.getByText('Ingediend; je kunt het wijzigen tot het is geaccepteerd.'),
    ).toBeVisibleSoon();
    const submitted = await overflows(page, 'Ingediend; je kunt het wijzigen');
    expect(submitted?.text).toContain('sharepoint.example.nl');
    expect(submitted?.widest).toBeLessThanOrEqual((submitted?.card ?? 0) + 1);
    // The page, not the element: the card may be re-rendered (the follow-up updates it) meanwhile.
    await page.screenshot({ path: `${SCREENSHOTS}recovery-plan-360.png` });
    await page.close();

    const carla = await openAs('carla');
    const review = carla
      .getByTestId('message')
      .filter({ has: carla.getByText('Herstelplan beoordelen', { exact: true }) })
      .last();
    await expect(review).toBeVisibleSoon();
    await expect(review.getByText('Tweede auteur aangewezen; planning gedeeld')).toBeVisibleSoon();
    const shown = await overflows(carla, 'Herstelplan beoordelen');
    expect(shown?.widest).toBeLessThanOrEqual((shown?.card ?? 0) + 1);
    await review.getByRole('radio', { name: 'Wijzigingen vragen' }).check();
    await review.getByRole('button', { name: 'Versturen' }).click();
    await expect(review.getByText('Vul dit in (verplicht).')).toBeVisibleSoon();
    await carla.screenshot({ path: `${SCREENSHOTS}recovery-review-360.png` });
    await carla.close();
  });
});
