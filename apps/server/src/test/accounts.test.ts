import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { memberships, passwordResets, users } from '@tribu/db';
import { SESSION_COOKIE, type Me, type TwoFactorEnabled, type TwoFactorSetup } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { runOperatorCli } from './support/cli.ts';
import { connectHelper, login, send, signedInCaller } from './support/clients.ts';
import { PASSWORD, USERS } from './support/fixtures.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';
import { useSmtpInbox } from './support/smtp.ts';

const LOCKED = 'Too many failed sign-ins for this account or from this network. Try again in 60 minutes, or reset your password with "Forgot password?".';
const NEW_PASSWORD = 'a brand new passphrase';

type Body = { error?: { code: string; message: string } } & Record<string, unknown>;

/** A sign-in attempt from a given address (the balancer's X-Forwarded-For, trusted with TRUST_PROXY). */
async function signIn(base: string, email: string, password: string, from: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, 'x-forwarded-for': from },
    body: JSON.stringify({ email, password }),
  });
  return {
    status: res.status,
    body: (await res.json()) as Body,
    retryAfter: res.headers.get('retry-after'),
    cookie: res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
      ?.split(';')[0],
  };
}

async function post(base: string, path: string, body: unknown, from = '192.0.2.200', headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, 'x-forwarded-for': from, ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : undefined) as Body,
    retryAfter: res.headers.get('retry-after'),
    cookie: res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
      ?.split(';')[0],
  };
}

const tokenOf = (mailText: string) => /reset-password#([A-Za-z0-9_-]+)/.exec(mailText)?.[1] ?? '';
const sha256 = (v: string) => createHash('sha256').update(v).digest('base64url');

describe.skipIf(!hasPostgres)('sign-in budgets', () => {
  const inbox = useSmtpInbox();
  const t = usePostgresServer({ env: () => ({ TRUST_PROXY: 'true', SMTP_URL: inbox.url }) });
  const base = () => t.server.url;

  it('locks an account after 10 failed sign-ins from 5 addresses, even with the right password, answering as for an unknown account', async () => {
    const email = USERS.helperA2.email;
    for (let i = 0; i < 10; i++) expect((await signIn(base(), email, `wrong ${i}`, `198.51.100.${i % 5}`)).status).toBe(401);
    const locked = await signIn(base(), email, PASSWORD, '198.51.100.77');
    expect([locked.status, locked.body.error]).toEqual([429, { code: 'rate_limited', message: LOCKED }]);
    expect(Number(locked.retryAfter)).toBeGreaterThan(3590);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(3600);
    expect(locked.cookie).toBe(undefined);
    // The same answer for an email without an account: a lock tells nothing about who has one.
    for (let i = 0; i < 10; i++) expect((await signIn(base(), 'nobody@test.tribu', `wrong ${i}`, `198.51.100.${10 + (i % 5)}`)).status).toBe(401);
    const unknown = await signIn(base(), 'nobody@test.tribu', 'whatever', '198.51.100.78');
    expect([unknown.status, unknown.body]).toEqual([locked.status, locked.body]);
  });

  it('lets exactly 10 of 30 wrong passwords fired at once from 6 addresses be checked', async () => {
    const attempts = Array.from({ length: 30 }, (_, i) => signIn(base(), 'parallel@test.tribu', `wrong ${i}`, `198.51.100.${50 + (i % 6)}`));
    const statuses = (await Promise.all(attempts)).map((r) => r.status).sort();
    expect(statuses).toEqual([...Array<number>(10).fill(401), ...Array<number>(20).fill(429)]);
  });

  it('lifts the lockout when the owner resets their password by the mailed link', async () => {
    const email = USERS.helperA2.email;
    expect((await signIn(base(), email, PASSWORD, '198.51.100.79')).status).toBe(429);
    expect((await post(base(), '/api/auth/password/forgot', { email })).status).toBe(202);
    const token = tokenOf((await inbox.mailTo(email)).text ?? '');
    expect(token).toHaveLength(43);
    expect((await post(base(), '/api/auth/password/reset', { token, password: NEW_PASSWORD })).status).toBe(204);
    const back = await signIn(base(), email, NEW_PASSWORD, '198.51.100.80');
    expect([back.status, (back.body as unknown as Me).user.email]).toEqual([200, email]);
  });

  it('refuses the 21st failed sign-in from one address across 25 accounts, and the right password from it too', async () => {
    const from = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await signIn(base(), `guess${i}@test.tribu`, 'wrong password', from)).status);
    expect(statuses).toEqual([...Array<number>(20).fill(401), ...Array<number>(5).fill(429)]);
    const right = await signIn(base(), USERS.moderatorA.email, PASSWORD, from);
    expect([right.status, right.body.error?.message]).toEqual([429, LOCKED]);
    expect((await signIn(base(), USERS.moderatorA.email, PASSWORD, '203.0.113.8')).status).toBe(200);
  });

  it('counts IPv6 addresses by their /64', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await signIn(base(), `v6-${i}@test.tribu`, 'wrong password', `2001:db8:1:2::${(i + 1).toString(16)}`)).status);
    expect(statuses).toEqual(Array<number>(20).fill(401));
    expect((await signIn(base(), 'v6-x@test.tribu', 'wrong password', '2001:db8:1:2:ffff:ffff:ffff:fffe')).status).toBe(429);
    expect((await signIn(base(), 'v6-y@test.tribu', 'wrong password', '2001:db8:1:3::1')).status).toBe(401);
  });
});

