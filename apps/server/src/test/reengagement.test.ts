import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { feedPosts, memberships, missions, onlineMinutes, reengagementNotes, rewards, users } from '@tribu/db';
import type { ReengagementView } from '@tribu/protocol';
import { startSecondNode, usePostgresServer } from './support/app.ts';
import { signedInCaller } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { useSmtpInbox } from './support/smtp.ts';
import type { ParsedMail } from 'mailparser';

const DAY = 86_400_000;
const TODAY = new Date().toISOString().slice(0, 10);
const SUBJECT = 'News from the Shop A community';
/** A header as sent (mailparser folds List-* headers into an object of its own). */
const rawHeader = (mail: ParsedMail, key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, '');
const TEMPLATE = 'Hi {name},\n\nWe miss you! Since you left:\n\n{changes}\n\nSee you, Mo';

describe.skipIf(!hasPostgres)('the "we miss you" note (Postgres, real SMTP)', () => {
  const inbox = useSmtpInbox();
  const t = usePostgresServer({ env: () => ({ SMTP_URL: inbox.url, MAIL_FROM: 'Tribu <no-reply@tribu.test>' }) });
  const call = signedInCaller(() => t.server.url);
  let siteA: string;
  const idOf = async (email: string) => (await t.server.db.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  const toAda = () => inbox.mails.filter((m) => m.subject === SUBJECT && JSON.stringify(m.to).includes(USERS.helperA1.email));
  const toBen = () => inbox.mails.filter((m) => JSON.stringify(m.to).includes(USERS.helperA2.email));

  beforeAll(async () => {
    siteA = t.server.sites.siteA;
    const db = t.server.db.db;
    // Ada and Ben joined 60 days ago and have not been seen since.
    const longAgo = new Date(Date.now() - 60 * DAY);
    for (const email of [USERS.helperA1.email, USERS.helperA2.email]) {
      await db
        .update(memberships)
        .set({ createdAt: longAgo })
        .where(and(eq(memberships.userId, await idOf(email)), eq(memberships.siteId, siteA)));
    }
    // What happened since: a mission, a reward, an announcement (and a removed one, not told).
    const now = Date.now();
    await db.insert(missions).values({
      siteId: siteA,
      title: 'Sunday evenings',
      startsAt: new Date(now - DAY),
      endsAt: new Date(now + 20 * DAY),
      scope: 'community',
      goal: { kind: 'chats', target: 50 },
    });
    await db.insert(rewards).values({ siteId: siteA, name: 'Brand mug', cost: 100 });
    const mo = await idOf(USERS.moderatorA.email);
    await db.insert(feedPosts).values({ siteId: siteA, authorId: mo, kind: 'announcement', clientId: 'a1', text: 'New winter range\nDetails inside' });
    await db.insert(feedPosts).values({
      siteId: siteA,
      authorId: mo,
      kind: 'announcement',
      clientId: 'a2',
      text: 'Removed one',
      moderation: { action: 'deleted', reason: 'x', byId: mo, at: new Date().toISOString() },
    });
  });

  it('is off by default: nobody gets a note', async () => {
    await t.server.sweep();
    expect(inbox.mails).toHaveLength(0);
    const view = await call<ReengagementView>('moderatorA', 'GET', `/api/sites/${siteA}/reengagement?from=${TODAY}&to=${TODAY}`);
    expect(view.data).toMatchObject({ settings: { enabled: false, inactiveDays: 30 }, mailConfigured: true, sent: 0, cameBack: 0, notes: [] });
  });

  it('sends one note to an away helper when two nodes sweep at once; never to one who opted out; once per spell', async () => {
    const put = await call('moderatorA', 'PUT', `/api/sites/${siteA}/reengagement`, { enabled: true, inactiveDays: 30, template: TEMPLATE });
    expect(put.data).toEqual({ enabled: true, inactiveDays: 30, template: TEMPLATE });
    // Ben turns the notes off in his profile.
    expect((await call('helperA2', 'PUT', `/api/sites/${siteA}/reengagement/mine`, { optedOut: true })).data).toEqual({ optedOut: true });
    expect((await call('helperA2', 'GET', `/api/sites/${siteA}/reengagement/mine`)).data).toEqual({ optedOut: true });

    const second = await startSecondNode(t.server);
    try {
      await Promise.all([t.server.sweep(), second.sweep(), t.server.sweep(), second.sweep()]);
    } finally {
      await second.close();
    }
    await expect.poll(() => toAda().length).toBe(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(toAda()).toHaveLength(1);
    expect(toBen()).toHaveLength(0);
    const mail = toAda()[0]!;
    expect(mail.text).toContain('Hi Ada,');
    expect(mail.text).toContain(
      'We miss you! Since you left:\n\n- 1 new mission: Sunday evenings\n- 1 new reward: Brand mug\n- 1 announcement: New winter range\n\nSee you, Mo',
    );
    expect(mail.text).not.toContain('Removed one');
    expect(mail.html).toContain('Hi Ada,');
    const unsubscribe = /^<(.+)>$/.exec(rawHeader(mail, 'list-unsubscribe') ?? '')?.[1];
    expect(unsubscribe).toMatch(new RegExp(`/api/reengagement/unsubscribe\\?site=${siteA}&user=${await idOf(USERS.helperA1.email)}&token=[A-Za-z0-9_-]{43}$`));
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(unsubscribe);

    // The next sweep: Ada is still away, but she had her note for this absence.
    await t.server.sweep();
    await new Promise((r) => setTimeout(r, 300));
    expect(toAda()).toHaveLength(1);
    const rows = await t.server.db.db.select().from(reengagementNotes);
    expect(rows.map((r) => [r.userId, r.sentAt !== null])).toEqual([[await idOf(USERS.helperA1.email), true]]);
  });

  it('shows managers who came back within the window', async () => {
    const ada = await idOf(USERS.helperA1.email);
    const [note] = await t.server.db.db.select().from(reengagementNotes);
    await t.server.db.db.insert(onlineMinutes).values({ userId: ada, siteId: siteA, minute: new Date(note!.sentAt!.getTime() + 60_000) });
    const view = await call<ReengagementView>('moderatorA', 'GET', `/api/sites/${siteA}/reengagement?from=${TODAY}&to=${TODAY}`);
    expect(view.data).toMatchObject({ sent: 1, cameBack: 1, windowDays: 30 });
    expect(view.data.notes.map((n) => [n.name, n.backAt])).toEqual([['Ada', new Date(note!.sentAt!.getTime() + 60_000).toISOString()]]);
  });

  it('the one-click unsubscribe opts out with the right token only', async () => {
    const mail = toAda()[0]!;
    const url = /^<(.+)>$/.exec(rawHeader(mail, 'list-unsubscribe') ?? '')![1]!;
    const path = new URL(url).pathname + new URL(url).search;
    const forged = path.replace(/token=[^&]+/, 'token=AAAA');
    expect(
      (
        await fetch(`${t.server.url}${forged}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        })
      ).status,
    ).toBe(400);
    expect((await call('helperA1', 'GET', `/api/sites/${siteA}/reengagement/mine`)).data).toEqual({ optedOut: false });
    const res = await fetch(`${t.server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect([res.status, await res.json()]).toEqual([200, { unsubscribed: true }]);
    expect((await call('helperA1', 'GET', `/api/sites/${siteA}/reengagement/mine`)).data).toEqual({ optedOut: true });
    // The link in the text works from a mail program too (a GET), and says so in words.
    const page = await fetch(`${t.server.url}${path}`);
    expect([page.status, await page.text()]).toEqual([
      200,
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>Tribu</title><p>You will get no more “we miss you” notes from the Shop A community. You can turn them on again in your profile.</p></html>',
    ]);
  });

  it("refuses helpers the settings and other sites' people everything", async () => {
    expect((await call('helperA1', 'GET', `/api/sites/${siteA}/reengagement?from=${TODAY}&to=${TODAY}`)).status).toBe(403);
    expect((await call('helperA1', 'PUT', `/api/sites/${siteA}/reengagement`, { enabled: false, inactiveDays: 30, template: 'x' })).status).toBe(403);
    expect((await call('helperB1', 'GET', `/api/sites/${siteA}/reengagement/mine`)).status).toBe(404);
    expect((await call('helperB1', 'PUT', `/api/sites/${siteA}/reengagement/mine`, { optedOut: true })).status).toBe(404);
    expect((await call('moderatorA', 'PUT', `/api/sites/${siteA}/reengagement`, { enabled: true, inactiveDays: 3, template: 'x' })).status).toBe(400);
  });
});
