import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, users, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@tribu/db';
import type { Conversation, WebhookBody, WebhookDeliveryView, WebhookEndpointView, WebhookSecretShown } from '@tribu/protocol';
import { enqueueWebhook } from '../modules/webhooks/webhook.outbox.ts';
import { verifyWebhook } from '../modules/webhooks/webhook.signature.ts';
import { webhookSecretBox } from '../modules/webhooks/webhooks.ts';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectVisitor, ok, signedInCaller, takenChat } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { useSmtpInbox } from './support/smtp.ts';
import { selfSignedCert, startReceiver, type Receiver, type Received } from './support/webhook-receiver.ts';

const cert = selfSignedCert();
const SECRET = 'w'.repeat(64);
interface ErrorAnswer {
  error: { code: string; message: string; fields?: Record<string, string> };
}

describe.skipIf(!hasPostgres)('outgoing webhooks (real Postgres, a real HTTPS receiver)', () => {
  const inbox = useSmtpInbox();
  const ctx = usePostgresServer({
    env: () => ({
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      WEBHOOKS_CA_FILE: cert.caFile,
      WEBHOOKS_RETRY_BASE_MS: '200',
      WEBHOOKS_TIMEOUT_MS: '2000',
      WEBHOOKS_DISABLE_AFTER_FAILURES: '3',
      SMTP_URL: inbox.url,
      SECRET,
    }),
  });
  const call = signedInCaller(() => ctx.server.url);
  let receiver: Receiver;
  let endpoint: WebhookEndpointView;
  let secret: string;
  const base = () => `/api/sites/${ctx.server.sites.siteA}/webhooks`;
  const body = (r: Received) => JSON.parse(r.body) as WebhookBody<{ conversation: Record<string, unknown> }>;
  const ofType = (type: string) => (r: Received) => body(r).type === type;
  const deliveries = async () => (await call<{ deliveries: WebhookDeliveryView[] }>('adminA', 'GET', `${base()}/${endpoint.id}/deliveries`)).data.deliveries;

  beforeAll(async () => {
    receiver = await startReceiver(cert);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('registers an endpoint for the admin, with a secret shown once', async () => {
    const res = await call<WebhookSecretShown>('adminA', 'POST', base(), {
      url: receiver.url,
      description: 'CRM',
      events: ['conversation.rated', 'conversation.started', 'conversation.answered', 'conversation.ended', 'purchase.attributed'],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.data.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    ({ endpoint, secret } = res.data);
    expect(endpoint).toMatchObject({
      url: receiver.url,
      description: 'CRM',
      // Kept in the list's order, whatever the order picked.
      events: ['conversation.started', 'conversation.answered', 'conversation.ended', 'conversation.rated', 'purchase.attributed'],
      enabled: true,
      disabledReason: null,
      consecutiveFailures: 0,
    });
    const list = await call<{ endpoints: WebhookEndpointView[] }>('adminA', 'GET', base());
    expect(list.data.endpoints.map((e) => e.id)).toEqual([endpoint.id]);
    expect(list.text).not.toContain(secret);
    // Stored sealed under a key derived from SECRET: a copy of the database cannot sign.
    const [stored] = await ctx.server.db.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(stored!.secret).toMatch(/^v1\./);
    expect(stored!.secret).not.toContain(secret.slice(6));
    expect(webhookSecretBox(SECRET).open(stored!.secret)).toBe(secret);
  });

  it('refuses an unknown event and a missing address with per-field errors', async () => {
    const res = await call<ErrorAnswer>('adminA', 'POST', base(), { url: '', events: ['order.shipped'] });
    expect([res.status, res.data.error.fields]).toEqual([
      400,
      {
        url: 'An https:// address',
        'events.0': 'One of conversation.started, conversation.answered, conversation.ended, conversation.rated, purchase.attributed, helper.joined',
      },
    ]);
  });

  let chat: Awaited<ReturnType<typeof takenChat>>;
  it("sends a chat's life (started, answered, ended, rated), each once, signed with the secret", async () => {
    chat = await takenChat(ctx.server.url, USERS.helperA1.email, 'Does the jacket run small?');
    const convId = chat.conversation.id;
    await ok(chat.helper.socket, 'message:send', { conversationId: convId, clientId: clientId(), text: 'It runs true to size.' });
    await ok(chat.helper.socket, 'message:send', { conversationId: convId, clientId: clientId(), text: 'Take your usual size.' });
    await ok(chat.helper.socket, 'conversation:end', { conversationId: convId });
    await ok(chat.visitor.socket, 'conversation:rate', { conversationId: convId, rating: 5, comment: 'Great' });
    const got = await receiver.waitFor((r) => body(r).data.conversation?.id === convId, 4);
    await ctx.server.sweep();
    const mine = receiver.received.filter((r) => body(r).data.conversation?.id === convId);
    expect(mine.map((r) => body(r).type).sort()).toEqual(['conversation.answered', 'conversation.ended', 'conversation.rated', 'conversation.started']);
    for (const r of got) {
      expect(verifyWebhook(secret, String(r.headers['tribu-signature']), r.body)).toBe(true);
      expect(r.headers['tribu-signature']).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
      expect(r.headers['tribu-webhook-id']).toBe(body(r).id);
      expect(r.headers['tribu-event']).toBe(body(r).type);
      expect(r.headers['tribu-delivery-attempt']).toBe('1');
      expect(r.headers['content-type']).toBe('application/json');
      expect(body(r).siteId).toBe(ctx.server.sites.siteA);
    }
    const rated = body(mine.find(ofType('conversation.rated'))!);
    expect(rated.data.conversation).toMatchObject({
      id: convId,
      visitorId: chat.visitor.visitorId,
      status: 'closed',
      rating: 5,
      ratingComment: 'Great',
      helper: { id: chat.helper.me.user.id, displayName: 'Ada' },
    });
    const answered = body(mine.find(ofType('conversation.answered'))!);
    expect(answered.data.conversation).toMatchObject({ id: convId, helper: { displayName: 'Ada' }, status: 'active' });
  });

  it('retries a failing receiver: two failures, then delivered once, with every attempt recorded', async () => {
    receiver.respond = (r, nth) => (ofType('conversation.started')(r) && nth <= 2 ? 500 : 200);
    const visitor = await connectVisitor(ctx.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Is it waterproof?',
    });
    const [first] = await receiver.waitFor((r) => ofType('conversation.started')(r) && body(r).data.conversation.id === conversation.id);
    const id = body(first!).id;
    const all = await receiver.waitFor((r) => r.headers['tribu-webhook-id'] === id, 3);
    expect(all.map((r) => [r.headers['tribu-delivery-attempt'], r.answered])).toEqual([
      ['1', 500],
      ['2', 500],
      ['3', 200],
    ]);
    // The same event every time: same body, a fresh signature.
    expect(new Set(all.map((r) => r.body)).size).toBe(1);
    for (const r of all) expect(verifyWebhook(secret, String(r.headers['tribu-signature']), r.body)).toBe(true);
    // The node that got the 200 writes the outcome a moment later.
    await expect.poll(async () => (await deliveries()).find((x) => x.id === id)?.status).toBe('delivered');
    await ctx.server.sweep();
    expect(receiver.forId(id)).toHaveLength(3);
    const d = (await deliveries()).find((x) => x.id === id)!;
    expect(d).toMatchObject({ event: 'conversation.started', status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    expect(d.attemptLog.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [3, 200, null],
      [2, 500, 'HTTP 500'],
      [1, 500, 'HTTP 500'],
    ]);
    const [ep] = await ctx.server.db.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(ep).toMatchObject({ consecutiveFailures: 0, failingSince: null, enabled: true });
  });

  it('resends a delivery on demand, under the same event id', async () => {
    const [d] = (await deliveries()).filter((x) => x.event === 'conversation.rated');
    expect((await call('adminA', 'POST', `${base()}/deliveries/${d!.id}/resend`)).status).toBe(202);
    const again = await receiver.waitFor((r) => r.headers['tribu-webhook-id'] === d!.id, 2);
    expect(again.map((r) => r.headers['tribu-delivery-attempt'])).toEqual(['1', '2']);
    await expect.poll(async () => (await deliveries()).find((x) => x.id === d!.id)?.status).toBe('delivered');
    expect((await deliveries()).find((x) => x.id === d!.id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('signs with the new secret once it is rotated', async () => {
    const rotated = await call<WebhookSecretShown>('adminA', 'POST', `${base()}/${endpoint.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.data.secret).not.toBe(secret);
    const visitor = await connectVisitor(ctx.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Any discount?' });
    const [r] = await receiver.waitFor((x) => body(x).data.conversation?.id === conversation.id);
    expect(verifyWebhook(rotated.data.secret, String(r!.headers['tribu-signature']), r!.body)).toBe(true);
    expect(verifyWebhook(secret, String(r!.headers['tribu-signature']), r!.body)).toBe(false);
    secret = rotated.data.secret;
  });

  it('tells of a purchase credited to a chat, with its amount and helper', async () => {
    const key = await call<{ key: string }>('adminA', 'POST', `/api/sites/${ctx.server.sites.siteA}/api-keys`, { name: 'Shop', scopes: ['conversions'] });
    const report = () =>
      fetch(`${ctx.server.url}/api/v1/conversions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key.data.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ orderId: 'A-77', amount: 189, currency: 'EUR', visitorId: chat.visitor.visitorId }),
      });
    expect((await report()).status).toBe(201);
    expect((await report()).status).toBe(200);
    const [r] = await receiver.waitFor(ofType('purchase.attributed'));
    await ctx.server.sweep();
    expect(receiver.received.filter(ofType('purchase.attributed'))).toHaveLength(1);
    expect((JSON.parse(r!.body) as WebhookBody).data).toEqual({
      purchase: {
        orderId: 'A-77',
        amountMinor: 18900,
        currency: 'EUR',
        visitorId: chat.visitor.visitorId,
        code: null,
        items: [],
        source: 'api',
        occurredAt: expect.any(String) as string,
      },
      attribution: { assisted: true, helperId: chat.helper.me.user.id, conversationId: chat.conversation.id, referrerId: null },
    });
  });

  it('turns an endpoint off after repeated failures and tells the site admins (bell and mail)', async () => {
    // One event whose three attempts (200 ms, then 400 ms apart) all fail: the rule of this server is 3 in a row.
    receiver.respond = () => 503;
    const first = await connectVisitor(ctx.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    await ok(first.socket, 'conversation:start', { clientId: clientId(), text: 'One?' });
    const mail = await inbox.mailTo(USERS.adminA.email, 20_000);
    expect(mail.subject).toBe('Webhooks to 127.0.0.1:' + new URL(receiver.url).port + ' were turned off');
    expect(mail.text).toContain(`Tribu turned off the webhook endpoint ${receiver.url} of Shop A: its last 3 deliveries all failed.`);
    const list = await call<{ endpoints: WebhookEndpointView[] }>('adminA', 'GET', base());
    // (A delivery still in flight when it was turned off may add to the count: the mail tells the count that turned it off.)
    expect(list.data.endpoints[0]).toMatchObject({ enabled: false, disabledReason: 'failing' });
    const [admin] = await ctx.server.db.db.select({ id: users.id }).from(users).where(eq(users.email, USERS.adminA.email));
    const bell = await ctx.server.db.db
      .select({ text: notifications.text })
      .from(notifications)
      .where(and(eq(notifications.userId, admin!.id), eq(notifications.kind, 'webhook')));
    expect(bell).toEqual([
      {
        text: `Webhooks to ${receiver.url} were turned off after 3 failed deliveries in a row. Fix the endpoint, then turn it back on under Manage → Integrations.`,
      },
    ]);
    // Only admins are told: the manager got nothing.
    expect(inbox.mails.filter((m) => m.text?.includes('turned off the webhook')).length).toBe(1);

    // Off: nothing new is queued for it, and a resend is refused until it is on again.
    const before = await ctx.server.db.db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    const v = await connectVisitor(ctx.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    await ok(v.socket, 'conversation:start', { clientId: clientId(), text: 'Four?' });
    await ctx.server.sweep();
    const after = await ctx.server.db.db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(after.length).toBe(before.length);
    const failedOne = (await deliveries()).find((d) => d.status === 'pending')!;
    const refused = await call<ErrorAnswer>('adminA', 'POST', `${base()}/deliveries/${failedOne.id}/resend`);
    expect([refused.status, refused.data.error.message]).toEqual([409, 'This endpoint is turned off: turn it on to resend']);

    // Back on: a fresh start, and what waited within its 24 h goes out.
    receiver.respond = () => 200;
    const on = await call<WebhookEndpointView>('adminA', 'PATCH', `${base()}/${endpoint.id}`, { enabled: true });
    expect(on.data).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    await receiver.waitFor((r) => r.headers['tribu-webhook-id'] === failedOne.id && r.answered === 200);
  });

  it('tells of a helper who joined, from the joining transaction', async () => {
    receiver.respond = () => 200;
    await call('adminA', 'PATCH', `${base()}/${endpoint.id}`, { events: ['helper.joined'] });
    const sent = await call<{ link: string }>('adminA', 'POST', `/api/sites/${ctx.server.sites.siteA}/invitations`, {
      email: 'newbie@example.com',
      name: 'Nina',
      role: 'helper',
    });
    expect(sent.status).toBe(200);
    const token = sent.data.link.split('/backoffice/invite/')[1]!;
    const accept = () =>
      fetch(`${ctx.server.url}/api/invitations/accept`, {
        method: 'POST',
        headers: { origin: new URL(ctx.server.url).origin, 'content-type': 'application/json' },
        body: JSON.stringify({ token, password: 'nina has a password' }),
      });
    expect((await accept()).status).toBe(200);
    expect((await accept()).status).toBe(409);
    const [r] = await receiver.waitFor(ofType('helper.joined'));
    await ctx.server.sweep();
    expect(receiver.received.filter(ofType('helper.joined'))).toHaveLength(1);
    const [nina] = await ctx.server.db.db.select({ id: users.id }).from(users).where(eq(users.email, 'newbie@example.com'));
    expect((JSON.parse(r!.body) as WebhookBody).data).toEqual({
      helper: { id: nina!.id, displayName: 'Nina', role: 'helper', joinedAt: expect.any(String) as string },
    });
    expect(verifyWebhook(secret, String(r!.headers['tribu-signature']), r!.body)).toBe(true);
  });

  it("answers 'not found' to an admin aiming at another site's endpoint or delivery through their own site", async () => {
    const db = ctx.server.db.db;
    const [theirs] = await db
      .insert(webhookEndpoints)
      .values({ siteId: ctx.server.sites.siteB, url: 'https://93.184.216.34/b', events: ['helper.joined'], secret: 'whsec_b' })
      .returning();
    const [delivery] = await db
      .insert(webhookDeliveries)
      .values({ endpointId: theirs!.id, siteId: ctx.server.sites.siteB, event: 'helper.joined', eventKey: 'helper.joined:x', payload: {}, status: 'failed' })
      .returning();
    const aimed: [string, string, unknown?][] = [
      ['PATCH', `${base()}/${theirs!.id}`, { description: 'Mine now' }],
      ['POST', `${base()}/${theirs!.id}/rotate-secret`],
      ['GET', `${base()}/${theirs!.id}/deliveries`],
      ['POST', `${base()}/deliveries/${delivery!.id}/resend`],
      ['DELETE', `${base()}/${theirs!.id}`],
    ];
    for (const [method, path, payload] of aimed) {
      const res = await call<ErrorAnswer>('adminA', method, path, payload);
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    const [still] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, theirs!.id));
    expect(still).toMatchObject({ description: '', secret: 'whsec_b', enabled: true });
    const [same] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery!.id));
    expect(same!.status).toBe('failed');
    await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, theirs!.id));
  });

  it('forgets settled deliveries after 30 days, and keeps pending ones', async () => {
    const db = ctx.server.db.db;
    const recent = (await deliveries()).filter((d) => d.status === 'delivered').length;
    const old = new Date(Date.now() - 31 * 86_400_000);
    const rows = await db
      .insert(webhookDeliveries)
      .values(
        (['delivered', 'failed', 'pending'] as const).map((status) => ({
          endpointId: endpoint.id,
          siteId: ctx.server.sites.siteA,
          event: 'helper.joined',
          eventKey: `helper.joined:old-${status}`,
          payload: {},
          status,
          createdAt: old,
          nextAttemptAt: new Date(Date.now() + 3_600_000),
          deadlineAt: new Date(Date.now() + 3_600_000),
        })),
      )
      .returning({ id: webhookDeliveries.id, status: webhookDeliveries.status });
    await ctx.server.sweep();
    const left = await db
      .select({ status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(
        inArray(
          webhookDeliveries.id,
          rows.map((r) => r.id),
        ),
      );
    expect(left).toEqual([{ status: 'pending' }]);
    // The recent ones stay.
    expect((await deliveries()).filter((d) => d.status === 'delivered').length).toBe(recent);
  });

  it('sends nothing for an endpoint whose secret was sealed under another SECRET, and says why', async () => {
    const db = ctx.server.db.db;
    const [other] = await db
      .insert(webhookEndpoints)
      .values({
        siteId: ctx.server.sites.siteA,
        url: receiver.url,
        events: ['helper.joined'],
        secret: webhookSecretBox('x'.repeat(64)).seal('whsec_elsewhere'),
      })
      .returning();
    const before = receiver.received.length;
    expect(await enqueueWebhook(db, { siteId: ctx.server.sites.siteA, event: 'helper.joined', subject: 'sealed-elsewhere', data: {} })).toBe(2);
    const stored = () => db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, other!.id));
    await ctx.server.sweep();
    await expect.poll(async () => (await stored())[0]?.lastError ?? null).toBe('The signing secret cannot be read (was SECRET changed?): make a new secret');
    // Only the other endpoint (this site's real one) got the event.
    await receiver.waitFor((r) => body(r).type === 'helper.joined' && JSON.stringify(body(r).data) === '{}');
    expect(receiver.received.length).toBe(before + 1);
    await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, other!.id));
  });

  it('edits the events and description, and deletes the endpoint with its deliveries', async () => {
    const edited = await call<WebhookEndpointView>('adminA', 'PATCH', `${base()}/${endpoint.id}`, { events: ['helper.joined'], description: 'Only joins' });
    expect(edited.data).toMatchObject({ events: ['helper.joined'], description: 'Only joins' });
    const none = await call<ErrorAnswer>('adminA', 'PATCH', `${base()}/${endpoint.id}`, { events: [] });
    expect([none.status, none.data.error.fields]).toEqual([400, { events: 'Pick at least one event' }]);
    expect((await call('adminA', 'DELETE', `${base()}/${endpoint.id}`)).status).toBe(204);
    expect((await call('adminA', 'DELETE', `${base()}/${endpoint.id}`)).status).toBe(404);
    const left = await ctx.server.db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(left).toEqual([]);
    expect(await ctx.server.db.db.select().from(webhookAttempts)).toEqual([]);
  });
});
