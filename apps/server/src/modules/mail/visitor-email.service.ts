import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { conversations, sites, visitorEmailConfirmations } from '@tribu/db';
import { ErrorCode, type Conversation, type VisitorEmailConfirmed } from '@tribu/protocol';
import { onColor } from '../../lib/contrast.ts';
import { AppError } from '../../lib/errors.ts';
import { mailBody } from '../../lib/mail-body.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { siteColor } from '../recruitment/invitation.service.ts';

type Lang = 'en' | 'fr' | 'es';

/** A confirmation link works for a day; a visitor and an address each get at most three a day. */
export const VISITOR_EMAIL = { ttlMs: 24 * 3600_000, perVisitorPerDay: 3, perAddressPerDay: 3 } as const;

// Our words and the brand only: nothing the visitor wrote, no page they named, so a stranger's
// address given in the chat receives nothing an attacker chose.
const words: Record<Lang, { subject: (b: string) => string; hello: string; why: (b: string) => string; confirm: string; notYou: string; footer: string }> = {
  en: {
    subject: (b) => `Confirm your email for the ${b} community`,
    hello: 'Hello,',
    why: (b) =>
      `This address was given in the ${b} chat, to be told by mail of an answer. If it was you, confirm it with the link below; until then we send nothing else.`,
    confirm: 'Confirm my email',
    notYou: 'If it was not you, ignore this mail: you will not hear from us again.',
    footer: 'This link works once and expires in 24 hours.',
  },
  fr: {
    subject: (b) => `Confirmez votre adresse pour la communauté ${b}`,
    hello: 'Bonjour,',
    why: (b) =>
      `Cette adresse a été donnée dans le chat ${b}, pour être prévenu d'une réponse par e-mail. Si c'était vous, confirmez-la avec le lien ci-dessous ; d'ici là, nous n'envoyons rien d'autre.`,
    confirm: 'Confirmer mon adresse',
    notYou: "Si ce n'était pas vous, ignorez ce message : vous ne recevrez plus rien de notre part.",
    footer: 'Ce lien fonctionne une fois et expire dans 24 heures.',
  },
  es: {
    subject: (b) => `Confirma tu correo para la comunidad ${b}`,
    hello: 'Hola:',
    why: (b) =>
      `Esta dirección se dio en el chat de ${b} para recibir un aviso de respuesta por correo. Si fuiste tú, confírmala con el enlace de abajo; hasta entonces no enviamos nada más.`,
    confirm: 'Confirmar mi correo',
    notYou: 'Si no fuiste tú, ignora este correo: no volverás a saber de nosotros.',
    footer: 'Este enlace funciona una vez y caduca en 24 horas.',
  },
};

export const langOf = (locale: string | null | undefined): Lang => (['en', 'fr', 'es'] as const).find((l) => l === locale?.slice(0, 2)) ?? 'en';
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** What waits for a confirmation: the answer mail of an open chat, the transcript of an ended one. */
export interface PendingVisitorMail {
  conversationConfirmed(visitorId: string, conversationId: string): Promise<void>;
}

/**
 * Tribu mails a visitor only at an address they confirmed: the first chat with an address sends
 * a confirmation link (once per visitor and address, within daily budgets per visitor and per
 * address); the mails of the chat wait until it is used.
 */
export class VisitorEmails {
  private pending: PendingVisitorMail | undefined;

  constructor(
    private readonly deps: ModuleDeps,
    private readonly publicUrl: string,
  ) {}

  /** Set once the answer and transcript mails exist (they are built after this). */
  onConfirmed(pending: PendingVisitorMail): void {
    this.pending = pending;
  }

  /** Called on every conversation update; acts on a new chat that came with an address (off the start path). */
  conversationUpdated(visitorId: string, conversation: Conversation): void {
    if (conversation.status !== 'waiting' || conversation.lastSeq !== 1 || !this.deps.mailer.configured) return;
    this.requestFor(visitorId, conversation.id).catch((err: unknown) =>
      this.deps.log.warn({ err, conversationId: conversation.id }, 'email confirmation not sent'),
    );
  }

