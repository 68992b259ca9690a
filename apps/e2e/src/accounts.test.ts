import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
// A real SMTP server on a loopback port: the same support the server's suites use.
import { useSmtpInbox } from '../../server/src/test/support/smtp.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { DEMO_PASSWORD, signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

/** RFC 6238 (SHA-1, 6 digits, 30 s), written out here so the test checks the server's codes independently. */
function totp(base32: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

describe.skipIf(!hasChromium)('accounts in the backoffice: forgotten password and two-step sign-in', () => {
  const inbox = useSmtpInbox();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let desk: Page;
  let phone: Page;
  beforeAll(async () => {
    server = await startServer({ SMTP_URL: inbox.url });
    browser = await launchBrowser();
    desk = await personPage(browser, { width: 1440, height: 900 });
    phone = await personPage(browser, { width: 390, height: 844 });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  it('sets a new password from the sign-in page through the mailed link, then signs in with it', async () => {
    const email = 'helper2@demo.tribu';
    await desk.goto(`${server!.url}/backoffice`);
    await desk.getByRole('link', { name: 'Forgot password?' }).click();
    await desk.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await desk.getByRole('textbox', { name: 'Email' }).fill(email);
    await screenshot(desk, 'forgot-password-1440');
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.getByRole('button', { name: 'Send me a link' }).click();
    await desk.getByRole('status').getByText('If an account uses this email').waitFor();
    await screenshot(desk, 'forgot-password-sent-1440');
    const mail = await inbox.mailTo(email, 10_000);
    const link = /(http:\/\/\S+\/backoffice\/reset-password#[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    expect(link?.startsWith(`${server!.url}/backoffice/reset-password#`)).toBe(true);
    await desk.goto(link!);
    await desk.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await desk.getByLabel('New password').fill('my new passphrase 42');
    await desk.getByLabel('The same again').fill('my new passphrase 42');
    await screenshot(desk, 'reset-password-1440');
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.getByRole('button', { name: 'Save the new password' }).click();
    await desk.getByRole('status').getByText('Your password is changed').waitFor();
    // The spent token leaves the address bar.
    expect(new URL(desk.url()).hash).toBe('');
    await desk.getByRole('link', { name: 'Sign in' }).click();
    await desk.getByRole('textbox', { name: 'Email' }).fill(email);
    await desk.getByLabel('Password').fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.getByRole('alert').getByText('Wrong email or password').waitFor();
    await desk.getByLabel('Password').fill('my new passphrase 42');
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.getByRole('region', { name: 'Incoming requests' }).waitFor();
  });

  it('shows the recovery screens on a phone', async () => {
    await phone.goto(`${server!.url}/backoffice/forgot-password`);
    await phone.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await screenshot(phone, 'forgot-password-390');
    await phone.goto(`${server!.url}/backoffice/reset-password#not-a-real-token-but-long-enough`);
    await phone.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await phone.getByLabel('New password').fill('another passphrase');
    await phone.getByLabel('The same again').fill('another passphrase');
    await phone.getByRole('button', { name: 'Save the new password' }).click();
    await phone.getByRole('alert').getByText('This link has expired or was already used').waitFor();
    await screenshot(phone, 'reset-password-refused-390');
  });

  it('sets up two-step sign-in from the profile, then asks for the code when signing in', async () => {
    const email = 'helper3@demo.tribu';
    await signIn(phone, server!.url, email);
    await phone.goto(`${server!.url}/backoffice/profile`);
    await phone.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await phone.getByRole('img', { name: 'QR code to add Tribu to an authenticator app' }).waitFor();
    const secret = (await phone.locator('.two-factor .secret').textContent()) ?? '';
    expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
    await phone.getByRole('heading', { name: 'Two-step sign-in' }).scrollIntoViewIfNeeded();
    await screenshot(phone, 'two-factor-setup-390');
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.getByLabel('2. Type the 6-digit code the app shows').fill('000000');
    await phone.getByRole('button', { name: 'Turn on', exact: true }).click();
    await phone.getByRole('alert').getByText('That code is not right').waitFor();
    await phone.getByLabel('2. Type the 6-digit code the app shows').fill(totp(secret));
    await phone.getByRole('button', { name: 'Turn on', exact: true }).click();
    const codes = phone.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect.poll(() => codes.count()).toBe(10);
    await screenshot(phone, 'two-factor-recovery-codes-390');
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.getByRole('button', { name: 'I have saved them' }).click();
    await phone.getByText('On. 10 recovery codes left.').waitFor();

    // Signing in on the desk now takes the password, then a code.
    await desk.goto(`${server!.url}/backoffice`);
    await desk.getByRole('button', { name: 'Sign out' }).click();
    await desk.getByRole('textbox', { name: 'Email' }).fill(email);
    await desk.getByLabel('Password').fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    expect(await desk.getByRole('region', { name: 'Incoming requests' }).count()).toBe(0);
    await desk.getByRole('textbox', { name: 'Code' }).fill('123456');
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.getByRole('alert').getByText('That code is not right').waitFor();
    await screenshot(desk, 'two-factor-code-1440');
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.setViewportSize({ width: 390, height: 844 });
    await screenshot(desk, 'two-factor-code-390');
    await desk.setViewportSize({ width: 1440, height: 900 });
    // The code that turned it on is spent; the next one (the app shows it within 30 s) is accepted.
    await desk.getByRole('textbox', { name: 'Code' }).fill(totp(secret, Date.now() + 30_000));
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.getByRole('region', { name: 'Incoming requests' }).waitFor();
    await desk.goto(`${server!.url}/backoffice/profile`);
    await desk.getByText('On. 10 recovery codes left.').waitFor();
    await desk.getByRole('heading', { name: 'Two-step sign-in' }).scrollIntoViewIfNeeded();
    await screenshot(desk, 'two-factor-profile-1440');
  });

  it('lets a site ask its managers for two-step sign-in, and the operator appoint an admin', async () => {
    const admin = await personPage(browser!, { width: 1440, height: 900 });
    await signIn(admin, server!.url, 'admin@demo.tribu');
    // The admin who asks it of the managers must use it first.
    await admin.goto(`${server!.url}/backoffice/manage/site`);
    const ask = admin.getByRole('checkbox', { name: /Ask managers and admins for two-step sign-in/ });
    await ask.check();
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Turn on two-step sign-in for yourself first').first().waitFor();
    await ask.scrollIntoViewIfNeeded();
    await screenshot(admin, 'site-setting-two-factor-refused-1440');
    await admin.setViewportSize({ width: 390, height: 844 });
    await ask.scrollIntoViewIfNeeded();
    await screenshot(admin, 'site-setting-two-factor-refused-390');
    await admin.setViewportSize({ width: 1440, height: 900 });
    await admin.goto(`${server!.url}/backoffice/profile`);
    await admin.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const secret = (await admin.locator('.two-factor .secret').textContent()) ?? '';
    await admin.getByLabel('2. Type the 6-digit code the app shows').fill(totp(secret));
    await admin.getByRole('button', { name: 'Turn on', exact: true }).click();
    await admin.getByRole('button', { name: 'I have saved them' }).click();
    await admin.goto(`${server!.url}/backoffice/manage/site`);
    await ask.check();
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Saved').first().waitFor();

    // A manager without it is told, and helps as a helper until they set it up.
    for (const [page, width] of [
      [await personPage(browser!, { width: 390, height: 844 }), 390],
      [await personPage(browser!, { width: 1440, height: 900 }), 1440],
    ] as const) {
      await signIn(page, server!.url, 'manager@demo.tribu');
      const banner = page.getByRole('status', { name: 'Two-step sign-in required' });
      await banner.getByText('asks managers to use two-step sign-in').waitFor();
      await screenshot(page, `two-factor-required-banner-${width}`);
      await page.context().close();
    }

    // The operator appoints an admin from the operator page.
    await admin.goto(`${server!.url}/backoffice/operator`);
    await admin.getByText('Appoint an admin').first().click();
    await admin
      .getByRole('textbox', { name: /Email of the new admin of/ })
      .first()
      .fill('helper1@demo.tribu');
    await admin.getByRole('button', { name: 'Make admin' }).first().click();
    await admin
      .getByRole('status')
      .getByText(/is now an admin of/)
      .waitFor();
    await screenshot(admin, 'operator-appoint-admin-1440');
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.setViewportSize({ width: 390, height: 844 });
    await screenshot(admin, 'operator-appoint-admin-390');
    await admin.context().close();
  });
});
