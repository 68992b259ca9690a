import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, webhookAttempts, webhookDeliveries, type DbHandle } from '@tribu/db';
import type { WebhookSecretShown } from '@tribu/protocol';
import { buildApp, type App } from '../app.ts';
import { loadEnv } from '../env.ts';
import { enqueueWebhook } from '../modules/webhooks/webhook.outbox.ts';
import { verifyWebhook } from '../modules/webhooks/webhook.signature.ts';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectVisitor, ok, signedInCaller } from './support/clients.ts';
import { ORIGIN_A } from './support/fixtures.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';
import { selfSignedCert, startReceiver, type Receiver } from './support/webhook-receiver.ts';

const cert = selfSignedCert();
const hookEnv = { WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_CA_FILE: cert.caFile, WEBHOOKS_TIMEOUT_MS: '1000', WEBHOOKS_RETRY_BASE_MS: '300' };

describe.skipIf(!hasPostgres)('two app instances on one database send each delivery once', () => {
  // A generous time limit: on a busy machine a 1 s limit may cut an answer short, and a retry is a second send by design.
  // One SECRET for both: each opens the secrets the other sealed.
  const slowOk = { ...hookEnv, WEBHOOKS_TIMEOUT_MS: '15000', SECRET: randomBytes(32).toString('hex') };
  const ctx = usePostgresServer({ env: () => slowOk });
  const call = signedInCaller(() => ctx.server.url);
  let receiver: Receiver;
  let second: App;
  let secondDb: DbHandle;
  beforeAll(async () => {
    receiver = await startReceiver(cert);
    const env = loadEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'tribu-test-')),
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      DATABASE_URL: ctx.databaseUrl,
      ...slowOk,
    });
    secondDb = await createDb({ databaseUrl: ctx.databaseUrl, poolSize: 5 });
    second = await buildApp({ env, db: secondDb });
  });
  afterAll(async () => {
    await second?.app.close();
    await secondDb?.close();
    await receiver?.close();
  });

  it('40 events swept by both at once: every one received exactly once, by one node or the other', async () => {
    const created = await call<WebhookSecretShown>('adminA', 'POST', `/api/sites/${ctx.server.sites.siteA}/webhooks`, {
      url: receiver.url,
      events: ['helper.joined'],
    });
    expect(created.status).toBe(201);
    receiver.delayMs = 100;
    for (let i = 0; i < 40; i++) {
      await enqueueWebhook(ctx.server.db.db, { siteId: ctx.server.sites.siteA, event: 'helper.joined', subject: `u${i}`, data: { helper: { n: i } } });
    }
    await Promise.all([ctx.server.sweep(), second.sweep(), ctx.server.sweep(), second.sweep()]);
    await receiver.waitFor(() => true, 40);
    await Promise.all([ctx.server.sweep(), second.sweep()]);
    const ids = receiver.received.map((r) => String(r.headers['tribu-webhook-id']));
    expect(ids.length).toBe(40);
    expect(new Set(ids).size).toBe(40);
    for (const r of receiver.received) expect(verifyWebhook(created.data.secret, String(r.headers['tribu-signature']), r.body)).toBe(true);
    const attempts = await ctx.server.db.db.select().from(webhookAttempts);
    expect(attempts.map((a) => [a.attempt, a.statusCode])).toEqual(Array.from({ length: 40 }, () => [1, 200]));
    // Both instances took part.
    expect(new Set(attempts.map((a) => a.node)).size).toBe(2);
    const delivered = await ctx.server.db.db.select({ status: webhookDeliveries.status, attempts: webhookDeliveries.attempts }).from(webhookDeliveries);
    expect(delivered).toEqual(Array.from({ length: 40 }, () => ({ status: 'delivered', attempts: 1 })));
  });
});

describe.skipIf(!hasPostgres || !hasRedis)('a node killed while sending: the other node delivers after its lease runs out', () => {
  const nodes = useTwoNodes(undefined, hookEnv);
  let receiver: Receiver;
  let db: DbHandle;
  beforeAll(async () => {
    receiver = await startReceiver(cert);
    db = await createDb({ databaseUrl: nodes.databaseUrl, poolSize: 2 });
  });
  afterAll(async () => {
    await receiver?.close();
    await db?.close();
  });

  it('fails once, hangs on the retry, its node is killed, the other node delivers: one success, every attempt recorded', async () => {
    const call = signedInCaller(() => nodes.a.url);
    const created = await call<WebhookSecretShown>('adminA', 'POST', `/api/sites/${nodes.sites.siteA}/webhooks`, {
      url: receiver.url,
      events: ['conversation.started'],
    });
    expect(created.status).toBe(201);
    receiver.respond = (_r, nth) => (nth === 1 ? 500 : nth === 2 ? 'hang' : 200);
    const visitor = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    await ok(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Still in stock?' });
    visitor.socket.disconnect();

    const [, hung] = await receiver.waitFor(() => true, 2, 30_000);
    const id = String(hung!.headers['tribu-webhook-id']);
    expect(hung!.headers['tribu-delivery-attempt']).toBe('2');
    const [leased] = await db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
    const pid = Number(leased!.leaseOwner!.split(':')[1]);
    const [doomed, survivor] = nodes.a.child.pid === pid ? [nodes.a, nodes.b] : [nodes.b, nodes.a];
    expect(doomed.child.pid).toBe(pid);
    doomed.child.kill('SIGKILL');

    const all = await receiver.waitFor((r) => r.headers['tribu-webhook-id'] === id, 3, 40_000);
    expect(all.map((r) => [r.headers['tribu-delivery-attempt'], r.answered])).toEqual([
      ['1', 500],
      ['2', null],
      ['3', 200],
    ]);
    for (const r of all) expect(verifyWebhook(created.data.secret, String(r.headers['tribu-signature']), r.body)).toBe(true);
    // Give the survivor a moment to record the outcome, then check nothing more was sent.
    let stored = leased!;
    for (let i = 0; i < 50 && stored.status !== 'delivered'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      stored = (await db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!;
    }
    expect(stored).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, leaseOwner: null });
    const attempts = await db.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, id)).orderBy(asc(webhookAttempts.attempt));
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, null, 'Interrupted: the sending node stopped'],
      [3, 200, null],
    ]);
    expect(attempts[1]!.node).toContain(`:${pid}:`);
    expect(attempts[2]!.node).toContain(`:${survivor.child.pid}:`);
    expect(receiver.forId(id)).toHaveLength(3);
  }, 90_000);
});
