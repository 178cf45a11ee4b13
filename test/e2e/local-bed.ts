// The real bot (embedded Azurite in memory, the HTTP server, the worker, the demo on first start)
// and Debian's chromium for a browser test file: started before its tests, stopped after them.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { launchChromium } from './browser.ts';

/** Where the browser tests put the screenshots the docs show. */
export const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

export interface LocalBed {
  readonly bot: Bot;
  readonly browser: Browser;
}

export function localBed(options: { clock?: Clock; workerIntervalMs?: number } = {}): LocalBed {
  let bot: Bot | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    bot = await startBot({
      config: loadConfig({ PORT: '0', HOST: '127.0.0.1', API_KEY: 'test-key-0123456789abcdef' }),
      ...(options.clock ? { clock: options.clock } : {}),
      inMemory: true,
      workerIntervalMs: options.workerIntervalMs ?? 200,
      log: () => {},
    });
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser test bed is used before beforeAll started it');
    return value;
  };
  return {
    get bot() {
      return started(bot);
    },
    get browser() {
      return started(browser);
    },
  };
}
