// A LEF day walked through in the local channel in Debian's chromium, against the real bot on an
// injected clock (the demo, 20 November 2026): Lotte (LEF team) plans it, Fenna excuses herself
// before the day, Amira on the day (late), Lotte registers the attendance on one card listing every
// expected facilitator, Sanne adds Joris's contribution, and KPI 4 follows on Carla's scorecard.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ManualClock, MINUTE } from '../../src/clock.ts';
import { localBed } from './local-bed.ts';

const clock = new ManualClock(Date.parse('2026-11-20T10:00:00+01:00'));
const bed = localBed({ clock, workerIntervalMs: 100 });

async function openAs(person: string): Promise<Page> {
  const page = await bed.browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await page.goto(bed.bot.url);
  await page.getByTestId(`person-${person}`).click();
  return page;
}

const titled = (page: Page, title: string) =>
  page
    .getByTestId('message')
    .filter({ has: page.getByText(title, { exact: true }) })
    .last();

async function say(page: Page, text: string) {
  await page.getByTestId('command').fill(text);
  await page.getByTestId('command').press('Enter');
}

describe('a LEF day in the local channel', () => {
  it('is planned, excused before and on the day, registered, contributed to, and counted in KPI 4', async () => {
    const lotte = await openAs('lotte');
    await say(lotte, 'lefdag 10-12-2026');
    await expect(
      lotte.getByText(/LEF-dag gepland op 10 december 2026\. 6 facilitatoren zijn uitgenodigd/),
    ).toBeVisibleSoon();
    await lotte.close();

    // Before the day: Fenna excuses herself, with a reason (a blank one is refused in the card).
    const fenna = await openAs('fenna');
    const invitation = titled(fenna, 'Uitnodiging LEF-dag');
    await expect(invitation).toBeVisibleSoon();
    await invitation.getByRole('button', { name: 'Versturen' }).click();
    await expect(invitation.getByText('Vul dit in (verplicht).')).toBeVisibleSoon();
    await invitation
      .getByRole('textbox', { name: 'Reden van afmelding' })
      .fill('Training bij een andere opdrachtgever');
    await invitation.getByRole('button', { name: 'Versturen' }).click();
    await expect(invitation.getByText(/^Afgemeld\. Je kunt de reden nog wijzigen\./)).toBeVisibleSoon();
    await fenna.close();

    // The day itself: Amira excuses herself (late); the LEF team gets the attendance card.
    clock.set(Date.parse('2026-12-10T09:00:00+01:00'));
    const amira = await openAs('amira');
    const late = titled(amira, 'Uitnodiging LEF-dag');
    await expect(late).toBeVisibleSoon();
    await late.getByRole('textbox', { name: 'Reden van afmelding' }).fill('Ziek');
    await late.getByRole('button', { name: 'Versturen' }).click();
    await expect(late.getByText(/op of na de dag: telt niet als vooraf afgestemd/)).toBeVisibleSoon();
    await amira.close();

    const team = await openAs('lotte');
    const attendance = titled(team, 'Aanwezigheid LEF-dag');
    await expect(attendance).toBeVisibleSoon();
    const listed = await attendance.textContent();
    for (const name of [
      'Fenna de Vries (Facilitators BV)',
      'Joris Bakker (Facilitators BV)',
      'Amira El Idrissi (Facilitators BV)',
      'Pieter Visser (Procesbegeleiding & Co)',
    ])
      expect(listed).toContain(name);
    // Listed per supplier, then by name: Amira, Fenna, Joris (Facilitators BV); Bram, Lieke, Pieter.
    const choice = (label: string, index: number) =>
      attendance.getByRole('radio', { name: label }).nth(index);
    expect(await choice('Afgemeld', 1).isChecked()).toBe(true); // Fenna's excuse is on the card already
    expect(await choice('Afgemeld', 0).isChecked()).toBe(true); // and Amira's, late
    for (const index of [2, 3, 4, 5]) await choice('Aanwezig', index).check();
    await attendance.getByRole('button', { name: 'Versturen' }).click();
    await expect(attendance.getByText('Geregistreerd; wijzigen kan nog.')).toBeVisibleSoon();
    await team.close();

    // Sanne adds the contribution of Joris, the one of hers who was there.
    const sanne = await openAs('sanne');
    const contribution = titled(sanne, 'Bijdrage aan de LEF-dag');
    await expect(contribution).toBeVisibleSoon();
    await contribution
      .getByRole('textbox', { name: 'Joris Bakker (optioneel)' })
      .fill('Sessie over LEF-werkvormen gegeven');
    await contribution.getByRole('button', { name: 'Versturen' }).click();
    await expect(contribution.getByText('Opgeslagen; wijzigen kan nog.')).toBeVisibleSoon();
    await sanne.close();

    // The day after: KPI 4 of Facilitators BV counts Fenna (excused in advance) and Joris, not Amira.
    clock.set(Date.parse('2026-12-11T09:00:00+01:00'));
    const carla = await openAs('carla');
    // The answers' follow-ups apply the attendance after their acknowledgement; on a busy machine the
    // first card may come before they ran, so Carla asks again until it counts them (as she would,
    // a minute later each time: a follow-up that failed once under load is retried after a backoff
    // on the bot's clock, which only moves when the test moves it).
    const cards = carla.getByTestId('message').filter({ hasText: 'Scorecard Facilitators BV' });
    await expect
      .poll(
        async () => {
          clock.advance(MINUTE);
          const before = await cards.count();
          await say(carla, 'scorecard Facilitators');
          await cards.nth(before).waitFor({ timeout: 15_000 });
          return cards.last().textContent();
        },
        { timeout: 60_000, interval: 500 },
      )
      .toMatch(/66,7% \(≥ 100%\) · 2 van 3/);
    await carla.close();
  }, 120_000);
});
