import { and, eq, lt } from 'drizzle-orm';
import { conversations, messages, sites } from '@tribu/db';
import type { Message } from '@tribu/protocol';
import { mailBody } from '../../lib/mail-body.ts';
import type { ModuleDeps } from '../module-deps.ts';

type Lang = 'en' | 'fr' | 'es';

const words: Record<Lang, { subject: (b: string) => string; hello: string; answered: (who: string, b: string) => string; back: string; open: string; footer: (b: string) => string }> = {
  en: {
    subject: (b) => `You have an answer from the ${b} community`,
    hello: 'Hello,',
    answered: (who, b) => `${who}, a member of the ${b} community, answered your question:`,
    back: 'Come back to the page to read the whole answer and carry on the conversation.',
    open: 'Read the answer',
    footer: (b) => `You receive this mail once, because you left your address in the ${b} chat to be told of an answer.`,
  },
  fr: {
    subject: (b) => `Vous avez une réponse de la communauté ${b}`,
    hello: 'Bonjour,',
    answered: (who, b) => `${who}, membre de la communauté ${b}, a répondu à votre question :`,
    back: 'Revenez sur la page pour lire toute la réponse et poursuivre la conversation.',
    open: 'Lire la réponse',
    footer: (b) => `Vous recevez ce message une seule fois, car vous avez laissé votre adresse dans le chat ${b} pour être prévenu d'une réponse.`,
  },
  es: {
    subject: (b) => `Tienes una respuesta de la comunidad ${b}`,
    hello: 'Hola:',
    answered: (who, b) => `${who}, miembro de la comunidad ${b}, ha respondido a tu pregunta:`,
    back: 'Vuelve a la página para leer toda la respuesta y seguir la conversación.',
    open: 'Leer la respuesta',
    footer: (b) => `Recibes este correo una sola vez porque dejaste tu dirección en el chat de ${b} para saber cuándo te respondían.`,
  },
};

const excerpt = (text: string) => (text.length > 500 ? `${text.slice(0, 497)}…` : text);

/**
 * A visitor who left an email gets one mail when a helper first answers while the visitor has no
 * widget open: the brand, the helper's first name and the answer, and the page to come back to.
 */
export class OfflineAnswerMail {
  constructor(
    private readonly deps: ModuleDeps,
    /** Whether the visitor has a widget socket open on any node. */
    private readonly visitorOnline: (visitorId: string) => Promise<boolean>,
  ) {}

  /** Called on every relayed message; returns at once, the work runs on its own (failures logged). */
  messageCreated(visitorId: string, message: Message): void {
    if (message.author !== 'helper' || !this.deps.mailer.configured) return;
    this.maybeSend(visitorId, message).catch((err: unknown) => this.deps.log.warn({ err, conversationId: message.conversationId }, 'offline answer mail failed'));
  }

  /** Sends when this is the helper's first answer, the visitor left an email and is away. Returns whether it sent. */
  async maybeSend(visitorId: string, message: Message): Promise<boolean> {
    const [row] = await this.deps.db
      .select({ email: conversations.visitorEmail, pageUrl: conversations.pageUrl, locale: conversations.locale, brand: sites.name })
      .from(conversations)
      .innerJoin(sites, eq(sites.id, conversations.siteId))
      .where(eq(conversations.id, message.conversationId))
      .limit(1);
    if (!row?.email) return false;
    const [earlier] = await this.deps.db
      .select({ seq: messages.seq })
      .from(messages)
      .where(and(eq(messages.conversationId, message.conversationId), eq(messages.authorKind, 'helper'), lt(messages.seq, message.seq)))
      .limit(1);
    if (earlier) return false;
    if (await this.visitorOnline(visitorId)) return false;
    const w = words[(['en', 'fr', 'es'] as const).find((l) => l === row.locale?.slice(0, 2)) ?? 'en'];
    const who = (message.authorName ?? 'A helper').split(' ')[0]!;
    const url = row.pageUrl && /^https?:\/\//i.test(row.pageUrl) ? row.pageUrl : undefined;
    const body = mailBody({
      greeting: w.hello,
      paragraphs: [w.answered(who, row.brand)],
      quote: excerpt(message.text),
      closing: [w.back],
      action: url ? { label: w.open, url } : undefined,
      footer: w.footer(row.brand),
    });
    return this.deps.mailer.send({ to: row.email, subject: w.subject(row.brand), ...body });
  }
}
