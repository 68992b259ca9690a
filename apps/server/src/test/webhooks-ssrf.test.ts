import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@tribu/db';
import type { Conversation } from '@tribu/protocol';
import { webhookSecretBox } from '../modules/webhooks/webhooks.ts';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectVisitor, ok, signedInCaller } from './support/clients.ts';
import { ORIGIN_A } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { selfSignedCert, startReceiver, type Receiver } from './support/webhook-receiver.ts';

const cert = selfSignedCert();
const SECRET = 's'.repeat(64);

interface ErrorAnswer {
  error: { code: string; message: string; fields?: Record<string, string> };
}

describe.skipIf(!hasPostgres)('webhooks never call loopback or private addresses unless the operator allows it (SSRF)', () => {
  // The receiver's certificate is trusted: only the address rule can refuse it.
  const ctx = usePostgresServer({ env: () => ({ WEBHOOKS_CA_FILE: cert.caFile, WEBHOOKS_RETRY_BASE_MS: '60000', SECRET }) });
  const call = signedInCaller(() => ctx.server.url);
  const base = () => `/api/sites/${ctx.server.sites.siteA}/webhooks`;
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver(cert);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it.each([
    ['https://127.0.0.1:8443/hook', '127.0.0.1 is a loopback address; only public addresses are allowed'],
    ['https://localhost/hook', /^localhost resolves to a loopback address \((127\.0\.0\.1|::1)\); only public addresses are allowed$/],
    ['https://[::1]/hook', '::1 is a loopback address; only public addresses are allowed'],
    ['https://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1 is a loopback address; only public addresses are allowed'],
    ['https://0x7f.1/hook', '127.0.0.1 is a loopback address; only public addresses are allowed'],
    ['https://10.0.0.5/hook', '10.0.0.5 is a private address; only public addresses are allowed'],
    ['https://192.168.1.20/hook', '192.168.1.20 is a private address; only public addresses are allowed'],
    ['https://169.254.169.254/latest/meta-data', '169.254.169.254 is a link-local address; only public addresses are allowed'],
    ['https://100.64.1.1/hook', '100.64.1.1 is a shared (CGNAT) address; only public addresses are allowed'],
    ['https://[fd00::1]/hook', 'fd00::1 is a unique-local address; only public addresses are allowed'],
    ['https://[fe80::1]/hook', 'fe80::1 is a link-local address; only public addresses are allowed'],
    ['https://224.0.0.1/hook', '224.0.0.1 is a multicast address; only public addresses are allowed'],
    ['http://93.184.216.34/hook', 'Use an https:// address'],
    ['ftp://93.184.216.34/hook', 'Use an https:// address'],
    ['https://user:pw@93.184.216.34/hook', 'No user name or password in the address: Tribu signs every delivery instead'],
    ['https://no-such-host.invalid/hook', 'no-such-host.invalid does not resolve'],
  ])('refuses %s when it is registered', async (url, message) => {
    const res = await call<ErrorAnswer>('adminA', 'POST', base(), { url, events: ['conversation.started'] });
    expect(res.status).toBe(400);
    if (typeof message === 'string') expect(res.data.error.fields).toEqual({ url: message });
    else expect(res.data.error.fields?.url).toMatch(message);
  });

  it('refuses to move an endpoint to a private address too', async () => {
    const [row] = await ctx.server.db.db
      .insert(webhookEndpoints)
      .values({ siteId: ctx.server.sites.siteA, url: 'https://93.184.216.34/hook', events: ['helper.joined'], secret: 'whsec_x' })
      .returning();
    const res = await call<ErrorAnswer>('adminA', 'PATCH', `${base()}/${row!.id}`, { url: 'https://127.0.0.2/x' });
    expect([res.status, res.data.error.fields]).toEqual([400, { url: '127.0.0.2 is a loopback address; only public addresses are allowed' }]);
    await ctx.server.db.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row!.id));
  });

  it('checks the address again when sending: an endpoint that now points to loopback gets nothing', async () => {
    // As if its name had resolved to a public address when saved and to 127.0.0.1 now (DNS rebinding).
    const [row] = await ctx.server.db.db
      .insert(webhookEndpoints)
      .values({ siteId: ctx.server.sites.siteA, url: receiver.url, events: ['conversation.started'], secret: webhookSecretBox(SECRET).seal('whsec_rebinding') })
      .returning();
    const visitor = await connectVisitor(ctx.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Hello?' });
    await ctx.server.sweep();
    // The attempt may be another sweep's (the event woke the dispatcher): wait for its outcome.
    const stored = () => ctx.server.db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, row!.id));
    await expect.poll(async () => (await stored())[0]?.lastError ?? null).not.toBeNull();
    const [d] = await stored();
    expect(d).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
      lastError: '127.0.0.1 is a loopback address; only public addresses are allowed',
    });
    const attempts = await ctx.server.db.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, d!.id));
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([[1, null, d!.lastError]]);
    expect(receiver.received).toEqual([]);
  });
});
