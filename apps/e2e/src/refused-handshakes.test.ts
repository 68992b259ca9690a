import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { PROTOCOL_VERSION } from '@tribu/protocol';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { ownPostgres, ownPostgresAvailable, type OwnPostgres } from './support/own-postgres.ts';
import { launcher, signIn, visitorLog } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

const QUESTION = 'Does the Trail 40 backpack fit a 15-inch laptop?';
const AFTER_OUTAGE = 'Still there after the database came back?';
// The per-address connection budget, small and short so the refill comes within seconds.
const CONNECTION_RATE = 20;
const WINDOW_S = 8;

/** The page's Socket.IO connections, through a route the test can cut, and the handshake refusals they received. */
interface Sockets {
  open: WebSocketRoute[];
  /** `<namespace> <code>` of every refused handshake (Socket.IO's CONNECT_ERROR packet). */
  refusals: string[];
}
async function routeSockets(page: Page): Promise<Sockets> {
  const sockets: Sockets = { open: [], refusals: [] };
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((m) => {
      const refused = /^44(\/\w+),.*"code":"(\w+)"/.exec(String(m));
      if (refused) sockets.refusals.push(`${refused[1]} ${refused[2]}`);
      ws.send(m);
    });
    sockets.open.push(ws);
  });
  return sockets;
}
/** A network drop: every open connection of the page is closed, and the page connects again. */
async function cut(sockets: Sockets): Promise<void> {
  for (const ws of sockets.open.splice(0)) await ws.close();
}

/**
 * Spends the address's `connections` budget at the namespaces from this process (same address as
 * the browser), over one long-polling engine connection: handshakes on `/visitor` (each counted,
 * then refused for want of credentials) until one is refused as rate limited. The budget is a fixed
 * window, so first it waits for a fresh window (a handshake counted again after a refusal) and
 * spends that one: the browser then meets the refusal for nearly the whole window.
 */
async function exhaustConnections(base: string): Promise<void> {
  const poll = `${base}/socket.io/?EIO=4&transport=polling`;
  const opened = await (await fetch(poll)).text();
  const { sid } = JSON.parse(opened.slice(1)) as { sid: string };
  const handshake = async (): Promise<boolean> => {
    await fetch(`${poll}&sid=${sid}`, { method: 'POST', body: `40/visitor,${JSON.stringify({ protocolVersion: PROTOCOL_VERSION })}` });
    const answer = await (await fetch(`${poll}&sid=${sid}`)).text();
    return answer.includes('"code":"rate_limited"');
  };
  const until = async (limited: boolean, pauseMs: number) => {
    for (let i = 0; i < 500; i++) {
      if ((await handshake()) === limited) return;
      await new Promise((r) => setTimeout(r, pauseMs)); // polling interval, not a wait for behaviour
    }
    throw new Error(`the connection budget never ${limited ? 'ran out' : 'refilled'}`);
  };
  await until(true, 0);
  await until(false, 100);
  await until(true, 0);
}

