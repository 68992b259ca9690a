import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, memberships, users } from '@tribu/db';
import {
  CSRF_HEADER,
  type CharterView,
  type Conversation,
  type MenteesView,
  type NewcomersView,
  type Notification,
  type ObserveList,
  type ObservedChat,
  type OnboardingStatus,
} from '@tribu/protocol';
import { hashPassword } from '../modules/auth/password.ts';
import { clientId, connectHelper, login, next, ok, takenChat } from './support/clients.ts';
import { PASSWORD, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { usePostgresServer } from './support/app.ts';

describe.skipIf(!hasPostgres)('onboarding, the charter and mentors', () => {
  const t = usePostgresServer();
  const siteA = () => t.server.sites.siteA;
  const siteB = () => t.server.sites.siteB;

  /** A signed-in person's HTTP client: cookie, CSRF token and same-origin header. */
  async function as(email: string) {
    const { cookie, me } = await login(t.server.url, email);
    const origin = new URL(t.server.url).origin;
    const call = async <T = unknown>(method: string, path: string, body?: unknown) => {
      const res = await fetch(`${t.server.url}${path}`, {
        method,
        headers: { cookie, origin, [CSRF_HEADER]: me.csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as T };
    };
    return { me, call };
  }

  /** A person who just joined shop-a as a helper. */
  async function newcomer(email: string, name: string) {
    const [row] = await t.server.db.db
      .insert(users)
      .values({ email, displayName: name, passwordHash: await hashPassword(PASSWORD) })
      .returning();
    await t.server.db.db.insert(memberships).values({ userId: row!.id, siteId: siteA(), role: 'helper' });
    return { id: row!.id, ...(await as(email)) };
  }

  /** A chat Ada answers and ends, which the visitor rates. */
  async function answeredChat(question: string, helperEmail: string = USERS.helperA1.email, visitorText = 'Great, write to me at jo@example.com') {
    const { helper, visitor, conversation } = await takenChat(t.server.url, helperEmail, question);
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Happy to help: it runs true to size.' });
    await ok(visitor.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: visitorText });
    await ok(helper.socket, 'conversation:end', { conversationId: conversation.id });
    await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:rate', { conversationId: conversation.id, rating: 5 });
    helper.socket.disconnect();
    visitor.socket.disconnect();
    return conversation.id;
  }

  const progress = (s: OnboardingStatus) => `${s.done} of ${s.total}`;

  it('derives each step from real data: accepting the charter, a profile, three chats watched, a first answer', async () => {
    const mo = await as(USERS.moderatorA.email);
    expect((await mo.call('PUT', `/api/sites/${siteA()}/charter`, { text: 'Be kind.\n\nNever promise a refund.' })).status).toBe(200);
    const chats = [await answeredChat('Does the jacket run small?'), await answeredChat('Is it waterproof?'), await answeredChat('How do I wash it?')];
    const nia = await newcomer('nia@test.tribu', 'Nia');
    const status = async () => (await nia.call<OnboardingStatus>('GET', `/api/sites/${siteA()}/onboarding`)).body;

    const first = await status();
    expect(first.steps.map((s) => [s.key, s.done])).toEqual([
      ['charter', false],
      ['profile', false],
      ['observe', false],
      ['firstChat', false],
    ]);
    expect(progress(first)).toBe('0 of 4');

    const charter = await nia.call<CharterView>('POST', `/api/sites/${siteA()}/charter/accept`);
    expect(charter.body).toMatchObject({ text: 'Be kind.\n\nNever promise a refund.', needsAcceptance: false, siteName: 'Shop A' });
    expect(progress(await status())).toBe('1 of 4');

    // A bio without a language is not a complete profile yet.
    await nia.call('PATCH', '/api/profile', { bio: 'Climbs every weekend' });
    expect(progress(await status())).toBe('1 of 4');
    await nia.call('PATCH', '/api/profile', { languages: ['en'] });
    expect(progress(await status())).toBe('2 of 4');

    const list = (await nia.call<ObserveList>('GET', `/api/sites/${siteA()}/observe`)).body;
    expect(list.chats.map((c) => c.id).sort()).toEqual([...chats].sort());
    expect(list.chats[0]).toMatchObject({ helper: { displayName: 'Ada' }, rating: 5, observed: false });
    const watched = (await nia.call<ObservedChat>('GET', `/api/sites/${siteA()}/observe/${chats[0]}`)).body;
    expect(watched.messages.map((m) => [m.author, m.authorName, m.text])).toContainEqual(['helper', 'Ada', 'Happy to help: it runs true to size.']);
    expect(JSON.stringify(watched)).not.toContain('jo@example.com');
    expect(watched.messages.map((m) => m.text)).toContain('Great, write to me at [email hidden]');
    // Opening the same chat again counts once.
    await nia.call('GET', `/api/sites/${siteA()}/observe/${chats[0]}`);
    const observeStep = (s: OnboardingStatus) => s.steps.find((x) => x.key === 'observe');
    expect(observeStep(await status())?.count).toEqual({ done: 1, of: 3 });
    for (const id of chats.slice(1)) await nia.call('GET', `/api/sites/${siteA()}/observe/${id}`);
    expect(progress(await status())).toBe('3 of 4');

    // The finished list cannot be closed before the last step.
    expect((await nia.call('POST', `/api/sites/${siteA()}/onboarding/dismiss`)).status).toBe(409);
    await answeredChat('Do you ship to Spain?', 'nia@test.tribu');
    const done = await status();
    expect(progress(done)).toBe('4 of 4');
    expect(done).toMatchObject({ complete: true, dismissed: false });
    expect(done.steps.every((s) => s.doneAt !== null)).toBe(true);
    expect((await nia.call<OnboardingStatus>('POST', `/api/sites/${siteA()}/onboarding/dismiss`)).body).toMatchObject({ dismissed: true });
    expect((await status()).dismissed).toBe(true);
  });

  it('asks members to accept the charter again once it changes, and logs the change', async () => {
    const mo = await as(USERS.moderatorA.email);
    await mo.call('PUT', `/api/sites/${siteA()}/charter`, { text: 'Be kind.' });
    const ben = await as(USERS.helperA2.email);
    expect((await ben.call<CharterView>('POST', `/api/sites/${siteA()}/charter/accept`)).body.needsAcceptance).toBe(false);
    await new Promise((r) => setTimeout(r, 5));
    const changed = await mo.call<CharterView>('PUT', `/api/sites/${siteA()}/charter`, { text: 'Be kind.\n\nAnswer only what you know.' });
    expect(changed.status).toBe(200);
    const again = (await ben.call<CharterView>('GET', `/api/sites/${siteA()}/charter`)).body;
    expect(again).toMatchObject({ text: 'Be kind.\n\nAnswer only what you know.', needsAcceptance: true });
    expect((await ben.call<OnboardingStatus>('GET', `/api/sites/${siteA()}/onboarding`)).body.charter.needsAcceptance).toBe(true);
    expect((await ben.call<CharterView>('POST', `/api/sites/${siteA()}/charter/accept`)).body.needsAcceptance).toBe(false);
    // Only managers write it; a too long one is refused with the reason.
    expect((await ben.call('PUT', `/api/sites/${siteA()}/charter`, { text: 'Mine now' })).status).toBe(403);
    const long = await mo.call<{ error: { message: string } }>('PUT', `/api/sites/${siteA()}/charter`, { text: 'x'.repeat(10_001) });
    expect(long.status).toBe(400);
    const lines = await t.server.db.db.select().from(auditLog).where(eq(auditLog.action, 'charter.updated'));
    // Mo's three saves in this file; Ben's and the too long one wrote nothing.
    expect(lines.filter((l) => l.siteId === siteA()).map((l) => l.actorName)).toEqual(['Mo', 'Mo', 'Mo']);
  });

  it("answers a foreign site's chats like missing ones, and never shows a chat still open", async () => {
    const endedInA = await answeredChat('Does it fit a size 42?');
    const bea = await as(USERS.helperB1.email);
    const foreignList = await bea.call('GET', `/api/sites/${siteA()}/observe`);
    const foreignChat = await bea.call('GET', `/api/sites/${siteA()}/observe/${endedInA}`);
    const throughOwnSite = await bea.call('GET', `/api/sites/${siteB()}/observe/${endedInA}`);
    const missing = await bea.call('GET', `/api/sites/${siteB()}/observe/00000000-0000-4000-8000-000000000000`);
    for (const r of [foreignList, foreignChat, throughOwnSite, missing]) expect(r.status).toBe(404);
    const open = await takenChat(t.server.url, USERS.helperA2.email, 'Still talking about boots');
    const ada = await as(USERS.helperA1.email);
    expect((await ada.call('GET', `/api/sites/${siteA()}/observe/${open.conversation.id}`)).status).toBe(404);
    await ok(open.helper.socket, 'conversation:end', { conversationId: open.conversation.id });
  });

  it("never offers a chat the site's word filter caught", async () => {
    const mo = await as(USERS.moderatorA.email);
    expect((await mo.call('PUT', `/api/sites/${siteA()}/blocked-words`, { words: ['gnarf'] })).status).toBe(200);
    const caught = await answeredChat('Is the wax any good?', USERS.helperA1.email, 'gnarf to all of you');
    const clean = await answeredChat('Is the wax easy to apply?');
    const ben = await as(USERS.helperA2.email);
    const ids = (await ben.call<ObserveList>('GET', `/api/sites/${siteA()}/observe`)).body.chats.map((c) => c.id);
    expect(ids).toContain(clean);
    expect(ids).not.toContain(caught);
    expect((await ben.call('GET', `/api/sites/${siteA()}/observe/${caught}`)).status).toBe(404);
    await mo.call('PUT', `/api/sites/${siteA()}/blocked-words`, { words: [] });
  });

  it('lets only managers assign a mentor, tells the mentor and shows the mentor to the newcomer', async () => {
    const oli = await newcomer('oli@test.tribu', 'Oli');
    const ben = await as(USERS.helperA2.email);
    const bea = await as(USERS.helperB1.email);
    const path = `/api/sites/${siteA()}/newcomers/${oli.id}/mentor`;
    const helperTry = await ben.call<{ error: { message: string } }>('PUT', path, { mentorId: ben.me.user.id });
    expect(helperTry.status).toBe(403);
    expect(helperTry.body.error.message).toBe('Only community managers can do that');
    expect((await bea.call('PUT', path, { mentorId: bea.me.user.id })).status).toBe(404);
    expect((await bea.call('GET', `/api/sites/${siteA()}/newcomers`)).status).toBe(404);
    expect((await ben.call('GET', `/api/sites/${siteA()}/newcomers`)).status).toBe(403);

    const adaTab = await connectHelper(t.server.url, USERS.helperA1.email);
    const told = next<Notification>(adaTab.socket, 'notification:created', (n) => n.kind === 'mentor');
    const mo = await as(USERS.moderatorA.email);
    // Someone of another site cannot be a mentor here.
    expect((await mo.call('PUT', path, { mentorId: bea.me.user.id })).status).toBe(400);
    const assigned = await mo.call<NewcomersView>('PUT', path, { mentorId: adaTab.me.user.id });
    expect(assigned.status).toBe(200);
    expect((await told).text).toBe("You are now Oli's mentor. A friendly hello in the feed goes a long way.");
    const status = (await oli.call<OnboardingStatus>('GET', `/api/sites/${siteA()}/onboarding`)).body;
    expect(status.mentor).toMatchObject({ id: adaTab.me.user.id, displayName: 'Ada' });
    // The mentor sees the newcomer they guide and where they stand; others guide nobody here.
    const ada = await as(USERS.helperA1.email);
    const mine = (await ada.call<MenteesView>('GET', `/api/sites/${siteA()}/mentees`)).body;
    expect(mine.mentees.map((m) => [m.displayName, `${m.done} of ${m.total}`])).toEqual([['Oli', `0 of ${status.total}`]]);
    expect((await ben.call<MenteesView>('GET', `/api/sites/${siteA()}/mentees`)).body.mentees).toEqual([]);
    expect((await bea.call('GET', `/api/sites/${siteA()}/mentees`)).status).toBe(404);
    const lines = await t.server.db.db.select().from(auditLog).where(eq(auditLog.action, 'mentor.assigned'));
    expect(lines.find((l) => l.targetId === oli.id)).toMatchObject({ actorName: 'Mo', targetLabel: 'Oli', details: { mentorName: 'Ada' } });

    // Removing the mentor is logged too, and the newcomer no longer sees one.
    await mo.call('PUT', path, { mentorId: null });
    expect((await oli.call<OnboardingStatus>('GET', `/api/sites/${siteA()}/onboarding`)).body.mentor).toBeNull();
    expect((await t.server.db.db.select().from(auditLog).where(eq(auditLog.action, 'mentor.removed'))).length).toBe(1);
  });

  it('stops showing a mentor who was suspended', async () => {
    const uma = await newcomer('uma@test.tribu', 'Uma');
    const gus = await newcomer('gus@test.tribu', 'Gus');
    const mo = await as(USERS.moderatorA.email);
    await mo.call('PUT', `/api/sites/${siteA()}/newcomers/${uma.id}/mentor`, { mentorId: gus.id });
    expect((await uma.call<OnboardingStatus>('GET', `/api/sites/${siteA()}/onboarding`)).body.mentor?.displayName).toBe('Gus');
    await t.server.db.db.update(memberships).set({ status: 'suspended' }).where(eq(memberships.userId, gus.id));
    expect((await uma.call<OnboardingStatus>('GET', `/api/sites/${siteA()}/onboarding`)).body.mentor).toBeNull();
  });

  it('shows managers every newcomer: steps done, chats answered, last seen and mentor', async () => {
    const pia = await newcomer('pia@test.tribu', 'Pia');
    await pia.call('PATCH', '/api/profile', { bio: 'Trail runner', languages: ['en', 'fr'] });
    const mo = await as(USERS.moderatorA.email);
    await mo.call('PUT', `/api/sites/${siteA()}/newcomers/${pia.id}/mentor`, { mentorId: mo.me.user.id });
    const settings = await mo.call<NewcomersView>('PUT', `/api/sites/${siteA()}/onboarding/settings`, { observeChats: 2 });
    expect(settings.body.observeChats).toBe(2);
    const view = (await mo.call<NewcomersView>('GET', `/api/sites/${siteA()}/newcomers`)).body;
    const row = view.newcomers.find((n) => n.id === pia.id);
    expect(row).toMatchObject({ displayName: 'Pia', chatsAnswered: 0, lastSeenAt: null, mentor: { displayName: 'Mo' }, done: 1, total: 4 });
    expect(row?.steps).toEqual([
      { key: 'charter', done: false },
      { key: 'profile', done: true },
      { key: 'observe', done: false },
      { key: 'firstChat', done: false },
    ]);
    // Managers are offered as mentors; the charter is there to edit.
    expect(view.mentors.map((m) => m.displayName)).toContain('Mo');
    expect(view.charter.text).not.toBe('');
    // Nia finished her checklist earlier: she can guide others now.
    expect(view.mentors.map((m) => m.displayName)).toContain('Nia');
  });
});