  /** Sends the confirmation mail when the chat's address is new for this visitor; says what happened. */
  async requestFor(visitorId: string, conversationId: string): Promise<'sent' | 'confirmed' | 'already-sent' | 'limited' | 'none'> {
    const [row] = await this.deps.db
      .select({ email: conversations.visitorEmail, locale: conversations.locale, siteId: conversations.siteId, brand: sites.name })
      .from(conversations)
      .innerJoin(sites, eq(sites.id, conversations.siteId))
      .where(and(eq(conversations.id, conversationId), eq(conversations.visitorId, visitorId)))
      .limit(1);
    if (!row?.email) return 'none';
    const email = row.email.toLowerCase();
    if (await this.isConfirmed(visitorId, email)) return 'confirmed';
    const since = new Date(Date.now() - 24 * 3600_000);
    const [byVisitor, byAddress] = await Promise.all([
      this.countSince(eq(visitorEmailConfirmations.visitorId, visitorId), since),
      this.countSince(eq(visitorEmailConfirmations.email, email), since),
    ]);
    if (byVisitor >= VISITOR_EMAIL.perVisitorPerDay || byAddress >= VISITOR_EMAIL.perAddressPerDay) return 'limited';
    // A link that expired unused makes way for a new one; a live or used one never gets a second.
    await this.deps.db
      .delete(visitorEmailConfirmations)
      .where(
        and(
          eq(visitorEmailConfirmations.visitorId, visitorId),
          eq(visitorEmailConfirmations.email, email),
          isNull(visitorEmailConfirmations.confirmedAt),
          lt(visitorEmailConfirmations.expiresAt, new Date()),
        ),
      );
    const token = randomBytes(32).toString('base64url');
    const inserted = await this.deps.db
      .insert(visitorEmailConfirmations)
      .values({ id: sha256(token), siteId: row.siteId, visitorId, email, expiresAt: new Date(Date.now() + VISITOR_EMAIL.ttlMs) })
      .onConflictDoNothing()
      .returning({ id: visitorEmailConfirmations.id });
    if (inserted.length === 0) return 'already-sent';
    const w = words[langOf(row.locale)];
    const body = mailBody({
      greeting: w.hello,
      paragraphs: [w.why(row.brand)],
      action: { label: w.confirm, url: `${this.publicUrl}/backoffice/confirm-email#${token}` },
      closing: [w.notYou],
      footer: w.footer,
    });
    if (await this.deps.mailer.send({ to: email, subject: w.subject(row.brand), ...body })) return 'sent';
    // Not accepted by the mail server: the next chat with this address may ask again.
    await this.deps.db.delete(visitorEmailConfirmations).where(eq(visitorEmailConfirmations.id, inserted[0]!.id));
    return 'none';
  }

  /** Whether this visitor confirmed this address (any site: a confirmation is of a mailbox by a visitor). */
  async isConfirmed(visitorId: string, email: string): Promise<boolean> {
    const [hit] = await this.deps.db
      .select({ id: visitorEmailConfirmations.id })
      .from(visitorEmailConfirmations)
      .where(
        and(
          eq(visitorEmailConfirmations.visitorId, visitorId),
          eq(visitorEmailConfirmations.email, email.toLowerCase()),
          isNotNull(visitorEmailConfirmations.confirmedAt),
        ),
      )
      .limit(1);
    return hit !== undefined;
  }

  /** Uses a confirmation link once; then the mails that waited for it go. */
  async confirm(token: string): Promise<VisitorEmailConfirmed> {
    const id = sha256(token);
    const [used] = await this.deps.db
      .update(visitorEmailConfirmations)
      .set({ confirmedAt: new Date() })
      .where(and(eq(visitorEmailConfirmations.id, id), isNull(visitorEmailConfirmations.confirmedAt), gt(visitorEmailConfirmations.expiresAt, new Date())))
      .returning();
    if (!used) {
      const [known] = await this.deps.db.select().from(visitorEmailConfirmations).where(eq(visitorEmailConfirmations.id, id)).limit(1);
      if (!known) throw new AppError(ErrorCode.notFound, 'This confirmation link is not valid. Copy the whole link from the mail.');
      if (known.confirmedAt) throw new AppError(ErrorCode.invalidState, 'This confirmation link was already used.');
      throw new AppError(ErrorCode.invalidState, 'This confirmation link has expired. Give your email in the chat again to get a new one.');
    }
    const site = await this.deps.sites.byId(used.siteId);
    if (!site) throw new AppError(ErrorCode.notFound, 'This community no longer exists.');
    const [latest] = await this.deps.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.visitorId, used.visitorId), sql`lower(${conversations.visitorEmail}) = ${used.email}`))
      .orderBy(desc(conversations.createdAt))
      .limit(1);
    if (latest && this.pending) {
      this.pending
        .conversationConfirmed(used.visitorId, latest.id)
        .catch((err: unknown) => this.deps.log.warn({ err, conversationId: latest.id }, 'mail after confirmation failed'));
    }
    const color = siteColor(site);
    return { site: { name: site.name, color, onColor: onColor(color) } };
  }

  private async countSince(who: ReturnType<typeof eq>, since: Date): Promise<number> {
    const [row] = await this.deps.db
      .select({ n: count() })
      .from(visitorEmailConfirmations)
      .where(and(who, gt(visitorEmailConfirmations.createdAt, since)));
    return row?.n ?? 0;
  }
}