describe.skipIf(!hasChromium || !ownPostgresAvailable())('refused handshakes: the widget and the desk come back by themselves', () => {
  let postgres: OwnPostgres | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let helper: Page;
  let visitor: Page;
  let helperSockets: Sockets;
  let visitorSockets: Sockets;

  beforeAll(async () => {
    postgres = await ownPostgres();
    server = await startServer({
      DATABASE_URL: postgres.url,
      CONNECTION_RATE: String(CONNECTION_RATE),
      CONNECTION_RATE_WINDOW_S: String(WINDOW_S),
      // The test's own polling connection joins no namespace for a while: it stays open meanwhile.
      CONNECT_TIMEOUT_MS: '60000',
    });
    browser = await launchBrowser();
    helper = await personPage(browser, { width: 1440, height: 900 });
    visitor = await personPage(browser, { width: 1280, height: 800 });
    helperSockets = await routeSockets(helper);
    visitorSockets = await routeSockets(visitor);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await postgres?.close();
  });
  printServerOutputOnFailure(() => server);

  const helperLog = () => helper.getByRole('log', { name: 'Conversation' });
  const box = () => visitor.getByRole('textbox', { name: 'Your message' });
  /** The waiting state: "Reconnecting… retrying in N s." in a status, with a Retry now button beside it. */
  const waiting = (page: Page, why: string | RegExp = /./) =>
    page
      .getByRole('status')
      .filter({ hasText: /Reconnecting… retrying in \d+ s\./ })
      .filter({ hasText: why });
  const shootBothWidths = async (page: Page, name: string, width: number) => {
    await screenshot(page, `${name}-${width}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, `${name}-390`);
    await page.setViewportSize({ width, height: 900 });
  };

  it('waits while the database is down (handshakes refused as unavailable) and comes back without a reload once it is up', async () => {
    await signIn(helper, server!.url, 'helper1@demo.tribu');
    await helper.getByText('Live', { exact: true }).waitFor();
    await visitor.goto(`${server!.url}/demo`);
    await launcher(visitor).click();
    await box().fill(QUESTION);
    await box().press('Enter');
    await helper.getByRole('button', { name: `Take request: ${QUESTION}` }).click({ timeout: 30_000 });
    await helperLog().getByText(QUESTION).waitFor();

    await postgres!.stop();
    await cut(helperSockets);
    await cut(visitorSockets);
    // Each reconnection is refused at the handshake with the retryable `unavailable`; both wait and say so.
    await waiting(helper, 'The server is unavailable for a moment.').waitFor({ timeout: 20_000 });
    await waiting(visitor).waitFor({ timeout: 20_000 });
    await expect.poll(() => helperSockets.refusals.includes('/helper unavailable'), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => visitorSockets.refusals.includes('/visitor unavailable'), { timeout: 20_000 }).toBe(true);
    expect(helperSockets.refusals.filter((r) => !r.endsWith(' unavailable'))).toEqual([]);
    expect(visitorSockets.refusals.filter((r) => !r.endsWith(' unavailable'))).toEqual([]);
    await helper.getByRole('button', { name: 'Retry now' }).waitFor();
    await visitor.getByRole('button', { name: 'Retry now' }).waitFor();
    // The waiting state adds no serious accessibility issue (a live status, a timer, a named button).
    expect(await seriousViolations(helper)).toEqual([]);
    expect(await seriousViolations(visitor)).toEqual([]);
    await shootBothWidths(helper, 'desk-reconnecting-database-down', 1440);
    await shootBothWidths(visitor, 'widget-reconnecting-database-down', 1280);

    await postgres!.start();
    // No reload, no click: the next attempt of each gets through.
    await helper.getByText('Live', { exact: true }).waitFor({ timeout: 45_000 });
    await waiting(visitor).waitFor({ state: 'detached', timeout: 45_000 });
    await box().fill(AFTER_OUTAGE);
    await box().press('Enter');
    await helperLog().getByText(AFTER_OUTAGE).waitFor({ timeout: 30_000 });
    await expect.poll(() => visitor.getByText('Sending…').count(), { timeout: 30_000 }).toBe(0);
    expect(await helperLog().getByText(AFTER_OUTAGE, { exact: true }).count()).toBe(1);
    expect(await visitorLog(visitor).getByText(AFTER_OUTAGE, { exact: true }).count()).toBe(1);
  }, 150_000);

  it('waits while the connection budget of its address is spent (rate limited) and connects by itself once it refills', async () => {
    await helper.getByText('Live', { exact: true }).waitFor();
    await exhaustConnections(server!.url);
    helperSockets.refusals.length = 0;
    await helper.reload();
    await waiting(helper, 'Too many connections from your network for now.').waitFor({ timeout: 20_000 });
    expect(helperSockets.refusals[0]).toBe('/helper rate_limited');
    await helper.getByRole('button', { name: 'Retry now' }).waitFor();
    await shootBothWidths(helper, 'desk-reconnecting-rate-limited', 1440);

    // The window passes; the desk's own next attempt is accepted.
    await helper.getByText('Live', { exact: true }).waitFor({ timeout: 45_000 });
    await waiting(helper).waitFor({ state: 'detached' });
    expect(helperSockets.refusals.every((r) => r === '/helper rate_limited')).toBe(true);
  }, 120_000);
});
