import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sites, users } from '@tribu/db';
import type { InvitationSent, MyProfile } from '@tribu/protocol';
import { NAME_TAKEN } from '../modules/community/display-names.ts';
import { usePostgresServer } from './support/app.ts';
import { signedInCaller } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

const ROLE = 'A name cannot look like a role or like Tribu (admin, moderator, staff, support…)';
const INVISIBLE = 'A name cannot contain invisible or text-direction characters';

describe.skipIf(!hasPostgres)('one display-name rule on every path that sets a name', () => {
  const t = usePostgresServer();
  const call = signedInCaller(() => t.server.url);
  const anyone = (path: string, body: unknown) =>
    fetch(`${t.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: t.server.url }, body: JSON.stringify(body) });
  const refusal = async (res: { status: number; data?: unknown } | Response) => {
    const body = res instanceof Response ? await res.json() : res.data;
    return { status: res.status, message: (body as { error: { message: string } }).error.message };
  };

  it.each([
    ['a role in brackets', 'Ben (admin)', ROLE],
    ['a look-alike role word', 'Ben - аdm1n', ROLE],
    ['Tribu itself', 'Tribu Support', ROLE],
    ['a zero-width space', 'Ben\u200B', INVISIBLE],
    ['a right-to-left override', 'Ben\u202Enimda', INVISIBLE],
    ["a peer's name in capitals", 'ADA', NAME_TAKEN],
    ["a peer's name with a digit for a letter", 'B3n', NAME_TAKEN],
    ["a peer's name in full-width letters", 'Ａｄａ', NAME_TAKEN],
    ["a peer's name with a Cyrillic letter", 'Аda', NAME_TAKEN],
  ])('refuses a profile name with %s', async (_what, displayName, message) => {
    const res = await call('moderatorA', 'PATCH', '/api/profile', { displayName });
    expect(await refusal(res)).toEqual({ status: 400, message });
    const [row] = await t.server.db.db.select({ name: users.displayName }).from(users).where(eq(users.email, USERS.moderatorA.email));
    expect(row!.name).toBe('Mo');
  });

  it('stores a profile name normalised (full-width letters, runs of spaces) and lets a person keep their own name', async () => {
    const res = await call<MyProfile>('moderatorA', 'PATCH', '/api/profile', { displayName: 'Ｍｏ   Ｒｉｖｅｒａ' });
    expect(res.status).toBe(200);
    expect(res.data.displayName).toBe('Mo Rivera');
    expect((await call<MyProfile>('moderatorA', 'PATCH', '/api/profile', { displayName: 'MO RIVERA' })).data.displayName).toBe('MO RIVERA');
    // A name taken on another site only is free here: the rule is per shared site.
    expect((await call<MyProfile>('helperA1', 'PATCH', '/api/profile', { displayName: 'Bea' })).status).toBe(200);
  });

  it("refuses an application under a role or a member's name", async () => {
    const base = {
      email: 'new@example.com',
      languages: ['en'],
      why: 'I love these boots and help friends choose them.',
      experience: 'Six years a customer.',
      answers: [],
    };
    expect(await refusal(await anyone('/api/join/shop-a', { ...base, name: 'Shop A Staff' }))).toEqual({ status: 400, message: ROLE });
    expect(await refusal(await anyone('/api/join/shop-a', { ...base, name: 'ben' }))).toEqual({ status: 400, message: NAME_TAKEN });
    expect((await anyone('/api/join/shop-a', { ...base, name: 'Benedict' })).status).toBe(204);
  });

  it("refuses an invitation or a new account under a role or a member's name", async () => {
    const siteA = t.server.sites.siteA;
    await t.server.db.db
      .update(sites)
      .set({ settings: { chatCap: 2 } })
      .where(eq(sites.id, siteA));
    const invite = (name: string, email: string) => call<InvitationSent>('adminA', 'POST', `/api/sites/${siteA}/invitations`, { email, name, role: 'helper' });
    expect(await refusal(await invite('Moderator', 'x@example.com'))).toEqual({ status: 400, message: ROLE });
    const sent = await invite('Cleo', 'cleo@example.com');
    expect(sent.status).toBe(200);
    const token = sent.data.link.split('/backoffice/invite/')[1]!;
    const accept = (displayName: string) => anyone('/api/invitations/accept', { token, password: 'a long enough secret', displayName });
    expect(await refusal(await accept('B e n'))).toEqual({ status: 400, message: NAME_TAKEN });
    expect(await refusal(await accept('Cleo\u2067'))).toEqual({ status: 400, message: INVISIBLE });
    const joined = await accept('Cléo');
    expect(joined.status).toBe(200);
    const [row] = await t.server.db.db.select({ name: users.displayName }).from(users).where(eq(users.email, 'cleo@example.com'));
    expect(row!.name).toBe('Cléo');
  });

  it('refuses a new site whose first admin is named like a role, before making the site', async () => {
    await t.server.db.db.update(users).set({ operator: true }).where(eq(users.email, USERS.adminA.email));
    const res = await call('adminA', 'POST', '/api/operator/sites', {
      name: 'Bikes',
      key: 'bikes',
      allowedOrigins: [],
      adminEmail: 'z@bikes.example',
      adminName: 'Zoé (Tribu)',
    });
    expect(await refusal(res)).toEqual({ status: 400, message: ROLE });
    expect(await t.server.db.db.select().from(sites).where(eq(sites.key, 'bikes'))).toEqual([]);
  });
});
