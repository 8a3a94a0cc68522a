import { chromium } from 'playwright-core';
const [url, out, w, h, y] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h }, isMobile: +w < 500, hasTouch: +w < 500 });
await page.goto(url);
await page.waitForTimeout(800);
await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: +y, width: +w, height: +h * 2 } });
await browser.close();
