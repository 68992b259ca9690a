import { asc, eq } from 'drizzle-orm';
import { conversations, messages, sites, users } from '@tribu/db';
import type { Conversation } from '@tribu/protocol';
import { mailBody } from '../../lib/mail-body.ts';
import { pageUrlAsText } from '../../lib/origin.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { langOf, type VisitorEmails } from './visitor-email.service.ts';

type Lang = 'en' | 'fr' | 'es';

const words: Record<
  Lang,
  {
    subject: (b: string) => string;
    hello: string;
    intro: (b: string) => string;
    you: string;
    back: string;
    open: string;
    askedOn: (page: string) => string;
    footer: (b: string) => string;
  }
> = {
  en: {
    subject: (b) => `Your conversation with the ${b} community`,
    hello: 'Hello,',
    intro: (b) => `Here is your conversation with the ${b} community, to keep:`,
    you: 'You',
    back: 'Thank you for asking — come back any time.',
    open: 'Back to the page',
    askedOn: (page) => `You asked on the page ${page}.`,
    footer: (b) => `You receive this once, because you left your address in the ${b} chat.`,
  },
  fr: {
    subject: (b) => `Votre conversation avec la communauté ${b}`,
    hello: 'Bonjour,',
    intro: (b) => `Voici votre conversation avec la communauté ${b}, à conserver :`,
    you: 'Vous',
    back: 'Merci pour votre question — revenez quand vous voulez.',
    open: 'Revenir à la page',
    askedOn: (page) => `Vous avez posé la question sur la page ${page}.`,
    footer: (b) => `Vous recevez ce message une fois, car vous avez laissé votre adresse dans le chat ${b}.`,
  },
  es: {
    subject: (b) => `Tu conversación con la comunidad ${b}`,
    hello: 'Hola:',
    intro: (b) => `Aquí tienes tu conversación con la comunidad ${b}, para guardarla:`,
    you: 'Tú',
    back: 'Gracias por preguntar — vuelve cuando quieras.',
    open: 'Volver a la página',
    askedOn: (page) => `Preguntaste en la página ${page}.`,
    footer: (b) => `Recibes este correo una vez porque dejaste tu dirección en el chat de ${b}.`,
  },
};

/** Long chats are cut, not refused: the mail stays readable and within what SMTP servers accept. */
const MAX_LINES = 200;
const MAX_CHARS = 20_000;

/**
 * A visitor who left an email, and confirmed it, gets the transcript of their chat when it ends
 * (once: a chat closes once), with the helpers' first names only and the page to come back to —
 * linked only on the site's allowed origins. Off the close path.
 */
export class TranscriptMail {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly emails: Pick<VisitorEmails, 'isConfirmed'>,
  ) {}

  /** Called on every conversation update; acts only on the close itself (closed, not yet rated). */
  conversationUpdated(conversation: Conversation): void {
    if (conversation.status !== 'closed' || conversation.rating !== null || !conversation.helper) return;
    if (!this.deps.mailer.configured) return;
    this.send(conversation.id).catch((err: unknown) => this.deps.log.warn({ err, conversationId: conversation.id }, 'transcript mail failed'));
  }

  /** Sends the transcript when the visitor left an address and a helper answered. Returns whether it sent. */
  async send(conversationId: string): Promise<boolean> {
    const [row] = await this.deps.db
      .select({
        email: conversations.visitorEmail,
        visitorId: conversations.visitorId,
        pageUrl: conversations.pageUrl,
        locale: conversations.locale,
        siteId: conversations.siteId,
        brand: sites.name,
      })
      .from(conversations)
      .innerJoin(sites, eq(sites.id, conversations.siteId))
      .where(eq(conversations.id, conversationId))
      .limit(1);
    if (!row?.email || !(await this.emails.isConfirmed(row.visitorId, row.email))) return false;
    const lines = await this.deps.db
      .select({ kind: messages.authorKind, text: messages.text, name: users.displayName })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorId))
      .where(eq(messages.conversationId, conversationId))
      .orderBy(asc(messages.seq))
      .limit(MAX_LINES + 1);
    if (!lines.some((l) => l.kind === 'helper')) return false;
    const w = words[langOf(row.locale)];
    let transcript = lines
      .slice(0, MAX_LINES)
      .filter((l) => l.kind !== 'system')
      .map((l) => `${l.kind === 'visitor' ? w.you : (l.name ?? 'Helper').split(' ')[0]}: ${l.text}`)
      .join('\n');
    if (transcript.length > MAX_CHARS || lines.length > MAX_LINES) transcript = `${transcript.slice(0, MAX_CHARS)}\n…`;
    const link = await this.deps.conversationRepo.pages.link(row.siteId, row.pageUrl);
    const body = mailBody({
      greeting: w.hello,
      paragraphs: [w.intro(row.brand)],
      quote: transcript,
      closing: [w.back, ...(row.pageUrl && !link ? [w.askedOn(pageUrlAsText(row.pageUrl))] : [])],
      action: link ? { label: w.open, url: link } : undefined,
      footer: w.footer(row.brand),
    });
    return this.deps.mailer.send({ to: row.email, subject: w.subject(row.brand), ...body });
  }
}
