// Debian's chromium through playwright-core for the browser tests, and two waiting matchers.
import { type Browser, chromium } from 'playwright-core';
import { expect } from 'vitest';

/** Headless chromium; `args` adds flags (e.g. --host-resolver-rules to point a name at this machine). */
export function launchChromium(options: { args?: string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    env: browserEnv(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      ...(options.args ?? []),
    ],
  });
}

/**
 * The environment for chromium without libfaketime: CI runs the suite again a year ahead under
 * faketime to catch tests that depend on today's date, and that is about the bot and its tests; the
 * browser only shows what the server sends, and chromium under libfaketime stalls (its timers wait
 * on the faked clock), which would test faketime, not us.
 */
function browserEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || name === 'LD_PRELOAD' || name.startsWith('FAKETIME')) continue;
    env[name] = value;
  }
  return env;
}

// Playwright's own `expect` is in @playwright/test, which downloads browsers: these two matchers
// wait on the locator the same way (Playwright's own waiting, no polling of ours).
declare module 'vitest' {
  interface Assertion<T> {
    toBeVisibleSoon(): Promise<T>;
    toHaveTextSoon(pattern: RegExp): Promise<T>;
  }
}
const WAIT = 15_000;
type Waitable = {
  waitFor(o: object): Promise<void>;
  filter(o: object): { first(): Waitable };
  first(): Waitable;
};
async function visible(locator: Waitable, what: string) {
  try {
    await locator.waitFor({ state: 'visible', timeout: WAIT });
    return { pass: true, message: () => `${what} visible` };
  } catch (error) {
    return {
      pass: false,
      message: () => `${what} not visible within ${WAIT} ms: ${(error as Error).message.split('\n')[0]}`,
    };
  }
}
expect.extend({
  toBeVisibleSoon: (locator: Waitable) => visible(locator.first(), 'element'),
  toHaveTextSoon: (locator: Waitable, pattern: RegExp) =>
    visible(locator.filter({ hasText: pattern }).first(), `text ${pattern}`),
});
