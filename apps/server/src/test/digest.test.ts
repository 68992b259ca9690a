import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestRecipients, digests, events, memberships, missionParticipants, missions, pointsLedger, users } from '@tribu/db';
import { addDays, dayIn, isoWeekday, lastDigestPeriod } from '@tribu/domain';
import type { DigestDetail, DigestList, DigestSummary, MyProfile } from '@tribu/protocol';
import type { ParsedMail } from 'mailparser';
import { startSecondNode, startTestServer, type TestServer } from './support/app.ts';
import { clientId, closeAllSockets, connectHelper, ok, signedInCaller, takenChat } from './support/clients.ts';
import { createTestDatabase } from './support/database.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { useSmtpInbox } from './support/smtp.ts';

const SUBJECT = 'Shop A · our fortnight together';

/** A header as it was sent (mailparser folds List-* headers into one object of its own). */
const rawHeader = (mail: ParsedMail, key: string) =>
  mail.headerLines
    .find((h) => h.key === key)
    ?.line.slice(key.length + 1)
    .replace(/\r?\n[ \t]+/g, '')
    .trim();

describe.skipIf(!hasPostgres)('the community digest', () => {
  const inbox = useSmtpInbox();
  const env = { SMTP_URL: '', MAIL_FROM: 'Tribu <no-reply@tribu.test>', SECRET: randomBytes(32).toString('hex') };
  let a: TestServer;
  let b: Awaited<ReturnType<typeof startSecondNode>>;
  let drop: () => Promise<void>;
  const callA = signedInCaller(() => a.url);
  const callB = signedInCaller(() => b.url);
  const period = lastDigestPeriod('fortnightly', dayIn('UTC', new Date()))!;
  // The chat of the period: the third day of it, 10:00 UTC (the fixture site's zone).
  const chatDay = addDays(period.from, 2);
  const chatAt = new Date(`${chatDay}T10:00:00Z`);
  let digestId: string;
  let adaId: string;
  const eventsAt: Date[] = [];
  const openEndsAt: Date[] = [];

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    env.SMTP_URL = inbox.url;
    a = await startTestServer({ databaseUrl: database.url, env });
    b = await startSecondNode(a);
    const db = a.db.db;
    // The site has existed for months (a period that ended before a site existed gets no draft).
    await db.execute(sql`update sites set created_at = now() - interval '90 days' where id = ${a.sites.siteA}`);

    // A chat of the period, rated 5 by the visitor, with contact details the digest must scrub.
    const chat = await takenChat(a.url, USERS.helperA1.email, 'Does the Trek 2 run large? Write to me at jo@example.com');
    adaId = chat.helper.me.user.id;
    await ok(chat.helper.socket, 'message:send', { conversationId: chat.conversation.id, clientId: clientId(), text: 'Hi!' });
    await ok(chat.helper.socket, 'message:send', {
      conversationId: chat.conversation.id,
      clientId: clientId(),
      text: 'Take your usual size: the Trek 2 runs true, and the <b>long</b> version adds 5 cm.',
    });
    await ok(chat.visitor.socket, 'conversation:end', { conversationId: chat.conversation.id });
    await ok(chat.visitor.socket, 'conversation:rate', { conversationId: chat.conversation.id, rating: 5 });
    // Five points from a manager, so Ada climbs the leaderboard in the period.
    const mo = await connectHelper(a.url, USERS.moderatorA.email);
    await ok(mo.socket, 'points:adjust', { siteId: a.sites.siteA, userId: adaId, points: 5, note: 'Thanks', clientId: clientId() });
    // Everything above happened in the period: moved back in time as a whole.
    const t0 = chatAt.toISOString();
    await db.execute(sql`update conversations set created_at = ${t0}::timestamptz, claimed_at = ${t0}::timestamptz, first_response_at = ${t0}::timestamptz,
      closed_at = ${t0}::timestamptz + interval '10 minutes' where id = ${chat.conversation.id}`);
    await db.execute(sql`update points_ledger set created_at = ${t0}::timestamptz + interval '20 minutes' where site_id = ${a.sites.siteA}`);
    // Ben joined in the period.
    const [ben] = await db.select({ id: users.id }).from(users).where(eq(users.email, USERS.helperA2.email));
    await db
      .update(memberships)
      .set({ createdAt: chatAt })
      .where(and(eq(memberships.userId, ben!.id), eq(memberships.siteId, a.sites.siteA)));

    // A mission Ada completed in the period (over now), one still open; an event ahead, one for hand-picked people only.
    const day = 86_400_000;
    const [done, open] = await db
      .insert(missions)
      .values([
        {
          siteId: a.sites.siteA,
          title: 'Sizing week',
          startsAt: new Date(chatAt.getTime() - day),
          endsAt: new Date(chatAt.getTime() + day),
          scope: 'individual',
          goal: { kind: 'chats', target: 1 },
        },
        {
          siteId: a.sites.siteA,
          title: 'Sunday evenings',
          why: 'Visitors wait alone then.',
          startsAt: new Date(Date.now() - day),
          endsAt: new Date(Date.now() + 20 * day),
          scope: 'community',
          goal: { kind: 'chats', target: 30 },
        },
      ])
      .returning();
    await db.insert(missionParticipants).values([
      { missionId: done!.id, userId: adaId, state: 'joined', progress: 1, completedAt: chatAt },
      { missionId: open!.id, userId: adaId, state: 'joined' },
    ]);
    const meetupAt = new Date(Date.now() + 10 * day);
    await db.insert(events).values([
      {
        siteId: a.sites.siteA,
        kind: 'meetup',
        title: 'Winter meetup',
        startsAt: meetupAt,
        endsAt: new Date(meetupAt.getTime() + 7200_000),
        place: 'Lyon, Café Nord',
      },
      {
        siteId: a.sites.siteA,
        kind: 'product_test',
        title: 'Secret test',
        audience: 'picked',
        startsAt: new Date(Date.now() + 5 * day),
        endsAt: new Date(Date.now() + 6 * day),
      },
    ]);
    eventsAt.push(meetupAt);
    openEndsAt.push(open!.endsAt);

    // Ada agrees to be named; Ben turns the digest off in his profile.
    expect((await callA<MyProfile>('helperA1', 'PATCH', '/api/profile', { notifyPrefs: { nameInDigest: true } })).status).toBe(200);
    const off = await callA<MyProfile>('helperA2', 'PATCH', '/api/profile', { notifyPrefs: { digest: false } });
    expect(off.data.notifyPrefs).toMatchObject({ digest: false, nameInDigest: false });
  }, 60_000);

  afterAll(async () => {
    closeAllSockets();
    await b?.close();
    await a?.close();
    await drop?.();
  });

  it('drafts the period that ended once, whichever nodes sweep at the same moment', async () => {
    await Promise.all([a.sweep(), b.sweep(), a.sweep(), b.sweep()]);
    const rows = await a.db.db.select().from(digests).where(eq(digests.siteId, a.sites.siteA));
    expect(rows.map((r) => [r.periodFrom, r.periodTo, r.status])).toEqual([[period.from, period.to, 'draft']]);
    // Shop B was created today: no period of it is over yet.
    expect(await a.db.db.select().from(digests).where(eq(digests.siteId, a.sites.siteB))).toEqual([]);
    const list = await callA<DigestList>('moderatorA', 'GET', `/api/sites/${a.sites.siteA}/digests`);
    expect(list.status).toBe(200);
    expect(list.data.frequency).toBe('fortnightly');
    expect(list.data.mailConfigured).toBe(true);
    expect(list.data.archive).toEqual([]);
    expect(list.data.drafts.map((d) => [d.period, d.status])).toEqual([[period, 'draft']]);
    digestId = list.data.drafts[0]!.id;
  });

  it('chooses the content from the facts of the period: newcomer, best answer (scrubbed, named with consent), mover, gap', async () => {
    const { status, data } = await callA<DigestDetail>('moderatorA', 'GET', `/api/sites/${a.sites.siteA}/digests/${digestId}`);
    expect(status).toBe(200);
    const [points] = await a.db.db
      .select({ n: sql<number>`sum(${pointsLedger.points})::int` })
      .from(pointsLedger)
      .where(eq(pointsLedger.userId, adaId));
    expect(data.content).toEqual({
      siteName: 'Shop A',
      timeZone: 'UTC',
      period,
      newcomers: ['Ben'],
      bestAnswers: [
        {
          question: 'Does the Trek 2 run large? Write to me at [email]',
          answer: 'Take your usual size: the Trek 2 runs true, and the <b>long</b> version adds 5 cm.',
          rating: 5,
          helper: 'Ada',
        },
      ],
      movers: [{ name: 'Ada', from: null, to: 1, points: points!.n }],
      missions: {
        open: [{ title: 'Sunday evenings', why: 'Visitors wait alone then.', endsAt: openEndsAt[0]!.toISOString(), joined: 1 }],
        completed: [{ title: 'Sizing week', completions: 1 }],
      },
      coverage: [{ weekday: isoWeekday(chatDay), fromHour: 10, toHour: 11, requests: 1 }],
      events: [{ title: 'Winter meetup', startsAt: eventsAt[0]!.toISOString(), place: 'Lyon, Café Nord' }],
    });
    expect(points!.n).toBe(5);
    // Ada, Mo and Al; Ben turned it off.
    expect(data.audience).toBe(3);
    expect(data.preview.text).toContain('★★★★★ "Does the Trek 2 run large? Write to me at [email]" — Ada answered');
  });

  it('keeps the manager’s edits to a draft: subject, note, sections dropped', async () => {
    const { status, data } = await callA<DigestDetail>('moderatorA', 'PATCH', `/api/sites/${a.sites.siteA}/digests/${digestId}`, {
      subject: SUBJECT,
      note: 'Thank you all for a <great> fortnight.\n\nSee you at the meetup!',
      hiddenSections: ['movers'],
    });
    expect(status).toBe(200);
    expect([data.subject, data.note, data.hiddenSections]).toEqual([SUBJECT, 'Thank you all for a <great> fortnight.\n\nSee you at the meetup!', ['movers']]);
    expect(data.preview.text).not.toContain('ON THE MOVE');
    expect(data.preview.html).toContain('Thank you all for a &lt;great&gt; fortnight.');
  });

  it('sends a test to the manager alone, with the unsubscribe headers', async () => {
    const res = await callA<{ sentTo: string }>('moderatorA', 'POST', `/api/sites/${a.sites.siteA}/digests/${digestId}/test`);
    expect(res.data).toEqual({ sentTo: USERS.moderatorA.email });
    const mail = await inbox.mailTo(USERS.moderatorA.email);
    expect(mail.subject).toBe(`[Test] ${SUBJECT}`);
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(inbox.mails.filter((m) => m.subject?.includes(SUBJECT)).map((m) => m.subject)).toEqual([`[Test] ${SUBJECT}`]);
  });

  it('sends each mail once when two nodes are asked to send it at the same moment; an opted-out helper gets none', async () => {
    const path = `/api/sites/${a.sites.siteA}/digests/${digestId}/send`;
    const answers = await Promise.all([callA<DigestSummary>('moderatorA', 'POST', path), callB<DigestSummary>('adminA', 'POST', path)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    // Both nodes' sweeps carry on the same send meanwhile.
    await Promise.all([a.sweep(), b.sweep()]);
    await expect
      .poll(async () => (await callA<DigestDetail>('moderatorA', 'GET', `/api/sites/${a.sites.siteA}/digests/${digestId}`)).data.status, { timeout: 10_000 })
      .toBe('sent');
    const received = inbox.mails
      .filter((m) => m.subject === SUBJECT)
      .flatMap((m) => (Array.isArray(m.to) ? m.to : [m.to]).flatMap((t) => t!.value.map((v) => v.address)))
      .sort();
    expect(received).toEqual([USERS.adminA.email, USERS.helperA1.email, USERS.moderatorA.email].sort());
    const list = await callA<DigestList>('moderatorA', 'GET', `/api/sites/${a.sites.siteA}/digests`);
    expect(list.data.drafts).toEqual([]);
    expect(list.data.archive.map((d) => [d.id, d.status, d.recipients])).toEqual([[digestId, 'sent', { total: 3, sent: 3, failed: 0, skipped: 0 }]]);
    // Sent is sent: no second send, no more edits.
    expect((await callB('adminA', 'POST', path)).status).toBe(409);
    expect((await callA('moderatorA', 'PATCH', `/api/sites/${a.sites.siteA}/digests/${digestId}`, { note: 'Late' })).status).toBe(409);
  });

  it('mails the content with the one-click unsubscribe headers and a link to the unsubscribe page', async () => {
    const mail = inbox.mails.find((m) => m.subject === SUBJECT && JSON.stringify(m.to).includes(USERS.helperA1.email))!;
    const header = rawHeader(mail, 'list-unsubscribe');
    expect(header).toMatch(/^<http:\/\/localhost:0\/api\/digest\/unsubscribe\?token=[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}>$/);
    expect(String(header)).toContain(`token=${adaId}.`);
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain('A WORD FROM THE TEAM\nThank you all for a <great> fortnight.\n\nSee you at the meetup!');
    expect(mail.text).toContain('WELCOME\nBen joined the community.');
    expect(mail.text).toContain('- ★★★★★ "Does the Trek 2 run large? Write to me at [email]" — Ada answered: "Take your usual size');
    expect(mail.text).toContain(`WHEN VISITORS WAITED ALONE`);
    expect(mail.text).not.toContain('ON THE MOVE');
    expect(mail.text).not.toContain('jo@example.com');
    expect(mail.text).toContain(`http://localhost:0/backoffice/unsubscribe#${adaId}.`);
    expect(mail.html).toContain('the &lt;b&gt;long&lt;/b&gt; version');
    expect(mail.html).toContain(`href="http://localhost:0/backoffice/unsubscribe#${adaId}.`);
  });

  it('unsubscribes in one click from the mail program, and refuses a tampered link', async () => {
    const mail = inbox.mails.find((m) => m.subject === SUBJECT && JSON.stringify(m.to).includes(USERS.adminA.email))!;
    const token = /token=([^>]+)>/.exec(String(rawHeader(mail, 'list-unsubscribe')))![1]!;
    const post = (query: string, body: string, type = 'application/x-www-form-urlencoded') =>
      fetch(`${b.url}/api/digest/unsubscribe${query}`, { method: 'POST', headers: { 'content-type': type }, body });
    // One character of the signature changed, or Al's signature on Ada's id: refused, nothing changes.
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect((await post(`?token=${tampered}`, 'List-Unsubscribe=One-Click')).status).toBe(400);
    expect((await post(`?token=${adaId}.${token.split('.')[1]}`, 'List-Unsubscribe=One-Click')).status).toBe(400);
    expect((await callA<MyProfile>('adminA', 'GET', '/api/profile')).data.notifyPrefs.digest).toBe(true);
    expect((await callA<MyProfile>('helperA1', 'GET', '/api/profile')).data.notifyPrefs.digest).toBe(true);
    // RFC 8058: the mail program POSTs the form to the header's address.
    const res = await post(`?token=${token}`, 'List-Unsubscribe=One-Click');
    expect([res.status, await res.json()]).toEqual([200, { unsubscribed: true }]);
    expect((await callA<MyProfile>('adminA', 'GET', '/api/profile')).data.notifyPrefs.digest).toBe(false);
    // The mail's link opens the backoffice page, which posts the token from the address's fragment as JSON.
    const link = /unsubscribe#([^\s)]+)/.exec(
      inbox.mails.find((m) => m.subject === SUBJECT && JSON.stringify(m.to).includes(USERS.helperA1.email))!.text!,
    )![1]!;
    const page = await post('', JSON.stringify({ token: link }), 'application/json');
    expect(page.status).toBe(200);
    expect((await callA<MyProfile>('helperA1', 'GET', '/api/profile')).data.notifyPrefs).toMatchObject({ digest: false, nameInDigest: true });
  });

  it('carries on a send a crashed node left half done: stale claims are taken over, mails already sent are not sent again', async () => {
    // A weekly digest whose sending began on a node that died after one mail and with another one claimed.
    await callA('adminA', 'PATCH', `/api/sites/${a.sites.siteA}/settings`, { digestFrequency: 'weekly' });
    const draft = await callA<DigestDetail>('moderatorA', 'POST', `/api/sites/${a.sites.siteA}/digests`);
    expect(draft.status).toBe(200);
    expect(draft.data.period).toEqual(lastDigestPeriod('weekly', dayIn('UTC', new Date())));
    const db = a.db.db;
    await db
      .update(digests)
      .set({ status: 'sending', subject: 'Resumed digest', html: '<p>Hello %%UNSUBSCRIBE_URL%%</p>', text: 'Hello %%UNSUBSCRIBE_URL%%', sendingAt: new Date() })
      .where(eq(digests.id, draft.data.id));
    const ids = Object.fromEntries((await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id])) as Record<string, string>;
    const row = (email: string, o: Partial<typeof digestRecipients.$inferInsert>) => ({ digestId: draft.data.id, userId: ids[email]!, email, ...o });
    await db.insert(digestRecipients).values([
      row(USERS.moderatorA.email, { status: 'sent', attempts: 1, claimedAt: new Date(Date.now() - 3600_000), claimedBy: 'dead', sentAt: new Date() }),
      // Claimed an hour ago by the dead node: past the lease.
      row(USERS.helperA1.email, { attempts: 1, claimedAt: new Date(Date.now() - 3600_000), claimedBy: 'dead' }),
      // Claimed a moment ago by a node still at work: not taken over yet.
      row(USERS.adminA.email, { attempts: 1, claimedAt: new Date(), claimedBy: 'alive' }),
      row(USERS.helperA2.email, {}),
    ]);
    // Ben turned the digest off: skipped. Ada turned it off above and back on since.
    await db.execute(sql`update users set notify_prefs = notify_prefs - 'digest' where email = ${USERS.helperA1.email}`);
    await Promise.all([a.sweep(), b.sweep()]);
    const sent = inbox.mails.filter((m) => m.subject === 'Resumed digest').map((m) => JSON.stringify(m.to));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(USERS.helperA1.email);
    const states = await db
      .select({ email: digestRecipients.email, status: digestRecipients.status, attempts: digestRecipients.attempts })
      .from(digestRecipients)
      .where(eq(digestRecipients.digestId, draft.data.id))
      .orderBy(digestRecipients.email);
    expect(states).toEqual([
      { email: USERS.helperA1.email, status: 'sent', attempts: 2 },
      { email: USERS.helperA2.email, status: 'skipped', attempts: 1 },
      { email: USERS.adminA.email, status: 'pending', attempts: 1 },
      { email: USERS.moderatorA.email, status: 'sent', attempts: 1 },
    ]);
    // One mail still in a live node's hands: the digest is not finished.
    expect((await db.select({ s: digests.status }).from(digests).where(eq(digests.id, draft.data.id)))[0]!.s).toBe('sending');
  });

  it('refuses helpers and outsiders, and another site’s digest through this site’s address', async () => {
    expect((await callA('helperA1', 'GET', `/api/sites/${a.sites.siteA}/digests`)).status).toBe(403);
    expect((await callA('helperA1', 'POST', `/api/sites/${a.sites.siteA}/digests/${digestId}/send`)).status).toBe(403);
    expect((await callA('helperB1', 'GET', `/api/sites/${a.sites.siteA}/digests/${digestId}`)).status).toBe(404);
    // Shop B's digest, asked for by shop A's admin through shop A's address: as missing as a made-up one.
    const [other] = await a.db.db
      .insert(digests)
      .values({ siteId: a.sites.siteB, periodFrom: period.from, periodTo: period.to, subject: 'Shop B' })
      .returning();
    for (const path of ['', '/test', '/send']) {
      const res = await callA('adminA', path ? 'POST' : 'GET', `/api/sites/${a.sites.siteA}/digests/${other!.id}${path}`);
      expect([path, res.status]).toEqual([path, 404]);
    }
    expect((await a.db.db.select({ s: digests.status }).from(digests).where(eq(digests.id, other!.id)))[0]!.s).toBe('draft');
  });
});
