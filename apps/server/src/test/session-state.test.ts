import { describe, expect, it } from 'vitest';
import { CSRF_HEADER, type SessionState } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { login } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

describe.skipIf(!hasPostgres)('GET /api/auth/session: who is signed in, asked on every backoffice load', () => {
  const t = usePostgresServer();
  const session = (cookie?: string) => fetch(`${t.server.url}/api/auth/session`, { headers: cookie ? { cookie } : {} });

  it('answers 200 with nobody before sign-in (no failed request for the browser to log), and the person after', async () => {
    const out = await session();
    expect([out.status, await out.json()]).toEqual([200, { me: null }]);
    const { cookie, me } = await login(t.server.url, USERS.helperA1.email);
    const inside = await session(cookie);
    expect(inside.status).toBe(200);
    expect(((await inside.json()) as SessionState).me).toEqual(me);
    // A forged or ended session is nobody too.
    const forged = await session('tribu_session=not-a-session');
    expect(await forged.json()).toEqual({ me: null });
    const bye = await fetch(`${t.server.url}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: t.server.url, [CSRF_HEADER]: me.csrfToken } });
    expect(bye.status).toBe(204);
    expect(await (await session(cookie)).json()).toEqual({ me: null });
  });
});