describe.skipIf(!hasPostgres || !hasRedis)('sign-in budgets across two nodes', () => {
  const nodes = useTwoNodes(undefined, { TRUST_PROXY: 'true' });

  it('counts one account’s failures on both nodes together through Redis', async () => {
    const email = USERS.helperB1.email;
    for (let i = 0; i < 5; i++) expect((await signIn(nodes.a.url, email, `wrong ${i}`, `198.51.100.${20 + i}`)).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await signIn(nodes.b.url, email, `wrong ${i}`, `198.51.100.${30 + i}`)).status).toBe(401);
    for (const node of [nodes.a, nodes.b]) {
      const locked = await signIn(node.url, email, PASSWORD, '198.51.100.40');
      expect([locked.status, locked.body.error?.message]).toEqual([429, LOCKED]);
    }
  });
});

describe.skipIf(!hasPostgres)('forgot password', () => {
  const inbox = useSmtpInbox();
  const t = usePostgresServer({ env: () => ({ TRUST_PROXY: 'true', SMTP_URL: inbox.url }) });
  const base = () => t.server.url;
  const forgot = (email: string, from = '192.0.2.10') => post(base(), '/api/auth/password/forgot', { email }, from);

  it('answers the same whether the email has an account or not, and mails only an account', async () => {
    const unknown = await forgot('stranger@test.tribu');
    const known = await forgot(USERS.helperB1.email);
    expect([unknown.status, unknown.body]).toEqual([
      202,
      { message: 'If an account uses this email, a link to choose a new password is on its way. It works once, for 1 hour.' },
    ]);
    expect([known.status, known.body]).toEqual([unknown.status, unknown.body]);
    const mail = await inbox.mailTo(USERS.helperB1.email);
    expect(mail.subject).toBe('Reset your Tribu password');
    expect(inbox.mails.filter((m) => JSON.stringify(m.to).includes('stranger@test.tribu'))).toEqual([]);
  });

  it('stores only a hash of the token, and the link works once', async () => {
    const email = USERS.helperB1.email;
    const token = tokenOf((await inbox.mailTo(email)).text ?? '');
    const [user] = await t.server.db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const rows = await t.server.db.db.select({ id: passwordResets.id }).from(passwordResets).where(eq(passwordResets.userId, user!.id));
    expect(rows).toEqual([{ id: sha256(token) }]);
    const first = await post(base(), '/api/auth/password/reset', { token, password: NEW_PASSWORD });
    expect(first.status).toBe(204);
    const again = await post(base(), '/api/auth/password/reset', { token, password: 'yet another passphrase' });
    expect([again.status, again.body.error?.message]).toEqual([400, 'This link has expired or was already used; ask for a new one from the sign-in page']);
    expect((await login(base(), email, NEW_PASSWORD)).me.user.email).toBe(email);
  });

  it('refuses a link older than an hour and a short password, changing nothing', async () => {
    const email = USERS.helperA1.email;
    await forgot(email, '192.0.2.11');
    const token = tokenOf((await inbox.mailTo(email)).text ?? '');
    const short = await post(base(), '/api/auth/password/reset', { token, password: 'short' });
    expect([short.status, short.body.error?.message]).toEqual([400, 'password: Choose a password of at least 10 characters']);
    await t.server.db.db
      .update(passwordResets)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordResets.id, sha256(token)));
    const expired = await post(base(), '/api/auth/password/reset', { token, password: NEW_PASSWORD });
    expect([expired.status, expired.body.error?.message]).toEqual([400, 'This link has expired or was already used; ask for a new one from the sign-in page']);
    expect((await login(base(), email, PASSWORD)).me.user.email).toBe(email);
  });

  it('ends every session of the person and closes their open tabs', async () => {
    const email = USERS.moderatorA.email;
    const tab = await connectHelper(base(), email);
    const closed = new Promise<string>((resolve) => tab.socket.once('disconnect', resolve));
    const other = await login(base(), email);
    await forgot(email, '192.0.2.12');
    const token = tokenOf((await inbox.mailTo(email)).text ?? '');
    expect((await post(base(), '/api/auth/password/reset', { token, password: NEW_PASSWORD })).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    for (const cookie of [tab.cookie, other.cookie]) expect((await fetch(`${base()}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('throttles requests per email (3 an hour) and per address (10 an hour), with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await forgot('someone@test.tribu', `192.0.2.${20 + i}`)).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const byAddress: number[] = [];
    for (let i = 0; i < 11; i++) byAddress.push((await forgot(`many${i}@test.tribu`, '192.0.2.99')).status);
    expect(byAddress).toEqual([...Array<number>(10).fill(202), 429]);
    const refused = await forgot('one-more@test.tribu', '192.0.2.99');
    expect([refused.body.error?.message, Number(refused.retryAfter) > 3590]).toEqual(['Too many reset requests; try again in 60 minutes.', true]);
  });
});

describe.skipIf(!hasPostgres)('two-step sign-in', () => {
  const t = usePostgresServer({ env: () => ({ TRUST_PROXY: 'true' }) });
  const base = () => t.server.url;
  const call = signedInCaller(base);
  const secrets = new Map<string, string>();
  const codeAt = (secret: string, offsetSteps = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

  /** Turns two-step sign-in on for a fixture person through the profile routes; returns the recovery codes. */
  async function enable(who: keyof typeof USERS): Promise<string[]> {
    const setup = await call<TwoFactorSetup>(who, 'POST', '/api/profile/two-factor/setup');
    expect(setup.status).toBe(200);
    expect(setup.data.qrSvg.startsWith('<svg')).toBe(true);
    expect(setup.data.otpauthUri).toContain(`secret=${setup.data.secret}`);
    secrets.set(who, setup.data.secret);
    const confirmed = await call<TwoFactorEnabled>(who, 'POST', '/api/profile/two-factor/confirm', { code: codeAt(setup.data.secret) });
    expect(confirmed.status).toBe(200);
    return confirmed.data.recoveryCodes;
  }

  it('asks for a code after the password, refuses a wrong one, and signs in with the right one', async () => {
    const wrongConfirm = await call('helperA1', 'POST', '/api/profile/two-factor/setup');
    expect(wrongConfirm.status).toBe(200);
    const refused = await call<Body>('helperA1', 'POST', '/api/profile/two-factor/confirm', { code: '000000' });
    expect(refused.status).toBe(400);
    const codes = await enable('helperA1');
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const first = await signIn(base(), USERS.helperA1.email, PASSWORD, '198.51.100.1');
    expect([first.status, first.cookie, Object.keys(first.body)]).toEqual([200, undefined, ['twoFactor']]);
    const token = (first.body.twoFactor as { token: string }).token;
    const wrong = await post(base(), '/api/auth/login/two-factor', { token, code: '123456' });
    expect([wrong.status, wrong.body.error?.message, wrong.cookie]).toEqual([
      401,
      'That code is not right; type the newest code from your app, or a recovery code',
      undefined,
    ]);
    // The code of the next step: the one used to confirm was spent, and a code is accepted once.
    const right = await post(base(), '/api/auth/login/two-factor', { token, code: codeAt(secrets.get('helperA1')!, 1) });
    expect([right.status, (right.body as unknown as Me).user.email, (right.body as unknown as Me).twoFactor.enabled]).toEqual([
      200,
      USERS.helperA1.email,
      true,
    ]);
    expect(right.cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    const replay = await post(base(), '/api/auth/login/two-factor', { token, code: codeAt(secrets.get('helperA1')!, 1) });
    expect(replay.status).toBe(401);
    const forged = await post(base(), '/api/auth/login/two-factor', { token: `${token.slice(0, -2)}xx`, code: codeAt(secrets.get('helperA1')!) });
    expect([forged.status, forged.body.error?.message]).toEqual([401, 'This sign-in took too long; type your password again']);
  });

  it('refuses the code step of a sign-in begun before the password changed', async () => {
    const db = t.server.db.db;
    const [before] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, USERS.helperA1.email));
    const first = await signIn(base(), USERS.helperA1.email, PASSWORD, '198.51.100.4');
    const token = (first.body.twoFactor as { token: string }).token;
    // What a reset or a change of password writes: another hash (restored afterwards for the next tests).
    await db
      .update(users)
      .set({ passwordHash: `${before!.hash}-changed` })
      .where(eq(users.email, USERS.helperA1.email));
    const late = await post(base(), '/api/auth/login/two-factor', { token, code: codeAt(secrets.get('helperA1')!, 2) });
    await db.update(users).set({ passwordHash: before!.hash }).where(eq(users.email, USERS.helperA1.email));
    expect([late.status, late.body.error?.message, late.cookie]).toEqual([401, 'This sign-in took too long; type your password again', undefined]);
  });

  it('accepts each recovery code once', async () => {
    const codes = await enable('helperB1');
    const challenge = async () => ((await signIn(base(), USERS.helperB1.email, PASSWORD, '198.51.100.2')).body.twoFactor as { token: string }).token;
    const used = await post(base(), '/api/auth/login/two-factor', { token: await challenge(), code: codes[3]!.toUpperCase() });
    expect(used.status).toBe(200);
    const again = await post(base(), '/api/auth/login/two-factor', { token: await challenge(), code: codes[3] });
    expect(again.status).toBe(401);
    const status = await call<{ enabled: boolean; recoveryCodesLeft: number }>('helperB1', 'GET', '/api/profile/two-factor');
    expect(status.data).toEqual({ enabled: true, recoveryCodesLeft: 9, requiredBy: [] });
  });

  it('turns off only with the password and a code', async () => {
    const noPassword = await call<Body>('helperB1', 'POST', '/api/profile/two-factor/disable', {
      password: 'not it',
      code: codeAt(secrets.get('helperB1')!, 1),
    });
    expect([noPassword.status, noPassword.data.error?.message]).toEqual([403, 'Your password or the code is not right']);
    const off = await call('helperB1', 'POST', '/api/profile/two-factor/disable', { password: PASSWORD, code: codeAt(secrets.get('helperB1')!, 1) });
    expect(off.status).toBe(204);
    const plain = await signIn(base(), USERS.helperB1.email, PASSWORD, '198.51.100.3');
    expect([plain.status, (plain.body as unknown as Me).user.email]).toEqual([200, USERS.helperB1.email]);
  });

  it('makes a site’s managers set it up before they act as managers there', async () => {
    const { siteA } = t.server.sites;
    const before = await call<Body>('adminA', 'PATCH', `/api/sites/${siteA}/settings`, { twoFactorForManagers: true });
    expect([before.status, (before.data.error as { fields?: Record<string, string> }).fields]).toEqual([
      400,
      { twoFactorForManagers: 'Turn on two-step sign-in for yourself first (in your profile), then ask it of the managers' },
    ]);
    await enable('adminA');
    // A manager's tab open before: it acts as a manager now, and as a helper once the site asks.
    const tab = await connectHelper(base(), USERS.moderatorA.email);
    const allRedemptions = () => send(tab.socket, 'redemption:list', { siteId: siteA, scope: 'all' });
    expect((await allRedemptions()).ok).toBe(true);
    expect((await call('adminA', 'PATCH', `/api/sites/${siteA}/settings`, { twoFactorForManagers: true })).status).toBe(200);
    expect(await allRedemptions()).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only community managers can do that' } });
    const mod = await login(base(), USERS.moderatorA.email);
    expect(mod.me.twoFactor).toEqual({ enabled: false, setupRequiredBy: [{ siteId: siteA, siteName: 'Shop A' }] });
    expect(mod.me.memberships.find((m) => m.siteId === siteA)?.role).toBe('helper');
    const team = await fetch(`${base()}/api/sites/${siteA}/team`, { headers: { cookie: mod.cookie } });
    expect(team.status).toBe(403);
    await enable('moderatorA');
    const me = (await (await fetch(`${base()}/api/auth/me`, { headers: { cookie: mod.cookie } })).json()) as Me;
    expect([me.twoFactor, me.memberships.find((m) => m.siteId === siteA)?.role]).toEqual([{ enabled: true, setupRequiredBy: [] }, 'moderator']);
    expect((await fetch(`${base()}/api/sites/${siteA}/team`, { headers: { cookie: mod.cookie } })).status).toBe(200);
    expect((await allRedemptions()).ok).toBe(true);
  });
});

describe.skipIf(!hasPostgres)('a site keeps an admin', () => {
  const t = usePostgresServer();
  const base = () => t.server.url;
  const call = signedInCaller(base);
  const LAST = 'A site must keep at least one active admin: make someone else admin of this site first';
  const adminsOf = async (siteId: string) =>
    (
      await t.server.db.db
        .select({ email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.siteId, siteId), eq(memberships.role, 'admin'), eq(memberships.status, 'active')))
        .orderBy(users.email)
    ).map((r) => r.email);

  it('refuses the last admin leaving the site, changing nothing', async () => {
    const { siteA } = t.server.sites;
    const res = await call<Body>('adminA', 'POST', '/api/profile/leave', { siteId: siteA, confirm: true });
    expect([res.status, res.data.error]).toEqual([409, { code: 'conflict', message: LAST }]);
    expect(await adminsOf(siteA)).toEqual([USERS.adminA.email]);
  });

  it('refuses, in the database itself, any statement that leaves a site without an active admin', async () => {
    const { siteA } = t.server.sites;
    const [admin] = await t.server.db.db.select({ id: users.id }).from(users).where(eq(users.email, USERS.adminA.email));
    const where = and(eq(memberships.siteId, siteA), eq(memberships.userId, admin!.id));
    for (const attempt of [
      () => t.server.db.db.update(memberships).set({ role: 'moderator' }).where(where),
      () => t.server.db.db.update(memberships).set({ status: 'suspended' }).where(where),
      () => t.server.db.db.delete(memberships).where(where),
      () => t.server.db.db.delete(users).where(eq(users.id, admin!.id)),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ cause: { code: '23514', constraint: 'site_keeps_an_admin' } });
    }
    expect(await adminsOf(siteA)).toEqual([USERS.adminA.email]);
  });

  it('lets the operator appoint an admin, after which the former last admin may leave', async () => {
    const { siteA } = t.server.sites;
    await t.server.db.db.update(users).set({ operator: true }).where(eq(users.email, USERS.helperB1.email));
    const notOperator = await call('helperA1', 'POST', `/api/operator/sites/${siteA}/admins`, { email: USERS.moderatorA.email });
    expect(notOperator.status).toBe(404);
    const unknown = await call<Body>('helperB1', 'POST', `/api/operator/sites/${siteA}/admins`, { email: 'nobody@test.tribu' });
    expect(unknown.status).toBe(400);
    const res = await call('helperB1', 'POST', `/api/operator/sites/${siteA}/admins`, { email: USERS.moderatorA.email });
    expect([res.status, res.data]).toMatchObject([200, { displayName: 'Mo', email: USERS.moderatorA.email, previousRole: 'moderator' }]);
    expect(await adminsOf(siteA)).toEqual([USERS.adminA.email, USERS.moderatorA.email]);
    const left = await call('adminA', 'POST', '/api/profile/leave', { siteId: siteA, confirm: true });
    expect(left.status).toBe(200);
    expect(await adminsOf(siteA)).toEqual([USERS.moderatorA.email]);
  });

  it('checks two admins stepping down at the same moment one after the other: the second is refused', async () => {
    const { siteA } = t.server.sites;
    // moderatorA is the only admin now (previous test); helperA2 becomes the second.
    const [mo] = await t.server.db.db.select({ id: users.id }).from(users).where(eq(users.email, USERS.moderatorA.email));
    const [ben] = await t.server.db.db.select({ id: users.id }).from(users).where(eq(users.email, USERS.helperA2.email));
    expect((await call('moderatorA', 'PATCH', `/api/sites/${siteA}/roles/${ben!.id}`, { role: 'admin' })).status).toBe(200);
    const one = new pg.Client({ connectionString: t.databaseUrl });
    const two = new pg.Client({ connectionString: t.databaseUrl });
    await Promise.all([one.connect(), two.connect()]);
    try {
      const demote = 'update memberships set role = $1 where site_id = $2 and user_id = $3';
      await one.query('begin');
      await two.query('begin');
      await one.query(demote, ['helper', siteA, ben!.id]);
      // Each transaction alone still sees the other admin; the second waits on the site's lock, then sees the first gone.
      const second = two.query(demote, ['moderator', siteA, mo!.id]).then(
        () => 'passed',
        (e: { code?: string; constraint?: string }) => `${e.code} ${e.constraint}`,
      );
      await one.query('commit');
      expect(await second).toBe('23514 site_keeps_an_admin');
      await two.query('rollback');
    } finally {
      await Promise.all([one.end(), two.end()]);
    }
    expect(await adminsOf(siteA)).toEqual([USERS.moderatorA.email]);
  });

  it('appoints from the shell, and prints a reset link when mail is off', async () => {
    const env = { DATABASE_URL: t.databaseUrl, PUBLIC_URL: 'https://tribu.example', LOG_LEVEL: 'silent' };
    const appointed = await runOperatorCli(['appoint', 'shop-b', USERS.helperA1.email], env);
    expect(appointed.stdout.trim()).toBe(`Ada <${USERS.helperA1.email}> is now an admin of Shop B (was not a member). They may need to reload the backoffice.`);
    expect(await adminsOf(t.server.sites.siteB)).toEqual([USERS.helperA1.email]);
    const link = await runOperatorCli(['reset-link', USERS.helperA1.email], env);
    const token = /reset-password#([A-Za-z0-9_-]{43})$/m.exec(link.stdout)?.[1] ?? '';
    expect(link.stdout.split('\n')[1]).toBe(`https://tribu.example/backoffice/reset-password#${token}`);
    const reset = await post(base(), '/api/auth/password/reset', { token, password: NEW_PASSWORD });
    expect(reset.status).toBe(204);
  });
});
