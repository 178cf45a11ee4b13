import { chromium } from 'playwright-core';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto('http://localhost:3999/?person=rik');
await page.waitForSelector('[data-testid=message]');
await page.screenshot({ path: '/tmp/shot1.png' });
await browser.close();
