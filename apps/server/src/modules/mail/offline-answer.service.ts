import { and, asc, eq, lt } from 'drizzle-orm';
import { conversations, messages, sites, users } from '@tribu/db';
import type { Message } from '@tribu/protocol';
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
    answered: (who: string, b: string) => string;
    back: string;
    open: string;
    askedOn: (page: string) => string;
    footer: (b: string) => string;
  }
> = {
  en: {
    subject: (b) => `You have an answer from the ${b} community`,
    hello: 'Hello,',
    answered: (who, b) => `${who}, a member of the ${b} community, answered your question:`,
    back: 'Come back to the page to read the whole answer and carry on the conversation.',
    open: 'Read the answer',
    askedOn: (page) => `You asked on the page ${page}.`,
    footer: (b) => `You receive this mail once, because you left your address in the ${b} chat to be told of an answer.`,
  },
  fr: {
    subject: (b) => `Vous avez une réponse de la communauté ${b}`,
    hello: 'Bonjour,',
    answered: (who, b) => `${who}, membre de la communauté ${b}, a répondu à votre question :`,
    back: 'Revenez sur la page pour lire toute la réponse et poursuivre la conversation.',
    open: 'Lire la réponse',
    askedOn: (page) => `Vous avez posé la question sur la page ${page}.`,
    footer: (b) => `Vous recevez ce message une seule fois, car vous avez laissé votre adresse dans le chat ${b} pour être prévenu d'une réponse.`,
  },
  es: {
    subject: (b) => `Tienes una respuesta de la comunidad ${b}`,
    hello: 'Hola:',
    answered: (who, b) => `${who}, miembro de la comunidad ${b}, ha respondido a tu pregunta:`,
    back: 'Vuelve a la página para leer toda la respuesta y seguir la conversación.',
    open: 'Leer la respuesta',
    askedOn: (page) => `Preguntaste en la página ${page}.`,
    footer: (b) => `Recibes este correo una sola vez porque dejaste tu dirección en el chat de ${b} para saber cuándo te respondían.`,
  },
};

const excerpt = (text: string) => (text.length > 500 ? `${text.slice(0, 497)}…` : text);

/**
 * A visitor who left an email, and confirmed it, gets one mail when a helper first answers while
 * the visitor has no widget open: the brand, the helper's first name and the answer, and the page
 * to come back to — linked only when it is on the site's allowed origins, else as plain words.
 */
export class OfflineAnswerMail {
  constructor(
    private readonly deps: ModuleDeps,
    /** Whether the visitor has a widget socket open on any node. */
    private readonly visitorOnline: (visitorId: string) => Promise<boolean>,
    private readonly emails: Pick<VisitorEmails, 'isConfirmed'>,
  ) {}

  /** Called on every relayed message; returns at once, the work runs on its own (failures logged). */
  messageCreated(visitorId: string, message: Message): void {
    if (message.author !== 'helper' || !this.deps.mailer.configured) return;
    this.maybeSend(visitorId, message).catch((err: unknown) =>
      this.deps.log.warn({ err, conversationId: message.conversationId }, 'offline answer mail failed'),
    );
  }

  /** The mail that waited for the address to be confirmed: the chat's first answer, if there is one yet. */
  async afterConfirmation(visitorId: string, conversationId: string): Promise<boolean> {
    const [first] = await this.deps.db
      .select({ seq: messages.seq, text: messages.text, name: users.displayName })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorId))
      .where(and(eq(messages.conversationId, conversationId), eq(messages.authorKind, 'helper')))
      .orderBy(asc(messages.seq))
      .limit(1);
    if (!first) return false;
    return this.maybeSend(visitorId, { conversationId, seq: first.seq, text: first.text, authorName: first.name });
  }

  /** Sends when this is the helper's first answer, the visitor confirmed their email and is away. Returns whether it sent. */
  async maybeSend(visitorId: string, message: Pick<Message, 'conversationId' | 'seq' | 'text' | 'authorName'>): Promise<boolean> {
    const [row] = await this.deps.db
      .select({
        email: conversations.visitorEmail,
        pageUrl: conversations.pageUrl,
        locale: conversations.locale,
        siteId: conversations.siteId,
        brand: sites.name,
      })
      .from(conversations)
      .innerJoin(sites, eq(sites.id, conversations.siteId))
      .where(and(eq(conversations.id, message.conversationId), eq(conversations.visitorId, visitorId)))
      .limit(1);
    if (!row?.email) return false;
    const [earlier] = await this.deps.db
      .select({ seq: messages.seq })
      .from(messages)
      .where(and(eq(messages.conversationId, message.conversationId), eq(messages.authorKind, 'helper'), lt(messages.seq, message.seq)))
      .limit(1);
    if (earlier) return false;
    if (!(await this.emails.isConfirmed(visitorId, row.email))) return false;
    if (await this.visitorOnline(visitorId)) return false;
    const w = words[langOf(row.locale)];
    const who = (message.authorName ?? 'A helper').split(' ')[0]!;
    const link = await this.deps.conversationRepo.pages.link(row.siteId, row.pageUrl);
    const body = mailBody({
      greeting: w.hello,
      paragraphs: [w.answered(who, row.brand)],
      quote: excerpt(message.text),
      closing: [w.back, ...(row.pageUrl && !link ? [w.askedOn(pageUrlAsText(row.pageUrl))] : [])],
      action: link ? { label: w.open, url: link } : undefined,
      footer: w.footer(row.brand),
    });
    return this.deps.mailer.send({ to: row.email, subject: w.subject(row.brand), ...body });
  }
}
