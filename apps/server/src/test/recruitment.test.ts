import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, auditLog, invitations, memberships, sites, users } from '@tribu/db';
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  type ApplicationList,
  type Conversation,
  type InvitationPreview,
  type InvitationSent,
  type JoinPage,
  type Me,
} from '@tribu/protocol';
import { hashPassword } from '../modules/auth/password.ts';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, connectVisitor, login, ok } from './support/clients.ts';
import { ORIGIN_A, PASSWORD, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { useSmtpInbox } from './support/smtp.ts';
import { confirmVisitorEmail } from './support/visitor-email.ts';

type Server = ReturnType<typeof usePostgresServer>;

/** HTTP as a signed-in person (cookie, CSRF token, same origin) or, with no email, as anyone. */
async function client(t: Server, email?: string) {
  const signed = email ? await login(t.server.url, email) : undefined;
  const origin = new URL(t.server.url).origin;
  const call = (method: string, path: string, body?: unknown, cookie = signed?.cookie) =>
    fetch(`${t.server.url}${path}`, {
      method,
      headers: {
        origin,
        ...(cookie ? { cookie } : {}),
        ...(signed ? { [CSRF_HEADER]: signed.me.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { call, me: signed?.me, cookie: signed?.cookie };
}

const application = (email: string, extra: Record<string, unknown> = {}) => ({
  name: 'Cleo Climber',
  email,
  languages: ['en', 'fr'],
  why: 'I have worn your boots on three treks and love telling people about them.',
  experience: 'Customer for six years.',
  answers: [],
  ...extra,
});

const messageOf = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

const tokenOf = (link: string) => link.split('/backoffice/invite/')[1]!;

async function applyAndFind(t: Server, email: string, extra: Record<string, unknown> = {}) {
  const anyone = await client(t);
  const res = await anyone.call('POST', '/api/join/shop-a', application(email, extra));
  expect(res.status).toBe(204);
  const [row] = await t.server.db.db.select().from(applications).where(eq(applications.email, email));
  return row!;
}

/** A moderator of shop-b, to show another site's managers see nothing of shop-a. */
async function managerOfB(t: Server) {
  const email = 'mod-b@test.tribu';
  const [existing] = await t.server.db.db.select().from(users).where(eq(users.email, email));
  if (!existing) {
    const [u] = await t.server.db.db
      .insert(users)
      .values({ email, displayName: 'Moe', passwordHash: await hashPassword(PASSWORD) })
      .returning();
    await t.server.db.db.insert(memberships).values({ userId: u!.id, siteId: t.server.sites.siteB, role: 'moderator' });
  }
  return email;
}

describe.skipIf(!hasPostgres)('recruitment with mail', () => {
  const inbox = useSmtpInbox();
  const t = usePostgresServer({ env: () => ({ SMTP_URL: inbox.url, MAIL_FROM: 'Tribu <no-reply@tribu.test>' }) });

  it('shows the public page of a site with its questions, and answers an unknown site with not found', async () => {
    await t.server.db.db
      .update(sites)
      .set({ settings: { chatCap: 2, applicationQuestions: ['Which of our products do you own?'] } })
      .where(eq(sites.id, t.server.sites.siteA));
    const anyone = await client(t);
    const page = (await (await anyone.call('GET', '/api/join/shop-a')).json()) as JoinPage;
    expect(page.site.name).toBe('Shop A');
    expect(page.questions).toEqual(['Which of our products do you own?']);
    expect(page.languages).toEqual(expect.arrayContaining(['en', 'fr', 'es']));
    expect((await anyone.call('GET', '/api/join/no-such-shop')).status).toBe(404);
  });

  it('refuses incomplete or oversized applications, thanks a robot without storing it, and refuses a second pending one kindly', async () => {
    const anyone = await client(t);
    const cases = [
      application('x@example.com', { name: '' }),
      application('not-an-email'),
      application('x@example.com', { why: 'Yes' }),
      application('x@example.com', { languages: [] }),
      application('x@example.com', { why: 'w'.repeat(2001) }),
      application('x@example.com', { answers: ['a'.repeat(1001)] }),
      application('x@example.com', { admin: true }),
    ];
    for (const body of cases) expect((await anyone.call('POST', '/api/join/shop-a', body)).status).toBe(400);
    const robot = await anyone.call('POST', '/api/join/shop-a', application('robot@example.com', { website: 'http://spam.example' }));
    expect(robot.status).toBe(204);
    expect(await t.server.db.db.select().from(applications).where(eq(applications.email, 'robot@example.com'))).toHaveLength(0);

    const row = await applyAndFind(t, 'twice@example.com', { answers: ['The Alpine 40 pack'] });
    expect(row.answers).toEqual([{ question: 'Which of our products do you own?', answer: 'The Alpine 40 pack' }]);
    const again = await anyone.call('POST', '/api/join/shop-a', application('Twice@Example.com'));
    expect(again.status).toBe(409);
    expect(await messageOf(again)).toContain('We already have your application');
  });

  it('lets only the site’s moderators and admins reach applications: helpers are refused, other sites see nothing', async () => {
    const app = await applyAndFind(t, 'rights@example.com');
    const siteA = t.server.sites.siteA;
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/sites/${siteA}/applications`],
      ['POST', `/api/sites/${siteA}/applications/${app.id}/shortlist`],
      ['POST', `/api/sites/${siteA}/applications/${app.id}/reject`, { message: 'no' }],
      ['POST', `/api/sites/${siteA}/applications/${app.id}/accept`],
      ['POST', `/api/sites/${siteA}/applications/${app.id}/reinvite`],
      ['GET', `/api/sites/${siteA}/application-questions`],
      ['PUT', `/api/sites/${siteA}/application-questions`, { questions: ['Hacked?'] }],
      ['POST', `/api/sites/${siteA}/invitations`, { email: 'x@example.com', name: 'X', role: 'helper' }],
    ];
    const anonymous = await client(t);
    const helper = await client(t, USERS.helperA1.email);
    const otherSite = await client(t, await managerOfB(t));
    for (const [method, path, body] of routes) {
      expect((await anonymous.call(method, path, body)).status, `${method} ${path} anonymous`).toBe(401);
      const refused = await helper.call(method, path, body);
      expect(refused.status, `${method} ${path} helper`).toBe(403);
      expect(await messageOf(refused)).toBe('Only community managers can do that');
      expect((await otherSite.call(method, path, body)).status, `${method} ${path} other site`).toBe(404);
    }
    const [still] = await t.server.db.db.select().from(applications).where(eq(applications.id, app.id));
    expect(still!.status).toBe('new');

    for (const email of [USERS.moderatorA.email, USERS.adminA.email]) {
      const manager = await client(t, email);
      const list = (await (await manager.call('GET', `/api/sites/${siteA}/applications`)).json()) as ApplicationList;
      expect(list.items.map((a) => a.email)).toContain('rights@example.com');
      expect(list.mailConfigured).toBe(true);
    }
  });

  it('accepts an application: the invitation is mailed with a link that works once, signs the person in and counts in the funnel', async () => {
    const app = await applyAndFind(t, 'cleo@example.com');
    const mo = await client(t, USERS.moderatorA.email);
    const siteA = t.server.sites.siteA;
    expect((await mo.call('POST', `/api/sites/${siteA}/applications/${app.id}/shortlist`)).status).toBe(204);
    const sent = (await (await mo.call('POST', `/api/sites/${siteA}/applications/${app.id}/accept`)).json()) as InvitationSent;
    expect(sent).toMatchObject({ emailed: true, email: 'cleo@example.com' });

    const mail = await inbox.mailTo('cleo@example.com');
    expect(mail.subject).toBe('Your invitation to the Shop A community');
    expect(mail.text).toContain('Mo invites you to join the Shop A community on Tribu as a helper.');
    expect(mail.text).toContain(sent.link);
    expect(mail.html).toContain(`href="${sent.link}"`);
    expect(mail.from?.text).toContain('no-reply@tribu.test');

    const anyone = await client(t);
    const token = tokenOf(sent.link);
    const preview = (await (await anyone.call('POST', '/api/invitations/preview', { token })).json()) as InvitationPreview;
    expect(preview).toMatchObject({ email: 'cleo@example.com', name: 'Cleo Climber', role: 'helper', charter: null });
    expect((await anyone.call('POST', '/api/invitations/accept', { token, password: 'short' })).status).toBe(400);

    const joined = await anyone.call('POST', '/api/invitations/accept', { token, password: 'a long enough secret' });
    expect(joined.status).toBe(200);
    const me = (await joined.json()) as Me;
    expect(me.user.displayName).toBe('Cleo Climber');
    expect(me.memberships).toEqual([expect.objectContaining({ siteId: siteA, role: 'helper' })]);
    const cookie = joined.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
      .split(';')[0]!;
    const meAgain = await fetch(`${t.server.url}/api/auth/me`, { headers: { cookie } });
    expect(((await meAgain.json()) as Me).user.email).toBe('cleo@example.com');
    expect((await login(t.server.url, 'cleo@example.com', 'a long enough secret')).me.user.email).toBe('cleo@example.com');

    const twice = await anyone.call('POST', '/api/invitations/accept', { token, password: 'a long enough secret' });
    expect(twice.status).toBe(409);
    expect(await messageOf(twice)).toContain('already been used');
    expect(await messageOf(await anyone.call('POST', '/api/invitations/preview', { token }))).toContain('already been used');

    const list = (await (await mo.call('GET', `/api/sites/${siteA}/applications`)).json()) as ApplicationList;
    expect(list.items.find((a) => a.id === app.id)).toMatchObject({ status: 'accepted', joined: true, decidedByName: 'Mo' });
    // Cleo is the one applicant of this file who joined.
    expect(list.funnel.joined).toBe(1);
    const actions = (await t.server.db.db.select().from(auditLog).where(eq(auditLog.siteId, siteA))).map((l) => l.action);
    expect(actions).toEqual(expect.arrayContaining(['application.shortlisted', 'application.accepted', 'invitation.created', 'invitation.accepted']));
  });

  it('counts a newcomer as active once they answer a chat within 30 days of joining', async () => {
    const mo = await client(t, USERS.moderatorA.email);
    const siteA = t.server.sites.siteA;
    const before = ((await (await mo.call('GET', `/api/sites/${siteA}/applications`)).json()) as ApplicationList).funnel;
    const app = await applyAndFind(t, 'dora@example.com', { name: 'Dora Explorer' });
    const sent = (await (await mo.call('POST', `/api/sites/${siteA}/applications/${app.id}/accept`)).json()) as InvitationSent;
    await (await client(t)).call('POST', '/api/invitations/accept', { token: tokenOf(sent.link), password: 'dora has a password' });
    const helper = await connectHelper(t.server.url, 'dora@example.com', undefined, 'dora has a password');
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Which size?' });
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Take a 42.' });
    await ok(helper.socket, 'conversation:end', { conversationId: conversation.id });
    const after = ((await (await mo.call('GET', `/api/sites/${siteA}/applications`)).json()) as ApplicationList).funnel;
    expect(after).toEqual({ applied: before.applied + 1, accepted: before.accepted + 1, joined: before.joined + 1, active: before.active + 1 });
  });

  it('refuses an expired link with its own message', async () => {
    const admin = await client(t, USERS.adminA.email);
    const sent = (await (
      await admin.call('POST', `/api/sites/${t.server.sites.siteA}/invitations`, { email: 'late@example.com', name: 'Late', role: 'helper' })
    ).json()) as InvitationSent;
    await t.server.db.db.execute(sql`update invitations set expires_at = now() - interval '1 minute' where email = 'late@example.com'`);
    const anyone = await client(t);
    const token = tokenOf(sent.link);
    for (const [path, extra] of [
      ['/api/invitations/preview', {}],
      ['/api/invitations/accept', { password: 'a long enough secret' }],
    ] as const) {
      const res = await anyone.call('POST', path, { token, ...extra });
      expect(res.status).toBe(409);
      expect(await messageOf(res)).toBe('This invitation has expired. Ask the community manager for a new one.');
    }
    const unknown = await anyone.call('POST', '/api/invitations/preview', { token: 'A'.repeat(43) });
    expect(unknown.status).toBe(404);
    expect(await messageOf(unknown)).toContain('not valid');
  });

  it('lets exactly one of two simultaneous uses of a link join', async () => {
    const mo = await client(t, USERS.moderatorA.email);
    const sent = (await (
      await mo.call('POST', `/api/sites/${t.server.sites.siteA}/invitations`, { email: 'race@example.com', name: 'Racer', role: 'helper' })
    ).json()) as InvitationSent;
    const token = tokenOf(sent.link);
    const anyone = await client(t);
    const results = await Promise.all([1, 2, 3].map(() => anyone.call('POST', '/api/invitations/accept', { token, password: 'a long enough secret' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await t.server.db.db.select().from(users).where(eq(users.email, 'race@example.com'))).toHaveLength(1);
  });

  it('lets managers invite helpers, and only admins invite managers', async () => {
    const siteA = t.server.sites.siteA;
    const mo = await client(t, USERS.moderatorA.email);
    const refused = await mo.call('POST', `/api/sites/${siteA}/invitations`, { email: 'boss@example.com', name: 'Boss', role: 'moderator' });
    expect(refused.status).toBe(403);
    const admin = await client(t, USERS.adminA.email);
    const sent = (await (
      await admin.call('POST', `/api/sites/${siteA}/invitations`, { email: 'boss@example.com', name: 'Boss', role: 'moderator' })
    ).json()) as InvitationSent;
    expect(sent.emailed).toBe(true);
    expect((await inbox.mailTo('boss@example.com')).text).toContain('as a community manager');
    const member = await admin.call('POST', `/api/sites/${siteA}/invitations`, { email: USERS.helperA1.email, name: 'Ada', role: 'helper' });
    expect(member.status).toBe(409);
  });

  it('asks for the charter when the site has one, and keeps when it was accepted', async () => {
    const siteB = t.server.sites.siteB;
    await t.server.db.db
      .update(sites)
      .set({ settings: { charter: 'Be kind. Never pretend to be staff.' } })
      .where(eq(sites.id, siteB));
    const modB = await client(t, await managerOfB(t));
    const sent = (await (
      await modB.call('POST', `/api/sites/${siteB}/invitations`, { email: 'kind@example.com', name: 'Kind', role: 'helper' })
    ).json()) as InvitationSent;
    const anyone = await client(t);
    const token = tokenOf(sent.link);
    // The site cache may hold the old settings for a few seconds: wait for the preview to show the charter.
    await expect
      .poll(async () => ((await (await anyone.call('POST', '/api/invitations/preview', { token })).json()) as InvitationPreview).charter, { timeout: 8000 })
      .toBe('Be kind. Never pretend to be staff.');
    const without = await anyone.call('POST', '/api/invitations/accept', { token, password: 'a long enough secret' });
    expect(without.status).toBe(400);
    expect(await messageOf(without)).toBe('Please read and accept the Shop B charter to join');
    const joined = await anyone.call('POST', '/api/invitations/accept', { token, password: 'a long enough secret', acceptCharter: true });
    expect(joined.status).toBe(200);
    const [m] = await t.server.db.db.select().from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.email, 'kind@example.com'));
    expect(m!.memberships.charterAcceptedAt).toBeInstanceOf(Date);
  });

  it('previews an invitation the same way whether its email has an account or not', async () => {
    const siteB = t.server.sites.siteB;
    await t.server.db.db.update(sites).set({ settings: {} }).where(eq(sites.id, siteB));
    const modB = await client(t, await managerOfB(t));
    const invite = async (email: string) =>
      tokenOf(((await (await modB.call('POST', `/api/sites/${siteB}/invitations`, { email, name: 'Sam', role: 'helper' })).json()) as InvitationSent).link);
    const anyone = await client(t);
    const preview = async (token: string) => {
      const res = await anyone.call('POST', '/api/invitations/preview', { token });
      expect(res.status).toBe(200);
      const { email, expiresAt, ...rest } = (await res.json()) as InvitationPreview & Record<string, unknown>;
      expect(typeof email).toBe('string');
      expect(typeof expiresAt).toBe('string');
      return rest;
    };
    const withAccount = await preview(await invite(USERS.helperA1.email));
    const without = await preview(await invite('nobody-yet@example.com'));
    expect(withAccount).toEqual(without);
    expect(Object.keys(withAccount).sort()).toEqual(['charter', 'name', 'role', 'site']);
  });

  it('asks someone who already has an account to sign in as it, then adds the site to that account', async () => {
    const siteB = t.server.sites.siteB;
    await t.server.db.db.update(sites).set({ settings: {} }).where(eq(sites.id, siteB));
    const modB = await client(t, await managerOfB(t));
    const sent = (await (
      await modB.call('POST', `/api/sites/${siteB}/invitations`, { email: USERS.helperA2.email, name: 'Ben', role: 'helper' })
    ).json()) as InvitationSent;
    const token = tokenOf(sent.link);
    const anyone = await client(t);
    const signedOut = await anyone.call('POST', '/api/invitations/accept', { token, acceptCharter: true });
    expect(signedOut.status).toBe(401);
    expect(await messageOf(signedOut)).toContain('sign in with it');
    const wrongPerson = await client(t, USERS.helperA1.email);
    expect((await wrongPerson.call('POST', '/api/invitations/accept', { token, acceptCharter: true })).status).toBe(401);
    const ben = await client(t, USERS.helperA2.email);
    const joined = await ben.call('POST', '/api/invitations/accept', { token, acceptCharter: true });
    expect(joined.status).toBe(200);
    expect(((await joined.json()) as Me).memberships.map((m) => m.siteName).sort()).toEqual(['Shop A', 'Shop B']);
  });

  it('mails a rejection with the manager’s message, escaping what people wrote', async () => {
    const app = await applyAndFind(t, 'nope@example.com', { name: 'Eve <b>Bold</b>' });
    const mo = await client(t, USERS.moderatorA.email);
    const res = await mo.call('POST', `/api/sites/${t.server.sites.siteA}/applications/${app.id}/reject`, {
      message: 'We have enough <i>French</i> speakers for now.',
    });
    expect(await res.json()).toEqual({ emailed: true });
    const mail = await inbox.mailTo('nope@example.com');
    expect(mail.subject).toBe('Your application to the Shop A community');
    expect(mail.text).toContain('Hello Eve <b>Bold</b>,');
    expect(mail.text).toContain('> We have enough <i>French</i> speakers for now.');
    expect(mail.html).toContain('Eve &lt;b&gt;Bold&lt;/b&gt;');
    expect(mail.html).not.toContain('<i>French');
    const again = await mo.call('POST', `/api/sites/${t.server.sites.siteA}/applications/${app.id}/accept`);
    expect(again.status).toBe(409);
    expect(await messageOf(again)).toBe('This application is already rejected');
  });

  it('lets managers edit the questions, which the public page then asks', async () => {
    const admin = await client(t, USERS.adminA.email);
    const siteA = t.server.sites.siteA;
    const tooMany = await admin.call('PUT', `/api/sites/${siteA}/application-questions`, { questions: Array.from({ length: 9 }, (_, i) => `Q${i}?`) });
    expect(tooMany.status).toBe(400);
    const saved = await admin.call('PUT', `/api/sites/${siteA}/application-questions`, { questions: ['Where do you hike?', 'Which boots do you wear?'] });
    expect(await saved.json()).toEqual({ questions: ['Where do you hike?', 'Which boots do you wear?'] });
    const page = (await (await (await client(t)).call('GET', '/api/join/shop-a')).json()) as JoinPage;
    expect(page.questions).toEqual(['Where do you hike?', 'Which boots do you wear?']);
    const [row] = await t.server.db.db.select().from(sites).where(eq(sites.id, siteA));
    expect(row!.settings.chatCap).toBe(2);
  });

  it('mails a visitor who left and confirmed an address once, when a helper first answers after they left', async () => {
    const helper = await connectHelper(t.server.url, USERS.helperA1.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Are the Alpine boots waterproof?',
      email: 'walker@example.com',
      page: { url: 'https://shop-a.example/boots/alpine', title: 'Alpine boots' },
    });
    await confirmVisitorEmail(inbox, t.server.url, 'walker@example.com');
    visitor.socket.disconnect();
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Yes, fully: Gore-Tex lining.' });
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'And they dry fast.' });
    await expect.poll(() => inbox.mails.filter((m) => m.subject === 'You have an answer from the Shop A community').length).toBe(1);
    const mail = inbox.mails.find((m) => m.subject === 'You have an answer from the Shop A community')!;
    expect(mail.text).toContain('Ada, a member of the Shop A community, answered your question:');
    expect(mail.text).toContain('> Yes, fully: Gore-Tex lining.');
    expect(mail.text).toContain('https://shop-a.example/boots/alpine');
    expect(mail.text).not.toContain(USERS.helperA1.email);
    await new Promise((r) => setTimeout(r, 500));
    expect(inbox.mails.filter((m) => m.subject === mail.subject)).toHaveLength(1);
  });

  it('sends no answer mail while the visitor still has the chat open', async () => {
    const helper = await connectHelper(t.server.url, USERS.helperA2.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Still here',
      email: 'present@example.com',
    });
    await confirmVisitorEmail(inbox, t.server.url, 'present@example.com');
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Hello!' });
    await new Promise((r) => setTimeout(r, 800));
    expect(inbox.mails.filter((m) => JSON.stringify(m.to).includes('present@example.com')).map((m) => m.subject)).toEqual([
      'Confirm your email for the Shop A community',
    ]);
  });
});

describe.skipIf(!hasPostgres)('recruitment without mail', () => {
  const t = usePostgresServer();

  it('gives the manager the link to copy when no mail server is configured', async () => {
    const app = await applyAndFind(t, 'copy@example.com');
    const mo = await client(t, USERS.moderatorA.email);
    const list = (await (await mo.call('GET', `/api/sites/${t.server.sites.siteA}/applications`)).json()) as ApplicationList;
    expect(list.mailConfigured).toBe(false);
    const sent = (await (await mo.call('POST', `/api/sites/${t.server.sites.siteA}/applications/${app.id}/accept`)).json()) as InvitationSent;
    expect(sent.emailed).toBe(false);
    expect(sent.link).toMatch(/\/backoffice\/invite\/[A-Za-z0-9_-]{43}$/);
    const [stored] = await t.server.db.db.select().from(invitations).where(eq(invitations.email, 'copy@example.com'));
    expect(stored!.tokenHash).not.toContain(tokenOf(sent.link));
    expect(stored!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
  });

  it('takes a handful of applications per address, then asks to wait', async () => {
    const anyone = await client(t);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await anyone.call('POST', '/api/join/shop-b', application(`flood${i}@example.com`))).status);
    // One application was already made from this address in the test above: nine more pass.
    expect(statuses).toEqual([...Array(9).fill(204), 429, 429]);
  });
});
