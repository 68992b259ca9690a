import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { seriousViolations } from './support/axe.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';
import { startSmtpSink } from './support/smtp-sink.ts';

// A visitor leaves an address with a question; Tribu mails only a confirmation link until it is used.
describe.skipIf(!hasChromium)('a visitor confirms their email before Tribu mails them', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let server: RunningServer;
  let browser: Browser;
  let visitor: Page;
  let link = '';
  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startServer({ SMTP_URL: smtp.url });
    browser = await launchBrowser();
    visitor = await personPage(browser, { width: 390, height: 844 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });
  printServerOutputOnFailure(() => server);

  const mailsTo = (address: string) => smtp.mails.filter((m) => m.includes(`To: ${address}`));

  it('tells the visitor to check their inbox, and mails only the confirmation', async () => {
    await visitor.goto(`${server.url}/demo`);
    await visitor.getByRole('button', { name: 'Chat with the community' }).click();
    await visitor.getByRole('textbox', { name: /Your email/ }).fill('walker@example.com');
    await visitor.getByRole('textbox', { name: 'Your message' }).fill('Is the merino jacket warm enough for -10 °C?');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor.getByText('Check your inbox to confirm walker@example.com: we mail you the answer only once you confirm.').waitFor();
    await screenshot(visitor, 'widget-confirm-email-phone');
    await expect.poll(() => mailsTo('walker@example.com').length, { timeout: 10_000 }).toBe(1);
    const mail = mailsTo('walker@example.com')[0]!;
    expect(mail).toContain('Subject: Confirm your email for the Alpine Threads community');
    expect(mail).not.toContain('merino');
    link = /http:\/\/[^\s"<]+\/backoffice\/confirm-email#[A-Za-z0-9_-]{43}/.exec(mail)![0];
  });

  const openLink = async (width: number, height: number) => {
    const page = await personPage(browser, { width, height });
    await page.goto(link);
    await page.getByRole('button', { name: 'Confirm my email' }).waitFor();
    await screenshot(page, `confirm-email-${width}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    return page;
  };

  it('confirms the address on a button press (1440 px)', async () => {
    const page = await openLink(1440, 900);
    await page.getByRole('status').getByText('Your email is confirmed. The Alpine Threads community will write to you there').waitFor();
    await screenshot(page, 'confirm-email-done-1440');
    await page.close();
  });

  it('refuses the used link with a clear message (390 px)', async () => {
    const page = await openLink(390, 844);
    await page.getByRole('alert').getByText('This confirmation link was already used.').waitFor();
    await screenshot(page, 'confirm-email-used-390');
    await page.close();
  });
});
