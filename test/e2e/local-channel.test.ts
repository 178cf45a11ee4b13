// The local web channel in a real browser (Debian's chromium via playwright-core) against the real
// bot: embedded Azurite, the HTTP server, the worker, demo data on first start.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localBed } from './local-bed.ts';

const bed = localBed();

async function openAs(person: string): Promise<Page> {
  const page = await bed.browser.newPage();
  await page.goto(bed.bot.url);
  await page.getByTestId(`person-${person}`).click();
  return page;
}

describe('the local web channel', () => {
  it('shows the facilitator the questionnaire of the session that just ended, refuses a blank explanation in the card, and confirms a good answer', async () => {
    const page = await openAs('fenna');
    const card = page.getByTestId('message').filter({ hasText: 'Evaluatie LEF-sessie — facilitator' });
    await expect(card).toBeVisibleSoon();

    await card.getByRole('radio', { name: 'Ja' }).first().check();
    await card.getByRole('radio', { name: 'Ja' }).nth(1).check();
    await card.getByRole('textbox', { name: 'Licht je antwoord toe', exact: true }).fill('   ');
    await card
      .getByRole('textbox', { name: 'Licht je antwoord toe: wat was de impact?' })
      .fill('Drie vervolgacties afgesproken');
    await card.getByRole('button', { name: 'Versturen' }).click();
    await expect(card.getByText('Licht je antwoord toe (verplicht).')).toBeVisibleSoon();
    await expect(page.getByTestId('status')).toHaveTextSoon(/Niet gelukt/);

    await card
      .getByRole('textbox', { name: 'Licht je antwoord toe', exact: true })
      .fill('Volgens de LEF-werkvormen');
    await card.getByRole('button', { name: 'Versturen' }).click();
    await expect(card.getByText(/Bedankt, je antwoorden zijn opgeslagen/)).toBeVisibleSoon();
    await expect(card.getByRole('button', { name: 'Wijzigen' })).toBeVisibleSoon();
    await page.close();
  });

  it('shows a manager the updated scorecard after /scorecard', async () => {
    // The relationship manager and the internal client answer too (through the same channel's API).
    for (const [person, inputs] of [
      [
        'rik',
        {
          lefApplied: 'yes',
          lefExplanation: 'LEF-aanpak zichtbaar',
          returned: 'no',
          suitableProposed: '2',
          motivation: 'Twee profielen',
        },
      ],
      ['iris', { impact: 'yes', impactExplanation: 'Koers staat' }],
    ] as const) {
      const { data } = await post(`/local/api/conversation?person=${person}`);
      const [prompt] = data.messages as {
        id: string;
        card: { actions: { data: { assignmentId: string } }[] };
      }[];
      if (!prompt) throw new Error(`no questionnaire for ${person}`);
      const assignmentId = prompt.card.actions[0]?.data.assignmentId;
      expect(
        await post('/local/api/action', {
          person,
          verb: 'submit',
          messageId: prompt.id,
          assignmentId,
          inputs,
        }),
      ).toMatchObject({ status: 200 });
    }

    const page = await openAs('carla');
    await page.getByTestId('command').fill('/scorecard Facilitators');
    await page.getByTestId('command').press('Enter');
    const scorecard = page.getByTestId('message').filter({ hasText: 'Scorecard Facilitators BV' });
    await expect(scorecard).toBeVisibleSoon();
    const kpi2 = scorecard.locator('.ac-columnSet').filter({ hasText: 'KPI2' });
    await expect(kpi2).toHaveTextSoon(/groen/);
    await expect(kpi2).toHaveTextSoon(/100% \(≥ 95%\) · 1 van 1/);
    await page.close();
  });

  it('lets a relationship manager register a session in a card, with errors in the card and one session per form', async () => {
    // The demo data is relative to today: compare with what was there before, not with a date.
    const before = (await bed.bot.store.records.exportRecords('lef-2026')).sessions.map((s) => s.id);
    const page = await openAs('eva');
    await page.getByTestId('command').fill('sessie');
    await page.getByTestId('command').press('Enter');
    const form = page.getByTestId('message').filter({ hasText: 'Nieuwe LEF-sessie registreren' });
    await expect(form).toBeVisibleSoon();
    await form.getByRole('combobox', { name: 'Opdrachtnemer' }).selectOption('pco');
    await form.getByLabel('Datum').fill('2026-12-03');
    await form.getByLabel('Begintijd').fill('13:00');
    await form.getByLabel('Eindtijd').fill('12:00');
    await form.getByRole('checkbox', { name: /Fenna de Vries/ }).check();
    await form.getByRole('combobox', { name: 'Intern opdrachtgever' }).selectOption('yara');
    await form.getByRole('button', { name: 'Registreren' }).click();
    // The end before the start: named in the card, nothing stored.
    await expect(
      form.getByText('De eindtijd (12:00) moet na de begintijd (13:00) liggen.'),
    ).toBeVisibleSoon();
    expect((await bed.bot.store.records.exportRecords('lef-2026')).sessions).toHaveLength(before.length);

    // A facilitator of another supplier: named in the card too.
    await form.getByLabel('Eindtijd').fill('16:00');
    await form.getByRole('button', { name: 'Registreren' }).click();
    await expect(
      form.getByText(/Facilitator "Fenna de Vries" hoort niet bij opdrachtnemer/),
    ).toBeVisibleSoon();
    await form.getByRole('checkbox', { name: /Fenna de Vries/ }).uncheck();
    await form.getByRole('checkbox', { name: /Pieter Visser/ }).check();
    await form.getByRole('button', { name: 'Registreren' }).click();
    // The form becomes the confirmation.
    await expect(page.getByTestId('conversation')).toHaveTextSoon(
      /is geregistreerd \(Procesbegeleiding & Co, 3 december 2026, 13:00–16:00\)/,
    );
    expect(await form.count()).toBe(0);

    const registered = (await bed.bot.store.records.exportRecords('lef-2026')).sessions.filter(
      (s) => !before.includes(s.id),
    );
    expect(registered).toMatchObject([
      {
        supplier: 'pco',
        start: '2026-12-03T13:00:00+01:00',
        end: '2026-12-03T16:00:00+01:00',
        facilitators: ['pieter'],
        relationshipManager: 'eva',
        internalClient: 'yara',
      },
    ]);
    await page.close();
  });

  it('tells a facilitator that the scorecard is not for their role', async () => {
    const page = await openAs('joris');
    await page.getByTestId('command').fill('/scorecard');
    await page.getByTestId('command').press('Enter');
    await expect(page.getByTestId('conversation')).toHaveTextSoon(
      /Je rol geeft geen toegang tot deze informatie/,
    );
    await page.close();
  });
});

async function post(
  path: string,
  body?: unknown,
): Promise<{ status: number; data: Record<string, unknown> }> {
  const response = await fetch(
    new URL(path, bed.bot.url),
    body
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : {},
  );
  return { status: response.status, data: (await response.json()) as Record<string, unknown> };
}
