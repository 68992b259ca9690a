import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { launcher, signIn, visitorLog } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { startServer, type RunningServer } from './support/server.ts';

const INJECTED = '<img src=x onerror="window.__pwned=1">';

// A merchant page that does everything wrong: a strict CSP without inline styles, prototype
// pollution of Array, and markup in its title and product data.
const HOSTILE_HTML = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:">
<title>Boots ${INJECTED}</title>
<script src="/demo/hostile.js"></script>
<script type="application/ld+json">{"@type":"Product","name":"Boot ${INJECTED.replaceAll('"', '\\\\"')}","offers":{"price":"99","priceCurrency":"EUR"}}</script>
</head><body><h1>Hostile shop</h1>
<script src="/widget.js" data-site="demo" async></script></body></html>`;

const HOSTILE_JS = `
Array.prototype.extraMethod = function () { return 'polluted'; };
Object.defineProperty(Array.prototype, 'enumerableJunk', { value: 1, enumerable: true });
window.onerror = function (msg) { (window.__errors = window.__errors || []).push(String(msg)); };
`;

describe.skipIf(!hasChromium)('the widget on a hostile merchant page', () => {
  let server: RunningServer;
  let browser: Browser;
  let visitor: Page;
  let helper: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    // Pages the test fulfils itself count as public for Chromium's local-network checks, which would
    // then block their socket to this loopback server; real merchant pages reach a public Tribu.
    browser = await launchBrowser(['--disable-features=LocalNetworkAccessChecks']);
    helper = await personPage(browser, { width: 1440, height: 900 });
    visitor = await personPage(browser, { width: 1280, height: 800 });
    visitor.on('pageerror', (e) => errors.push(e.message));
    visitor.on('console', (m) => m.type() === 'error' && !/favicon/.test(m.text()) && errors.push(m.text()));
    // Served by the test on Tribu's own origin, so the demo site's `self` origin rule applies.
    await visitor.route(`${server.url}/demo/hostile`, (r) => r.fulfill({ contentType: 'text/html', body: HOSTILE_HTML }));
    await visitor.route(`${server.url}/demo/hostile.js`, (r) => r.fulfill({ contentType: 'application/javascript', body: HOSTILE_JS }));
    await signIn(helper, server.url, 'helper5@demo.tribu');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('works under a CSP without inline styles and with a polluted Array prototype, without errors', async () => {
    await visitor.goto(`${server.url}/demo/hostile`);
    await launcher(visitor).click();
    await visitor.getByRole('textbox', { name: 'Your message' }).fill('Are these boots waterproof? <b>bold</b>');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitorLog(visitor).getByText('Are these boots waterproof? <b>bold</b>').waitFor();
    // The panel is styled (constructable stylesheets pass the CSP): the send button is not a bare button.
    const bg = await visitor.getByRole('button', { name: 'Send' }).evaluate((b) => getComputedStyle(b).borderRadius);
    expect(bg).not.toBe('0px');
    await screenshot(visitor, 'visitor-hostile-page');
    expect(errors).toEqual([]);
  });

  it('shows the helper the hostile title and product as inert text', async () => {
    await helper.getByRole('button', { name: /Take request: Are these boots waterproof/ }).click();
    const pane = helper.getByRole('region', { name: 'Chat' });
    await pane.getByText(INJECTED, { exact: false }).first().waitFor();
    expect(await helper.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await visitor.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshot(helper, 'helper-hostile-page');
  });
});
