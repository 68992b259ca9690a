import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { connectHelper, login } from './support/clients.ts';
import { PASSWORD, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

describe.skipIf(!hasPostgres)('changing my password', () => {
  const t = usePostgresServer();
  const email = USERS.helperB1.email;
  const NEW = 'a much longer passphrase';

  const change = (cookie: string, csrf: string | undefined, body: unknown) =>
    fetch(`${t.server.url}/api/profile/password`, {
      method: 'POST',
      headers: { cookie, origin: t.server.url, 'content-type': 'application/json', ...(csrf ? { [CSRF_HEADER]: csrf } : {}) },
      body: JSON.stringify(body),
    });
  const me = (cookie: string) => fetch(`${t.server.url}/api/auth/me`, { headers: { cookie } });
  const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

  it('refuses a wrong current password, a short new one and a request without the CSRF token, changing nothing', async () => {
    const { cookie, me: who } = await login(t.server.url, email);
    const wrong = await change(cookie, who.csrfToken, { current: 'not my password', next: NEW });
    expect([wrong.status, await message(wrong)]).toEqual([403, 'Your current password is not right']);
    const short = await change(cookie, who.csrfToken, { current: PASSWORD, next: 'short' });
    expect(short.status).toBe(400);
    expect(await message(short)).toContain('at least 10 characters');
    expect((await change(cookie, undefined, { current: PASSWORD, next: NEW })).status).toBe(403);
    expect((await login(t.server.url, email)).me.user.email).toBe(email);
  });

  it('signs out every other session and its live tabs, keeps mine, and takes the new password only', async () => {
    const elsewhere = await connectHelper(t.server.url, email);
    const closed = new Promise<string>((resolve) => elsewhere.socket.once('disconnect', resolve));
    const mine = await connectHelper(t.server.url, email);
    const res = await change(mine.cookie, mine.me.csrfToken, { current: PASSWORD, next: NEW });
    expect(res.status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect(mine.socket.connected).toBe(true);
    expect((await me(elsewhere.cookie)).status).toBe(401);
    expect((await me(mine.cookie)).status).toBe(200);
    await expect(login(t.server.url, email)).rejects.toThrow('401');
    expect((await login(t.server.url, email, NEW)).me.user.email).toBe(email);
  });
});
