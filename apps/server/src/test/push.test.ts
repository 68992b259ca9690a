import { conversations, pushSends, pushSubscriptions, users } from '@tribu/db';
import type { Conversation, PushConfig, PushStats, PushTestResult } from '@tribu/protocol';
import { eq, inArray, sql } from 'drizzle-orm';
import webpush from 'web-push';
import { beforeEach, describe, expect, it } from 'vitest';
import { PushSender } from '../modules/push/push.sender.ts';
import { clientId, closeAllSockets, connectHelper, connectVisitor, login, ok, signedInCaller } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { usePostgresServer } from './support/app.ts';
import { usePushService, type TestDevice } from './support/push-service.ts';
import { useSmtpInbox } from './support/smtp.ts';
import { CSRF_HEADER } from '@tribu/protocol';

/**
 * Web Push end to end: the real server signs (VAPID, ES256) and encrypts (aes128gcm) for a local
 * push service that verifies and decrypts like a browser's; the rules decide who is called.
 */
describe('Web Push: who is called when visitors wait', () => {
  const inbox = useSmtpInbox();
  const pushService = usePushService();
  const t = usePostgresServer({ env: () => ({ PUSH_ALLOW_HTTP: 'true', SMTP_URL: inbox.url }) });
  const call = signedInCaller(() => t.server.url);
  const db = () => t.server.db.db;

  const subscribe = async (who: keyof typeof USERS, d: TestDevice) => {
    const r = await call(who, 'PUT', '/api/push/subscription', { endpoint: d.endpoint, keys: d.keys, label: 'Test browser' });
    expect(r.status).toBe(204);
  };
  /** A visitor of shop-a asks; the request is made to have waited `sec` seconds. */
  const waitingRequest = async (question: string, sec = 120) => {
    const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', { clientId: clientId(), text: question });
    await db()
      .update(conversations)
      .set({ createdAt: sql`now() - make_interval(secs => ${sec})` })
      .where(eq(conversations.id, conversation.id));
    return conversation;
  };
  const userId = async (who: keyof typeof USERS) => (await db().select({ id: users.id }).from(users).where(eq(users.email, USERS[who].email)))[0]!.id;

  beforeEach(async () => {
    closeAllSockets();
    await new Promise((r) => setTimeout(r, 100));
    // Each case starts with no request waiting and no push counted against anyone's rate.
    await db()
      .update(conversations)
      .set({ status: 'closed', closedAt: new Date() })
      .where(inArray(conversations.status, ['waiting', 'active']));
    await db().delete(pushSends);
    await db().delete(pushSubscriptions);
    await db().update(users).set({ notifyPrefs: {}, presenceStatus: 'available' });
    pushService.received.length = 0;
  });

  it('calls an opted-in helper once about a request waiting past the delay: VAPID-signed for the endpoint, decrypted by the device', async () => {
    const phone = pushService.device();
    await subscribe('helperA1', phone);
    const fresh = await waitingRequest('Does the blue one come in size 38?', 5);
    await t.server.sweep();
    expect(pushService.to(phone)).toHaveLength(0);

    const old = await waitingRequest('Is the tent waterproof in heavy rain?', 120);
    await t.server.sweep();
    await t.server.sweep();
    const got = pushService.to(phone);
    expect(got).toHaveLength(1);
    const config = (await call<PushConfig>('helperA1', 'GET', '/api/push/config')).data;
    expect(got[0]).toMatchObject({
      payload: {
        title: 'A visitor is waiting on Shop A',
        body: '“Is the tent waterproof in heavy rain?”',
        url: `/backoffice/?request=${old.id}`,
        tag: `request-${old.id}`,
      },
      claims: { aud: new URL(phone.endpoint).origin, sub: 'mailto:no-reply@localhost' },
      vapidKey: config.publicKey,
      ttl: 600,
      urgency: 'high',
    });
    expect(pushService.refused).toEqual([]);
    expect(fresh.id).not.toBe(old.id);
  });

  it('calls nobody whose tab is open, who is away, or in their quiet hours; the others are called', async () => {
    const [a1, a2, mod, admin] = [pushService.device(), pushService.device(), pushService.device(), pushService.device()];
    await subscribe('helperA1', a1);
    await subscribe('helperA2', a2);
    await subscribe('moderatorA', mod);
    await subscribe('adminA', admin);
    // Ben keeps a backoffice tab open (on this node; presence is read across nodes the same way).
    const ben = await connectHelper(t.server.url, USERS.helperA2.email);
    // Mo said he is away (then closed his tab).
    const mo = await connectHelper(t.server.url, USERS.moderatorA.email);
    await ok(mo.socket, 'presence:set', { status: 'away' });
    mo.socket.disconnect();
    // Al sleeps: quiet hours around the current time in his own zone.
    const tokyoNow = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
    const [hh] = tokyoNow.split(':').map(Number) as [number];
    const pad = (n: number) => String((n + 24) % 24).padStart(2, '0');
    const quiet = await call('adminA', 'PUT', '/api/push/prefs', {
      quietHours: { start: `${pad(hh - 1)}:00`, end: `${pad(hh + 1)}:00` },
      timeZone: 'Asia/Tokyo',
      waitingEmail: false,
    });
    expect(quiet.data).toEqual({ quietHours: { start: `${pad(hh - 1)}:00`, end: `${pad(hh + 1)}:00` }, timeZone: 'Asia/Tokyo', waitingEmail: false });

    await waitingRequest('Can I return an opened box?');
    await t.server.sweep();
    expect([a1, a2, mod, admin].map((d) => pushService.to(d).length)).toEqual([1, 0, 0, 0]);

    // The same window read in another zone is not quiet: Al is called about the next request.
    await call('adminA', 'PUT', '/api/push/prefs', {
      quietHours: { start: `${pad(hh - 1)}:00`, end: `${pad(hh + 1)}:00` },
      timeZone: 'America/Los_Angeles',
      waitingEmail: false,
    });
    ben.socket.disconnect();
    await new Promise((r) => setTimeout(r, 100));
    await waitingRequest('Do you ship to Norway?');
    await t.server.sweep();
    // Ben's tab closed and Al's night is over: both are called about both requests (each once); Mo stays away.
    expect([a1, a2, mod, admin].map((d) => pushService.to(d).length)).toEqual([2, 2, 0, 2]);
  });

  it('calls one person at most four times in a quarter hour, however many requests wait', async () => {
    const phone = pushService.device();
    await subscribe('helperA1', phone);
    for (const q of ['One?', 'Two?', 'Three?', 'Four?', 'Five?', 'Six?']) await waitingRequest(`Question ${q}`);
    await t.server.sweep();
    await t.server.sweep();
    expect(pushService.to(phone)).toHaveLength(4);
    const rows = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(pushSends)
      .where(eq(pushSends.userId, await userId('helperA1')));
    expect(rows[0]!.n).toBe(4);
  });

  it('calls each person once per request even when two sweeps run at the same moment (two nodes)', async () => {
    const phone = pushService.device();
    await subscribe('helperA2', phone);
    await waitingRequest('Is there a student discount?');
    await Promise.all([t.server.sweep(), t.server.sweep(), t.server.sweep()]);
    expect(pushService.to(phone)).toHaveLength(1);
  });

  it('forgets a device the push service says is gone (410), and the device of a sign-in that ends', async () => {
    const gone = pushService.device();
    await subscribe('helperA1', gone);
    gone.status = 410;
    await waitingRequest('Where is my parcel?');
    await t.server.sweep();
    expect((await call<PushConfig>('helperA1', 'GET', '/api/push/config')).data).toMatchObject({ thisDevice: false, devices: 0 });

    // Ben signs in on his phone, turns notifications on, then signs out of that phone only.
    const phone = pushService.device();
    const session = await login(t.server.url, USERS.helperA2.email);
    const headers = { cookie: session.cookie, origin: t.server.url, [CSRF_HEADER]: session.me.csrfToken, 'content-type': 'application/json' };
    const put = await fetch(`${t.server.url}/api/push/subscription`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ endpoint: phone.endpoint, keys: phone.keys }),
    });
    expect(put.status).toBe(204);
    await subscribe('helperA2', pushService.device());
    expect((await call<PushConfig>('helperA2', 'GET', '/api/push/config')).data).toMatchObject({ thisDevice: true, devices: 2 });
    const { 'content-type': _json, ...noBody } = headers;
    expect((await fetch(`${t.server.url}/api/auth/logout`, { method: 'POST', headers: noBody })).status).toBe(204);
    expect((await call<PushConfig>('helperA2', 'GET', '/api/push/config')).data).toMatchObject({ thisDevice: true, devices: 1 });
    const left = await db().select({ endpoint: pushSubscriptions.endpoint }).from(pushSubscriptions);
    expect(left.map((r) => r.endpoint)).not.toContain(phone.endpoint);
  });

  it('pushes a hand-off to the peer it is offered to, and a test push to this device only', async () => {
    const bensPhone = pushService.device();
    await subscribe('helperA2', bensPhone);
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Which size for a 3-year-old?',
    });
    await ok(ada.socket, 'conversation:claim', { conversationId: conversation.id });
    await ok(ada.socket, 'handoff:offer', { conversationId: conversation.id, toUserId: await userId('helperA2') });
    await expect.poll(() => pushService.to(bensPhone).length).toBe(1);
    expect(pushService.to(bensPhone)[0]!.payload).toMatchObject({
      title: 'A chat is handed to you',
      body: 'Ada would like you to take over a chat: “Which size for a 3-year-old?”',
      url: '/backoffice/',
    });

    const test = await call<PushTestResult>('helperA2', 'POST', '/api/push/test');
    expect(test.data).toEqual({ sent: 1, failed: 0 });
    expect(pushService.to(bensPhone)[1]!.payload).toMatchObject({ title: 'Tribu notifications work', tag: 'test' });
  });

  it('emails a helper without push who asked for it, at most once per few hours', async () => {
    await call('helperA1', 'PUT', '/api/push/prefs', { quietHours: null, timeZone: 'Europe/Paris', waitingEmail: true });
    const asked = await waitingRequest('Do you have gift wrapping?');
    await t.server.sweep();
    const mail = await inbox.mailTo(USERS.helperA1.email);
    expect(mail.subject).toBe('Visitors are waiting on Shop A');
    expect(mail.text).toContain('Do you have gift wrapping?');
    expect(mail.text).toContain(`/backoffice/?request=${asked.id}`);
    await waitingRequest('And engraving?');
    await t.server.sweep();
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox.mails.filter((m) => m.subject === 'Visitors are waiting on Shop A')).toHaveLength(1);
  });

  it('counts on Numbers the requests answered after a push, and by whom', async () => {
    const phone = pushService.device();
    await subscribe('helperA2', phone);
    const pushed = await waitingRequest('Is the jacket warm enough for skiing?');
    const notPushed = await waitingRequest('Can I pay by invoice?', 5);
    await t.server.sweep();
    expect(pushService.to(phone)).toHaveLength(1);
    const ben = await connectHelper(t.server.url, USERS.helperA2.email);
    for (const c of [pushed, notPushed]) {
      await ok(ben.socket, 'conversation:claim', { conversationId: c.id });
      await ok(ben.socket, 'message:send', { conversationId: c.id, clientId: clientId(), text: 'Hello! Let me look.' });
    }
    const day = new Date().toISOString().slice(0, 10);
    const stats = await call<PushStats>('moderatorA', 'GET', `/api/sites/${t.server.sites.siteA}/push-stats?from=${day}&to=${day}`);
    expect(stats.data).toEqual({ pushed: 1, answeredAfterPush: 1, answeredByCalled: 1 });
    expect((await call('helperA1', 'GET', `/api/sites/${t.server.sites.siteA}/push-stats?from=${day}&to=${day}`)).status).toBe(403);
  });

  it('calls only managers about a request sent to staff, never a suspended helper; a member removed from their last site loses their devices', async () => {
    const [a1, a2, mod] = [pushService.device(), pushService.device(), pushService.device()];
    await subscribe('helperA1', a1);
    await subscribe('helperA2', a2);
    await subscribe('moderatorA', mod);
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'I want a refund for my order',
    });
    await ok(ada.socket, 'conversation:claim', { conversationId: conversation.id });
    await ok(ada.socket, 'conversation:needs-staff', { conversationId: conversation.id, reason: 'Refunds are for the staff' });
    ada.socket.disconnect();
    await db()
      .update(conversations)
      .set({ createdAt: sql`now() - interval '2 minutes'` })
      .where(eq(conversations.id, conversation.id));
    const suspend = await call('moderatorA', 'POST', `/api/sites/${t.server.sites.siteA}/team/${await userId('helperA2')}/suspend`, {
      reason: 'Rude to a visitor',
    });
    expect(suspend.status).toBe(200);
    await waitingRequest('Is the sale still on?');
    await new Promise((r) => setTimeout(r, 100));
    await t.server.sweep();
    // Ada: the board's request only; Ben: suspended, nothing, and his devices go (no active site left); Mo: both.
    expect(
      [a1, a2, mod].map((d) =>
        pushService
          .to(d)
          .map((p) => p.payload.body)
          .sort(),
      ),
    ).toEqual([['“Is the sale still on?”'], [], ['“I want a refund for my order”', '“Is the sale still on?”']]);
    const left = await db().select({ endpoint: pushSubscriptions.endpoint }).from(pushSubscriptions);
    expect(left.map((r) => r.endpoint).sort()).toEqual([a1.endpoint, mod.endpoint].sort());
  });

  it('waits the delay the site admin sets before calling anyone, and a mention pushes too', async () => {
    const phone = pushService.device();
    await subscribe('helperA1', phone);
    const set = await call<{ settings: { pushAfterSec: number } }>('adminA', 'PATCH', `/api/sites/${t.server.sites.siteA}/settings`, { pushAfterSec: 300 });
    expect(set.data.settings.pushAfterSec).toBe(300);
    await waitingRequest('Is the merino itchy?', 200);
    await t.server.sweep();
    expect(pushService.to(phone)).toHaveLength(0);
    await waitingRequest('Do you restock size S?', 310);
    await t.server.sweep();
    expect(pushService.to(phone).map((p) => p.payload.body)).toEqual(['“Do you restock size S?”']);
    await call('adminA', 'PATCH', `/api/sites/${t.server.sites.siteA}/settings`, { pushAfterSec: 60 });

    // Ben was suspended above: Mo writes the mention.
    const mo = await connectHelper(t.server.url, USERS.moderatorA.email);
    await ok(mo.socket, 'feed:post', { siteId: t.server.sites.siteA, clientId: clientId(), text: '@Ada do you know the return window?' });
    await expect.poll(() => pushService.to(phone).length).toBe(2);
    expect(pushService.to(phone)[1]!.payload).toMatchObject({ title: 'You were mentioned', body: 'Mo mentioned you: “@Ada do you know the return window?”' });
  });

  it('never sends to a loopback or private endpoint unless the server allows it (tests only)', async () => {
    const local = pushService.device();
    const strict = new PushSender({ ...webpush.generateVAPIDKeys(), subject: 'mailto:ops@example.com' }, { allowPrivate: false });
    const r = await strict.send(
      { id: 'x', endpoint: local.endpoint, p256dh: local.keys.p256dh, auth: local.keys.auth },
      { title: 't', body: 'b', url: '/backoffice/', tag: 't' },
    );
    expect(r).toEqual({ outcome: 'failed', status: 0, refused: '127.0.0.1 is a loopback address; only public addresses are allowed' });
    expect(pushService.to(local)).toHaveLength(0);
  });

  it('refuses a plain-http endpoint unless the server allows it, and a malformed key', async () => {
    const bad = await call('helperA1', 'PUT', '/api/push/subscription', { endpoint: 'https://push.example/x', keys: { p256dh: 'short', auth: 'x' } });
    expect(bad.status).toBe(400);
  });
});
