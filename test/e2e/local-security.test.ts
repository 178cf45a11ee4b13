// The local channel against a hostile records file and a DNS-rebinding page, in a real browser
// (Debian's chromium) against the real bot: names, ids and typed text with markup are shown as text
// and run nothing; the page's policy refuses inline script and string-built HTML; a page reached
// under a foreign name gets nothing.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, MINUTE } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { formatInstant } from '../../src/domain/time.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { launchChromium } from './browser.ts';

const KEY = 'test-key-0123456789abcdef';
const ZONE = 'Europe/Amsterdam';
// Each would set window.__xss if it ever became markup.
const PERSON_NAME = '<img src=x onerror=window.__xss=1>';
const SUPPLIER_NAME = '<script>window.__xss=2</script><b onmouseover=window.__xss=2>Facilitators</b>';
const SESSION_ID = '<img src=x onerror=window.__xss=3>';
const TYPED = '<img src=x onerror=window.__xss=4> help';

const clock = new ManualClock(Date.parse('2026-03-10T11:00:00+01:00'));
let bot: Bot;
let browser: Browser;
let port: string;

beforeAll(async () => {
  bot = await startBot({
    config: loadConfig({ PORT: '0', HOST: '127.0.0.1', API_KEY: KEY }),
    clock,
    inMemory: true,
    workerIntervalMs: 200,
    log: () => {},
  });
  port = new URL(bot.url).port;
  // The facilitator and her supplier get names with markup, through the records (as an import would).
  const records = await bot.store.records.exportRecords('lef-2026');
  await bot.store.records.importRecords({
    ...records,
    people: records.people.map((p) => (p.id === 'fenna' ? { ...p, name: PERSON_NAME } : p)),
    suppliers: records.suppliers.map((s) => (s.id === 'fbv' ? { ...s, name: SUPPLIER_NAME } : s)),
  });
  // A session with markup in its id, from the planning system; it has just ended, so she is asked.
  const response = await fetch(new URL('/api/sessions?contract=lef-2026', bot.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({
      id: SESSION_ID,
      supplier: 'fbv',
      start: formatInstant(clock.now() - 120 * MINUTE, ZONE),
      end: formatInstant(clock.now() - MINUTE, ZONE),
      facilitators: ['fenna'],
      relationshipManager: 'rik',
      internalClient: 'iris',
    }),
  });
  expect(response.status).toBe(201);
  // A name that a rebinding page makes resolve to this machine.
  browser = await launchChromium({ args: ['--host-resolver-rules=MAP evil.example 127.0.0.1'] });
});

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

/** A page that records every Content-Security-Policy violation, from before the first script runs. */
async function watchedPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __violations: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  return page;
}

const inPage = <T>(page: Page, name: '__xss' | '__violations') =>
  page.evaluate((n) => (window as unknown as Record<string, unknown>)[n], name) as Promise<T>;

describe('the local page with markup in the data', () => {
  it('shows names, a session id and typed text with markup as text, and runs none of it', async () => {
    const page = await watchedPage();
    await page.goto(bot.url);
    const fenna = page.getByTestId('person-fenna');
    await expect(fenna).toHaveTextSoon(/^<img src=x onerror=window\.__xss=1>facilitator$/);
    await fenna.click();

    const card = page.getByTestId('message').filter({ hasText: SESSION_ID });
    await expect(card).toBeVisibleSoon();
    await expect(card.getByText(SUPPLIER_NAME, { exact: true })).toBeVisibleSoon();
    await expect(card.getByText(PERSON_NAME, { exact: true })).toBeVisibleSoon();

    await page.getByTestId('command').fill(TYPED);
    await page.getByTestId('command').press('Enter');
    await expect(page.getByTestId('message').filter({ hasText: TYPED })).toBeVisibleSoon();

    // Nothing became an element, nothing ran, and the page needed nothing its policy forbids.
    expect(await page.locator('#people img, #conversation img, [onerror], [onmouseover]').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await inPage(page, '__xss')).toBeUndefined();
    expect(await inPage(page, '__violations')).toEqual([]);
    await page.close();
  });

  it('refuses HTML from strings in the page (Trusted Types), so no slip can bring markup back', async () => {
    const page = await watchedPage();
    await page.goto(bot.url);
    await expect(page.getByTestId('person-rik')).toBeVisibleSoon();
    const outcome = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<img src=x onerror=window.__xss=5>';
        return 'assigned';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(outcome).toBe('TypeError');
    expect(await inPage(page, '__xss')).toBeUndefined();
    await page.close();
  });
});

describe('the local page under another name (DNS rebinding)', () => {
  it('gives a page on evil.example, resolved to this machine, nothing but the refusal; localhost and *.localhost get the page', async () => {
    const page = await browser.newPage({ locale: 'nl-NL' });
    const response = await page.goto(`http://evil.example:${port}/`);
    expect(response?.status()).toBe(421);
    expect(await page.locator('body').textContent()).toContain('Onbekende hostnaam');
    // The rebinding page's own script asks the API: refused too.
    const api = await page.evaluate(async () => (await fetch('/local/api/people')).status);
    expect(api).toBe(421);

    for (const origin of [`http://localhost:${port}`, `http://prestatiemonitor.localhost:${port}`]) {
      expect((await page.goto(`${origin}/`))?.status()).toBe(200);
      await expect(page.getByTestId('person-rik')).toBeVisibleSoon();
    }
    await page.close();
  });
});
