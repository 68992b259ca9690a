// Ad-hoc screenshot helper for development: node --import tsx src/peek.ts URL OUT [W H] [click-name]
import { chromium } from 'playwright-core';
const [url, out, w = '1280', h = '800', click] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url!);
await page.waitForTimeout(1000);
if (click) { await page.getByRole('button', { name: click }).click(); await page.waitForTimeout(1000); }
await page.screenshot({ path: out! });
await browser.close();
