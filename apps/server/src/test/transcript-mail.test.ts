import { describe, expect, it } from 'vitest';
import type { Conversation } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, connectVisitor, ok } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { useSmtpInbox } from './support/smtp.ts';
import { confirmVisitorEmail } from './support/visitor-email.ts';

describe.skipIf(!hasPostgres)('transcripts by mail', () => {
  const inbox = useSmtpInbox();
  const t = usePostgresServer({ env: () => ({ SMTP_URL: inbox.url, MAIL_FROM: 'Tribu <no-reply@tribu.test>' }) });

  /** The mail after the confirmation one. */
  async function transcriptTo(address: string) {
    await expect
      .poll(() => inbox.mails.filter((m) => m.subject === 'Your conversation with the Shop A community' && JSON.stringify(m.to).includes(address)).length)
      .toBe(1);
    return inbox.mails.find((m) => m.subject === 'Your conversation with the Shop A community' && JSON.stringify(m.to).includes(address))!;
  }

  async function answeredChat(email: string | undefined, text: string) {
    const helper = await connectHelper(t.server.url, USERS.helperA1.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text,
      ...(email ? { email } : {}),
      page: { url: 'https://shop-a.example/tents/trek-2', title: 'Trek 2 tent' },
    });
    // Tribu mails only a confirmed address: the visitor uses the link first.
    if (email) await confirmVisitorEmail(inbox, t.server.url, email);
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Yes — <b>2.1 kg</b> with the poles.' });
    await ok(visitor.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Perfect, thanks!' });
    return { helper, visitor, conversation };
  }

  it('mails the visitor who left and confirmed an address the whole chat once when it ends, helpers by first name, text escaped', async () => {
    const { visitor, conversation } = await answeredChat('camper@example.com', 'Is the Trek 2 light enough for a week?');
    await ok(visitor.socket, 'conversation:end', { conversationId: conversation.id });
    const mail = await transcriptTo('camper@example.com');
    expect(mail.subject).toBe('Your conversation with the Shop A community');
    expect(mail.text).toContain('> You: Is the Trek 2 light enough for a week?');
    expect(mail.text).toContain('> Ada: Yes — <b>2.1 kg</b> with the poles.');
    expect(mail.text).toContain('> You: Perfect, thanks!');
    expect(mail.text).toContain('https://shop-a.example/tents/trek-2');
    expect(mail.html).toContain('&lt;b&gt;2.1 kg&lt;/b&gt;');
    expect(mail.text).not.toContain(USERS.helperA1.email);
    // Rating the ended chat is another update of it, not a second transcript.
    await ok(visitor.socket, 'conversation:rate', { conversationId: conversation.id, rating: 5 });
    await new Promise((r) => setTimeout(r, 500));
    expect(inbox.mails.filter((m) => m.subject === mail.subject && m.text?.includes('Trek 2 light'))).toHaveLength(1);
  });

  it('sends nothing for a chat whose visitor left no address', async () => {
    const before = inbox.mails.length;
    const { visitor, conversation } = await answeredChat(undefined, 'Does the Trek 2 come in green?');
    await ok(visitor.socket, 'conversation:end', { conversationId: conversation.id });
    await new Promise((r) => setTimeout(r, 500));
    expect(inbox.mails.slice(before).some((m) => m.text?.includes('Trek 2 come in green'))).toBe(false);
  });
});
