import { and, desc, eq, isNull } from 'drizzle-orm';
import { conversations, memberships, thanksCards } from '@tribu/db';
import { thanksCardText, thanksEligible } from '@tribu/domain';
import type { ThanksWall } from '@tribu/protocol';
import { notFound } from '../../lib/errors.ts';
import type { HelperActor } from '../actors.ts';
import { hasRoleOn, requireManager, requireMember } from '../access.ts';
import type { ModuleDeps } from '../module-deps.ts';

/** Cards a wall shows at most (newest first). */
const WALL_SIZE = 50;

/** The thank-you wall: visitors' consented 4–5★ comments on a helper's public profile. */
export class ThanksService {
  constructor(private readonly deps: ModuleDeps) {}

  /**
   * After a visitor rated a chat: with their consent, a 4–5★ comment becomes (or updates) a card;
   * rated again without consent or below 4, the card goes. Reads the stored rating, not the request.
   */
  async rated(conversationId: string, consent: boolean | undefined): Promise<void> {
    const [c] = await this.deps.db
      .select({ siteId: conversations.siteId, helperId: conversations.helperId, rating: conversations.rating, comment: conversations.ratingComment })
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    if (!c) return;
    if (!c.helperId || c.rating === null || !thanksEligible(c.rating, c.comment, consent)) {
      await this.deps.db.delete(thanksCards).where(eq(thanksCards.conversationId, conversationId));
      return;
    }
    const text = thanksCardText(c.comment!);
    await this.deps.db
      .insert(thanksCards)
      .values({ siteId: c.siteId, helperId: c.helperId, conversationId, text, rating: c.rating })
      // A card a manager removed stays removed.
      .onConflictDoUpdate({ target: thanksCards.conversationId, set: { text, rating: c.rating } });
  }

  /** A member's wall as the caller may see it: hidden cards only to its owner, removed ones to nobody. */
  async wall(actor: HelperActor, siteId: string, userId: string): Promise<ThanksWall> {
    requireMember(actor, siteId);
    const [member] = await this.deps.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.siteId, siteId), eq(memberships.userId, userId)));
    if (!member) throw notFound('Helper');
    const mine = actor.userId === userId;
    const rows = await this.deps.db
      .select()
      .from(thanksCards)
      .where(
        and(eq(thanksCards.siteId, siteId), eq(thanksCards.helperId, userId), isNull(thanksCards.removedAt), mine ? undefined : isNull(thanksCards.hiddenAt)),
      )
      .orderBy(desc(thanksCards.createdAt))
      .limit(WALL_SIZE);
    return {
      mine,
      canRemove: hasRoleOn(actor, siteId, 'moderator'),
      cards: rows.map((r) => ({ id: r.id, text: r.text, rating: r.rating, createdAt: r.createdAt.toISOString(), hidden: r.hiddenAt !== null })),
    };
  }

  /** The helper hides a card from their wall, or shows it again; anyone else's card is "not found". */
  async setHidden(actor: HelperActor, siteId: string, cardId: string, hidden: boolean): Promise<ThanksWall> {
    requireMember(actor, siteId);
    const [row] = await this.deps.db
      .update(thanksCards)
      .set({ hiddenAt: hidden ? new Date() : null })
      .where(and(eq(thanksCards.id, cardId), eq(thanksCards.siteId, siteId), eq(thanksCards.helperId, actor.userId), isNull(thanksCards.removedAt)))
      .returning({ id: thanksCards.id });
    if (!row) throw notFound('Card');
    return this.wall(actor, siteId, actor.userId);
  }

  /** A manager removes a card for good (moderation); the audit log keeps who, when and why. */
  async remove(actor: HelperActor, siteId: string, cardId: string, reason: string): Promise<void> {
    requireManager(actor, siteId);
    await this.deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(thanksCards)
        .set({ removedAt: new Date(), removedById: actor.userId })
        .where(and(eq(thanksCards.id, cardId), eq(thanksCards.siteId, siteId), isNull(thanksCards.removedAt)))
        .returning({ id: thanksCards.id, helperId: thanksCards.helperId, text: thanksCards.text });
      if (!row) throw notFound('Card');
      await this.deps.audit.record(
        actor,
        {
          siteId,
          action: 'thanks.remove',
          targetKind: 'user',
          targetId: row.helperId,
          targetLabel: 'a thank-you card',
          reason,
          details: { cardId: row.id, characters: row.text.length },
        },
        tx,
      );
    });
  }
}
