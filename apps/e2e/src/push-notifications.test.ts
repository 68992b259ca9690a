import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { personPage, screenshot } from './support/browser.ts';
import { launcher, signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

interface Shown {
  title: string;
  body: string;
  tag: string;
  url: string | undefined;
}

/**
 * The backoffice as an installed app in a real Chromium: its service worker is registered, shows a
 * Web Push message it is given (delivered through the DevTools protocol, as a push service would),
 * answers with the offline page without a network, and a tapped push's address opens that request.
 */
describe.skipIf(!hasChromium)('notifications on this device (service worker, Web Push display, offline page)', () => {
  const s = useScenario();
  const url = () => s.server.url;

  it('registers the service worker, which shows a pushed message with its link', async () => {
    await signIn(s.helper, url(), 'helper1@demo.tribu');
    const scope = await s.helper.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${url()}/backoffice`);
    await s.helper.context().grantPermissions(['notifications'], { origin: url() });

    const cdp = await s.helper.context().newCDPSession(s.helper);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
        const r = e.registrations.find((x) => x.scopeURL === `${url()}/backoffice` && !x.isDeleted);
        if (r) resolve(r.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const payload = {
      title: 'A visitor is waiting on Alpine Outfitters',
      body: '“Is the Summit jacket warm enough?”',
      url: '/backoffice/?request=abc',
      tag: 'request-abc',
    };
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: url(), registrationId: await registrationId, data: JSON.stringify(payload) });

    const shown = async () =>
      s.helper.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        return (await reg.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: (n.data as { url?: string } | null)?.url }));
      });
    await expect
      .poll(shown, { timeout: 10_000 })
      .toEqual([{ title: payload.title, body: payload.body, tag: 'request-abc', url: '/backoffice/?request=abc' } satisfies Shown]);
    // A link outside the backoffice is never followed: the desk opens instead.
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: url(),
      registrationId: await registrationId,
      data: JSON.stringify({ title: 'Elsewhere', body: 'x', url: 'https://evil.example/', tag: 'other' }),
    });
    await expect.poll(async () => (await shown()).find((n) => n.tag === 'other')?.url, { timeout: 25_000 }).toBe('/backoffice/');
    // A tap: the worker steers the open desk to the request (what its notificationclick handler runs).
    const worker = s.helper
      .context()
      .serviceWorkers()
      .find((w) => w.url().endsWith('/backoffice/sw.js'));
    expect(worker).toBeDefined();
    await worker!.evaluate((path) => (self as unknown as { openOnDesk: (p: string) => Promise<unknown> }).openOnDesk(path), '/backoffice/?request=abc');
    await expect.poll(() => s.helper.url()).toBe(`${url()}/backoffice/?request=abc`);
    await worker!.evaluate((path) => (self as unknown as { openOnDesk: (p: string) => Promise<unknown> }).openOnDesk(path), 'https://evil.example/');
    await expect.poll(() => s.helper.url()).toBe(`${url()}/backoffice/`);
  });

  it('shows the offline page for a backoffice address when there is no network', async () => {
    await s.helper.context().setOffline(true);
    await s.helper.goto(`${url()}/backoffice/profile`).catch(() => undefined);
    await s.helper.getByRole('heading', { name: 'You are offline' }).waitFor();
    await screenshot(s.helper, 'pwa-offline-1440');
    for (const colorScheme of ['light', 'dark'] as const) {
      await s.helper.emulateMedia({ colorScheme });
      expect([colorScheme, await seriousViolations(s.helper)]).toEqual([colorScheme, []]);
    }
    await screenshot(s.helper, 'pwa-offline-dark-1440');
    await s.helper.emulateMedia({ colorScheme: 'light' });
    await s.helper.context().setOffline(false);
  });

  it('offers notifications on this device on the profile, with quiet hours kept in my time zone', async () => {
    await s.helper.goto(`${url()}/backoffice/profile`);
    const section = s.helper.getByRole('region', { name: 'Notifications on this device' });
    await section.getByText('Off for this device').waitFor();
    // A controlled box: it shows checked once the server kept the choice.
    await section.getByRole('checkbox', { name: /Quiet hours/ }).click();
    await section.getByText('Saved.').waitFor();
    expect(await section.getByRole('checkbox', { name: /Quiet hours/ }).isChecked()).toBe(true);
    await section.getByLabel('From').fill('21:30');
    await expect
      .poll(async () => (await s.helper.evaluate(() => fetch('/api/push/config').then((r) => r.json()))) as unknown)
      .toMatchObject({
        prefs: { quietHours: { start: '21:30', end: '08:00' } },
      });
    await s.helper.reload();
    await expect.poll(() => section.getByLabel('From').inputValue()).toBe('21:30');
    // No mail server in this scenario: the email instead of push says why it cannot be chosen.
    expect(await section.getByRole('checkbox', { name: /email me when visitors wait/ }).isDisabled()).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await screenshot(s.helper, 'profile-device-notifications-1440');
    expect(await seriousViolations(s.helper)).toEqual([]);
    await s.helper.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(s.helper)).toEqual([]);
    await s.helper.emulateMedia({ colorScheme: 'light' });
    await s.helper.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await screenshot(s.helper, 'profile-device-notifications-390');
    expect(await seriousViolations(s.helper)).toEqual([]);
    await s.helper.setViewportSize({ width: 1440, height: 900 });
  });

  it('opens the desk on the request a push was about, ready to take it', async () => {
    const QUESTION = 'Does the Summit jacket fit over a fleece?';
    // The request's id, as a push carries it: read from what the desk's socket receives.
    const seen: string[] = [];
    s.helper.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        const text = typeof payload === 'string' ? payload : payload.toString();
        if (!text.includes(QUESTION)) return;
        const id = text
          .split('"conversationId":"')
          .slice(1)
          .find((part) => part.includes(QUESTION))
          ?.slice(0, 36);
        if (id) seen.push(id);
      }),
    );
    await s.helper.goto(`${url()}/backoffice`);
    const board = s.helper.getByRole('region', { name: 'Incoming requests' });
    await board.waitFor();
    await s.visitor.goto(`${url()}/demo`);
    await launcher(s.visitor).click();
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill(QUESTION);
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    await board.getByText(QUESTION).waitFor();
    await expect.poll(() => seen.length).toBeGreaterThan(0);

    // The tap: the service worker opens (or steers a desk tab to) this address.
    await s.helper.goto(`${url()}/backoffice/?request=${seen[0]}`);
    const called = s.helper.getByRole('region', { name: 'The request you were called about' });
    await called.getByText(QUESTION).waitFor();
    await screenshot(s.helper, 'desk-pushed-request-1440');
    expect(await seriousViolations(s.helper)).toEqual([]);
    await s.helper.setViewportSize({ width: 390, height: 844 });
    await screenshot(s.helper, 'desk-pushed-request-390');
    await s.helper.setViewportSize({ width: 1440, height: 900 });
    await called.getByRole('button', { name: 'Take it' }).click();
    await s.helper.getByRole('textbox', { name: 'Reply' }).waitFor();
    expect(await called.count()).toBe(0);
    expect(new URL(s.helper.url()).searchParams.get('request')).toBeNull();
  });

  it('lets the admin set how long a request waits before helpers are called, and shows managers what pushes brought', async () => {
    const admin = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(admin, url(), 'admin@demo.tribu');
    await admin.goto(`${url()}/backoffice/manage/site`);
    const calling = admin.getByRole('region', { name: 'Calling helpers' });
    await calling.getByLabel('Call helpers after a request waits (seconds)').fill('45');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await admin.reload();
    await expect.poll(() => calling.getByLabel('Call helpers after a request waits (seconds)').inputValue()).toBe('45');
    await calling.scrollIntoViewIfNeeded();
    await screenshot(admin, 'site-settings-calling-helpers-1440');
    expect(await seriousViolations(admin)).toEqual([]);

    await admin.goto(`${url()}/backoffice/manage/numbers`);
    const card = admin.getByRole('region', { name: 'Answered after a push' });
    await card.getByText('Requests pushed').waitFor({ timeout: 45_000 }); // Numbers counts a demo month first
    await card.scrollIntoViewIfNeeded();
    await screenshot(admin, 'numbers-answered-after-push-1440');
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(admin, 'numbers-answered-after-push-390');
    await admin.close();
  }, 120_000);
});
