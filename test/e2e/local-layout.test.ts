import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localBed, SCREENSHOTS } from './local-bed.ts';

const bed = localBed();

type Box = { x: number; y: number; width: number; height: number };
/** The conversation's messages (the alert channel's are messages too). */
const messages = (page: Page) => page.getByTestId('conversation').getByTestId('message');
async function box(page: Page, testid: string, index: 'first' | 'last' = 'first'): Promise<Box> {
  const locator = testid === 'message' ? messages(page) : page.getByTestId(testid);
  const found = await (index === 'last' ? locator.last() : locator.first()).boundingBox();
  if (!found) throw new Error(`${testid} is not rendered`);
  return found;
}

/** Sends `text` as the chosen person and waits until the conversation holds `count` messages. */
async function say(page: Page, text: string, count: number): Promise<void> {
  await page.getByTestId('command').fill(text);
  await page.getByTestId('command').press('Enter');
  await messages(page)
    .nth(count - 1)
    .waitFor({ state: 'attached' });
}

describe.each([
  { width: 360, height: 640, narrow: true },
  { width: 1280, height: 800, narrow: false },
])('the local page at $width×$height', ({ width, height, narrow }) => {
  it('keeps the input and the newest message in view after thirty messages, with the header at the top', async () => {
    const page = await bed.browser.newPage({ viewport: { width, height } });
    await page.goto(bed.bot.url);
    const people = page.getByTestId('people');
    const select = page.getByTestId('person-select');
    // The people list: beside the conversation when there is room, a select in the header when not.
    await expect.poll(() => people.isVisible()).toBe(!narrow);
    await expect.poll(() => select.isVisible()).toBe(narrow);
    if (narrow) await select.selectOption('carla');
    else await page.getByTestId('person-carla').click();
    await expect(page.getByTestId('conversation')).toHaveTextSoon(/help/);

    const before = await messages(page).count();
    for (let sent = 1; sent <= 15; sent++) {
      // Each command and its reply: two messages, thirty in all.
      await say(page, sent % 2 ? 'help' : 'taken', before + 2 * sent);
    }
    expect(await messages(page).count()).toBeGreaterThanOrEqual(before + 30);

    const input = await box(page, 'command');
    expect(input.y).toBeGreaterThanOrEqual(0);
    expect(input.y + input.height).toBeLessThanOrEqual(height);
    const newest = await box(page, 'message', 'last');
    // Its end is in view, above the input (a reply taller than the view shows its last lines).
    expect(newest.y + newest.height).toBeGreaterThan(0);
    expect(newest.y + newest.height).toBeLessThanOrEqual(input.y);
    // The page is the viewport: only the conversation scrolls.
    const sizes = await page.evaluate(() => {
      const conversation = document.getElementById('conversation') as HTMLElement;
      return {
        page: document.documentElement.scrollHeight,
        conversation: conversation.scrollHeight,
        shown: conversation.clientHeight,
      };
    });
    expect(sizes.page).toBeLessThanOrEqual(height);
    expect(sizes.conversation).toBeGreaterThan(sizes.shown);

    await page.screenshot({ path: `${SCREENSHOTS}local-${width}.png` });

    // Scrolling the conversation (wheel and all the way up) leaves the header and input where they were.
    await page.mouse.move(width / 2, height / 2);
    await page.mouse.wheel(0, -2000);
    await page.getByTestId('conversation').evaluate((node) => {
      node.scrollTop = 0;
    });
    const header = await box(page, 'header');
    expect(header.y).toBe(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const inputAfter = await box(page, 'command');
    expect(inputAfter.y + inputAfter.height).toBeLessThanOrEqual(height);
    expect((await box(page, 'message', 'last')).y).toBeGreaterThan(height);
    await page.close();
  });
});
