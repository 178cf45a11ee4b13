import { describe, expect, it } from 'vitest';
import { localBed, SCREENSHOTS } from './local-bed.ts';

const bed = localBed();

describe.each([{ width: 320 }, { width: 1280 }])('the scorecard card at $width px', ({ width }) => {
  it('puts each name above its figures, readable, with a shape beside each colour and a legend', async () => {
    // Tall enough for the whole card, so that its screenshot is not cut by the page's header.
    const page = await bed.browser.newPage({ viewport: { width, height: 1800 } });
    await page.goto(bed.bot.url);
    if (width < 700) await page.getByTestId('person-select').selectOption('carla');
    else await page.getByTestId('person-carla').click();
    await page.getByTestId('command').fill('scorecard Facilitators');
    await page.getByTestId('command').press('Enter');
    const card = page.getByTestId('message').filter({ hasText: 'Scorecard Facilitators BV' }).last();
    await expect(card).toBeVisibleSoon();

    // Measured in one step in the page: the conversation may re-render while new messages arrive.
    const measure = () =>
      page.evaluate(() => {
        const cards = Array.from(
          document.querySelectorAll('[data-testid="message"]') as NodeListOf<HTMLElement>,
        ).filter((m) => m.textContent.includes('Scorecard Facilitators BV'));
        const card = cards.at(-1);
        const name = Array.from((card?.querySelectorAll('*') ?? []) as NodeListOf<HTMLElement>).find(
          (node) => node.children.length === 0 && node.textContent === 'KPI1 Levering passende facilitatoren',
        );
        const column = name?.closest('.ac-textBlock')?.parentElement;
        if (!card || !name || !column) return undefined;
        return {
          cardWidth: card.getBoundingClientRect().width,
          text: card.textContent,
          lineHeight: Number.parseFloat(getComputedStyle(name).lineHeight) || 20,
          lines: Array.from(column.children, (child: Element) => {
            const r = child.getBoundingClientRect();
            return { text: (child as HTMLElement).textContent, y: r.y, height: r.height, width: r.width };
          }),
        };
      });
    await expect.poll(async () => (await measure()) !== undefined).toBe(true);
    const measured = await measure();
    if (!measured) throw new Error('KPI1 not rendered');
    const { lines, cardWidth, lineHeight, text } = measured;
    // KPI1's column: its name, its status and its figures, one under the other.
    expect(lines.map((l) => l.text)).toEqual([
      'KPI1 Levering passende facilitatoren',
      expect.stringMatching(/^(groen|rood|nog open|geen gegevens|groen, kwetsbaar)$/),
      expect.stringMatching(/van \d+ klantaanvra/),
    ]);
    const [nameLine, statusLine, figuresLine] = lines as [
      (typeof lines)[0],
      (typeof lines)[0],
      (typeof lines)[0],
    ];
    // The name has most of the card's width (not a squeezed column), the rest comes below it.
    expect(nameLine.width).toBeGreaterThan(cardWidth * 0.5);
    expect(statusLine.y).toBeGreaterThanOrEqual(nameLine.y + nameLine.height - 1);
    expect(figuresLine.y).toBeGreaterThanOrEqual(statusLine.y + statusLine.height - 1);
    // At most two lines for the name, even at 320 px ("K…" or one word per line was the bug).
    expect(nameLine.height).toBeLessThanOrEqual(2 * lineHeight + 2);
    // Every KPI has a shape, not only a colour; the legend says what they mean.
    expect(text.match(/[✔▲✖…–]/g)?.length ?? 0).toBeGreaterThanOrEqual(7);
    expect(text).toContain('▲ kwetsbaar: groen, maar met nog één tegenvaller rood');
    expect(text).toContain('… nog open');
    // The page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    await expect
      .poll(() =>
        card.screenshot({ path: `${SCREENSHOTS}scorecard-${width}.png` }).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    await page.close();
  });
});
