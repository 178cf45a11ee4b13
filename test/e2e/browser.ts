// Debian's chromium through playwright-core for the browser tests, and two waiting matchers.
import { type Browser, chromium } from 'playwright-core';
import { expect } from 'vitest';

/** Headless chromium; `args` adds flags (e.g. --host-resolver-rules to point a name at this machine). */
export function launchChromium(options: { args?: string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
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
