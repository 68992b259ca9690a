import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Conversation, ConversationDetails, PageViewed, QueueItem, VisitorEmailConfirmed, WidgetState } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, connectVisitor, next, ok } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { useSmtpInbox } from './support/smtp.ts';
import { CONFIRM_SUBJECT_SHOP_A, confirmEmail, confirmationToken } from './support/visitor-email.ts';

const settle = () => new Promise((r) => setTimeout(r, 600));

describe.skipIf(!hasPostgres)('a visitor is mailed only at an address they confirmed', () => {
  const inbox = useSmtpInbox();
  const t = usePostgresServer({ env: () => ({ SMTP_URL: inbox.url, MAIL_FROM: 'Tribu <no-reply@tribu.test>' }) });
  // One helper takes every chat of this file.
  beforeAll(async () => {
    await t.server.db.db.execute(sql`update sites set settings = settings || '{"chatCap": 20}'::jsonb`);
  });
  const mailsTo = (address: string) => inbox.mails.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '').toLowerCase().includes(address));

  async function chat(email: string, text: string, pageUrl = 'https://shop-a.example/tents/trek-2') {
    const helper = await connectHelper(t.server.url, USERS.helperA1.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const queued = next<QueueItem>(helper.socket, 'queue:added', (q) => q.question === text);
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text,
      email,
      page: { url: pageUrl, title: 'Trek 2 tent' },
    });
    return { helper, visitor, conversation, queued: await queued };
  }

  async function answerAway(c: Awaited<ReturnType<typeof chat>>, end: boolean) {
    c.visitor.socket.disconnect();
    const claimed = await ok<{ conversation: Conversation }>(c.helper.socket, 'conversation:claim', { conversationId: c.conversation.id });
    await ok(c.helper.socket, 'message:send', { conversationId: c.conversation.id, clientId: clientId(), text: 'Yes: 2.1 kg with the poles.' });
    if (end) await ok(c.helper.socket, 'conversation:end', { conversationId: c.conversation.id });
    return claimed.conversation;
  }

  it('tells the widget that visitors are mailed, so it can say to check the inbox', async () => {
    const state = (await (await fetch(`${t.server.url}/api/widget/shop-a`)).json()) as WidgetState;
    expect(state.mailsVisitors).toBe(true);
  });

  it('sends an unconfirmed address only the confirmation mail: our words, no visitor text, no visitor link; no answer, no transcript', async () => {
    const c = await chat('stranger@example.com', 'Buy cheap pills at https://evil.example/pills now');
    await answerAway(c, true);
    const mail = await inbox.mailTo('stranger@example.com');
    await settle();
    expect(mailsTo('stranger@example.com').map((m) => m.subject)).toEqual([CONFIRM_SUBJECT_SHOP_A]);
    expect(mail.text).toContain('This address was given in the Shop A chat, to be told by mail of an answer.');
    expect(mail.text).not.toContain('pills');
    expect(mail.text).not.toContain('evil.example');
    expect(mail.text).not.toContain('shop-a.example');
    expect(mail.html).not.toContain('pills');
    expect(mail.html).not.toContain('shop-a.example');
    const links = [...String(mail.html || '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual([expect.stringMatching(/^http:\/\/localhost:\d+\/backoffice\/confirm-email#[A-Za-z0-9_-]{43}$/)]);
  });

  it('sends the transcript that waited once the link is used, and refuses the link a second time', async () => {
    const c = await chat('camper@example.com', 'Is the Trek 2 light enough for a week?');
    await answerAway(c, true);
    const token = confirmationToken(await inbox.mailTo('camper@example.com'));
    await settle();
    expect(mailsTo('camper@example.com')).toHaveLength(1);

    const res = await confirmEmail(t.server.url, token);
    expect(res.status).toBe(200);
    expect(((await res.json()) as VisitorEmailConfirmed).site.name).toBe('Shop A');
    const transcript = await (async () => {
      for (let i = 0; i < 50 && mailsTo('camper@example.com').length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      return mailsTo('camper@example.com')[1]!;
    })();
    expect(transcript.subject).toBe('Your conversation with the Shop A community');
    expect(transcript.text).toContain('> You: Is the Trek 2 light enough for a week?');
    expect(transcript.html).toContain('href="https://shop-a.example/tents/trek-2"');

    const again = await confirmEmail(t.server.url, token);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toBe('This confirmation link was already used.');
    await settle();
    expect(mailsTo('camper@example.com')).toHaveLength(2);
  });

  it('sends the answer mail after a confirmation made before the answer', async () => {
    const c = await chat('early@example.com', 'Do you ship to Norway?');
    await confirmEmail(t.server.url, confirmationToken(await inbox.mailTo('early@example.com')));
    await answerAway(c, false);
    for (let i = 0; i < 50 && mailsTo('early@example.com').length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(mailsTo('early@example.com').map((m) => m.subject)).toEqual([CONFIRM_SUBJECT_SHOP_A, 'You have an answer from the Shop A community']);
  });

  it('refuses an expired link and an unknown one', async () => {
    const c = await chat('late@example.com', 'Any discount for groups?');
    const token = confirmationToken(await inbox.mailTo('late@example.com'));
    await t.server.db.db.execute(sql`update visitor_email_confirmations set expires_at = now() - interval '1 minute' where email = 'late@example.com'`);
    const expired = await confirmEmail(t.server.url, token);
    expect(expired.status).toBe(409);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toBe(
      'This confirmation link has expired. Give your email in the chat again to get a new one.',
    );
    const unknown = await confirmEmail(t.server.url, 'x'.repeat(43));
    expect(unknown.status).toBe(404);
    await answerAway(c, true);
    await settle();
    expect(mailsTo('late@example.com')).toHaveLength(1);
  });

  it('sends one confirmation per visitor and address, and at most three a day to one address', async () => {
    const helper = await connectHelper(t.server.url, USERS.helperA1.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const first = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'First question',
      email: 'once@example.com',
    });
    await inbox.mailTo('once@example.com');
    await ok(helper.socket, 'conversation:claim', { conversationId: first.conversation.id });
    await ok(helper.socket, 'conversation:end', { conversationId: first.conversation.id });
    await ok(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Second question', email: 'once@example.com' });
    await settle();
    expect(mailsTo('once@example.com')).toHaveLength(1);

    for (let i = 0; i < 5; i++) {
      const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
      await ok(v.socket, 'conversation:start', { clientId: clientId(), text: `Flood ${i}`, email: 'victim@example.com' });
    }
    await settle();
    expect(mailsTo('victim@example.com')).toHaveLength(3);
  });

  it("shows a page outside the site's origins as plain text: to the desk, in the trail and in the mail", async () => {
    const c = await chat('shopper@example.com', 'Is this the real shop?', 'https://evil.example/win?prize=1');
    expect(c.queued.page?.url).toBe('evil.example/win?prize=1');
    await confirmEmail(t.server.url, confirmationToken(await inbox.mailTo('shopper@example.com')));
    const claimed = await answerAway(c, false);
    expect(claimed.page?.url).toBe('evil.example/win?prize=1');
    const details = await ok<ConversationDetails>(c.helper.socket, 'conversation:details', { conversationId: c.conversation.id });
    expect(details.trail.map((p) => p.url)).toEqual(['evil.example/win?prize=1']);

    for (let i = 0; i < 50 && mailsTo('shopper@example.com').length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    const answer = mailsTo('shopper@example.com')[1]!;
    expect(answer.subject).toBe('You have an answer from the Shop A community');
    expect(answer.text).toContain('You asked on the page evil.example/win?prize=1.');
    expect(answer.text).not.toContain('https://evil.example');
    expect(answer.html).not.toContain('href="https://evil.example');
    expect([...String(answer.html || '').matchAll(/href="([^"]+)"/g)]).toEqual([]);
  });

  it("sends a page view off the site's origins to the desk as text, and one on them as a link", async () => {
    const c = await chat('viewer@example.com', 'Which size for me?');
    await ok(c.helper.socket, 'conversation:claim', { conversationId: c.conversation.id });
    const off = next<PageViewed>(c.helper.socket, 'page:viewed', (p) => p.conversationId === c.conversation.id);
    await ok(c.visitor.socket, 'page:view', { conversationId: c.conversation.id, page: { url: 'https://evil.example/login', title: 'Sign in' } });
    expect((await off).page.url).toBe('evil.example/login');
    const on = next<PageViewed>(c.helper.socket, 'page:viewed', (p) => p.conversationId === c.conversation.id);
    await ok(c.visitor.socket, 'page:view', { conversationId: c.conversation.id, page: { url: 'https://shop-a.example/size-guide', title: 'Sizes' } });
    expect((await on).page.url).toBe('https://shop-a.example/size-guide');
  });

  it('forgets the addresses a visitor confirmed when they erase their data', async () => {
    const c = await chat('forget-me@example.com', 'Do you repair zips?');
    await confirmEmail(t.server.url, confirmationToken(await inbox.mailTo('forget-me@example.com')));
    const kept = async () =>
      (
        (await t.server.db.db.execute(
          sql`select count(*)::int as n from visitor_email_confirmations where visitor_id = ${c.visitor.visitorId}`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0]!.n;
    expect(await kept()).toBe(1);
    const erased = await fetch(`${t.server.url}/api/visitor/erase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN_A },
      body: JSON.stringify({ siteKey: 'shop-a', visitorId: c.visitor.visitorId, token: c.visitor.token }),
    });
    expect(erased.status).toBe(200);
    expect(await kept()).toBe(0);
  });
});
