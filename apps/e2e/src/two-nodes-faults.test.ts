import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { signIn, visitorLog } from './support/people.ts';
import { freshDatabase } from './support/postgres.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';
import { balancer, ownRedis, redisServerAvailable, type Balancer, type OwnRedis } from './support/two-nodes.ts';

const QUESTION = 'Is the Summit jacket waterproof?';
const ANSWER = 'Yes — taped seams, 20k membrane.';
const DURING_OUTAGE = ['Great, and the hood?', 'Does it fold into a pocket?'];
const AFTER_DRAIN = 'Still there after the deploy?';
const HELPER_AFTER_DRAIN = 'Still here — the hood folds into the collar.';

// Two Tribu processes on one Postgres database and the scenario's own Redis, behind one URL (a TCP
// balancer), with the real widget and the real helper desk in Chromium. The steps run in order.
describe.skipIf(!hasChromium || !redisServerAvailable())('two nodes through Redis and node faults, in real browsers', () => {
  let db: ReturnType<typeof freshDatabase> | undefined;
  let redis: OwnRedis | undefined;
  let lb: Balancer | undefined;
  let nodeA: RunningServer | undefined;
  let nodeB: RunningServer | undefined;
  let browser: Browser | undefined;
  let visitor: Page;
  let helper: Page;
  // Where the balancer sends each NEW connection (first that accepts). The test steers per phase:
  // the helper's page and socket are opened while it holds [B], the visitor's while it holds [A], so
  // they chat across nodes and only Redis links them; before A is stopped it holds [B], as a
  // balancer's health check takes a draining node out. Open connections stay where they are.
  let route: string[] = [];

  beforeAll(async () => {
    db = freshDatabase();
    redis = await ownRedis();
    lb = await balancer(() => route);
    // Both nodes seed the same empty database at once: migrations wait on an advisory lock and the
    // demo seed lets the loser of the race find it done (apps/server/src/seed/demo-seed.ts).
    const env = { DATABASE_URL: db.url, REDIS_URL: redis.url, SECRET: randomBytes(24).toString('hex'), PUBLIC_URL: lb.url };
    [nodeA, nodeB] = await Promise.all([startServer(env), startServer(env)]);
    browser = await launchBrowser();
    helper = await personPage(browser, { width: 1440, height: 900 });
    visitor = await personPage(browser, { width: 1280, height: 800 });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    lb?.close();
    await redis?.kill();
    db?.drop();
  });
  printServerOutputOnFailure(() => nodeA);
  printServerOutputOnFailure(() => nodeB);

  const helperLog = () => helper.getByRole('log', { name: 'Conversation' });
  const box = () => visitor.getByRole('textbox', { name: 'Your message' });
  const visitorSends = async (text: string) => {
    await box().fill(text);
    await box().press('Enter');
  };
  const helperReplies = async (text: string) => {
    await helper.getByRole('textbox', { name: 'Reply' }).fill(text);
    await helper.getByRole('button', { name: 'Send' }).click();
  };
  /** Every text of the chat, as each person sees it (bubbles, in order). */
  const helperTexts = () => helperLog().locator('.bubble').allTextContents();
  const visitorCount = (text: string) => visitorLog(visitor).getByText(text, { exact: true }).count();
  const helperCount = (text: string) => helperLog().getByText(text, { exact: true }).count();

  it('connects a visitor on node A with a helper on node B, who answers', async () => {
    route = [nodeB!.url];
    await signIn(helper, lb!.url, 'helper1@demo.tribu');
    // The desk's socket is open ("Live") before the route changes, so it stays on B.
    await helper.getByText('Live', { exact: true }).waitFor();
    route = [nodeA!.url];
    await visitor.goto(`${lb!.url}/demo`);
    await visitor.getByRole('button', { name: 'Chat with the community' }).click();
    await visitorSends(QUESTION);
    await helper.getByRole('button', { name: `Take request: ${QUESTION}` }).click({ timeout: 30_000 });
    await helperLog().getByText(QUESTION).waitFor();
    await helperReplies(ANSWER);
    await visitorLog(visitor).getByText(ANSWER).waitFor({ timeout: 30_000 });
  });

  it('shows the helper both messages sent while Redis was down, once each and in order, as soon as Redis is back', async () => {
    await redis!.kill();
    for (const text of DURING_OUTAGE) await visitorSends(text);
    // Acknowledged from Postgres: shown in the visitor's log, none left "Sending…".
    for (const text of DURING_OUTAGE) await visitorLog(visitor).getByText(text).waitFor();
    await expect.poll(() => visitor.getByText('Sending…').count(), { timeout: 30_000 }).toBe(0);
    // The helper's node had no way to hear of them: the fault is real, the two are on different nodes.
    expect(await helperCount(DURING_OUTAGE[0]!)).toBe(0);

    await redis!.start(); // nobody sends anything more from here on
    await helperLog().getByText(DURING_OUTAGE[1]!).waitFor({ timeout: 30_000 });
    const texts = await helperTexts();
    expect(texts.filter((t) => DURING_OUTAGE.includes(t))).toEqual(DURING_OUTAGE);
    await screenshot(helper, 'two-nodes-1-helper-after-redis-restart');
  });

  it('moves the visitor to node B when node A is stopped (SIGTERM); the chat goes on, nothing twice', async () => {
    route = [nodeB!.url];
    await nodeA!.stop(); // SIGTERM; resolves once the process has drained and exited
    await visitorSends(AFTER_DRAIN); // so this can only reach node B, over the visitor's new connection
    await helperLog().getByText(AFTER_DRAIN).waitFor({ timeout: 30_000 });
    await helperReplies(HELPER_AFTER_DRAIN);
    await visitorLog(visitor).getByText(HELPER_AFTER_DRAIN).waitFor({ timeout: 30_000 });
    await expect.poll(() => visitor.getByText('Sending…').count(), { timeout: 30_000 }).toBe(0);
    for (const text of [QUESTION, ANSWER, ...DURING_OUTAGE, AFTER_DRAIN, HELPER_AFTER_DRAIN]) {
      expect({ text, visitor: await visitorCount(text), helper: await helperCount(text) }).toEqual({ text, visitor: 1, helper: 1 });
    }
    await screenshot(visitor, 'two-nodes-2-visitor-after-node-stopped');
  });
});
