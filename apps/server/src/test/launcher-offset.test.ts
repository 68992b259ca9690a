import { describe, expect, it } from 'vitest';
import type { SiteSettingsView, WidgetState } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { login } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

describe.skipIf(!hasPostgres)("the launcher's offset and theme, set by the site's admin, reach the widget", () => {
  const t = usePostgresServer();

  it('answers 20 px by default, the admin’s offset once saved, and refuses one off the page', async () => {
    const { siteA } = t.server.sites;
    const { cookie, me } = await login(t.server.url, USERS.adminA.email);
    const patch = (body: unknown) =>
      fetch(`${t.server.url}/api/sites/${siteA}/settings`, {
        method: 'PATCH',
        headers: { cookie, origin: t.server.url, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const widget = async () => ((await (await fetch(`${t.server.url}/api/widget/shop-a`)).json()) as WidgetState).theme;
    expect(await widget()).toMatchObject({ offset: 20, mode: 'auto' });

    const saved = await patch({ launcherOffset: 72, themeMode: 'light' });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as SiteSettingsView).settings).toMatchObject({ launcherOffset: 72, themeMode: 'light' });
    expect(await widget()).toMatchObject({ offset: 72, mode: 'light' });

    const tooFar = await patch({ launcherOffset: 301 });
    expect([tooFar.status, ((await tooFar.json()) as { error: { fields: Record<string, string> } }).error.fields]).toEqual([
      400,
      { launcherOffset: 'At most 300 pixels' },
    ]);
    expect(await widget()).toMatchObject({ offset: 72 });
  });
});
