import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { conversations, memberships, users, type Db } from '@tribu/db';
import type { Role } from '@tribu/protocol';
import { takeWithinCap } from '../conversations/within-cap.ts';

type ConversationRow = typeof conversations.$inferSelect;

/**
 * Conditional updates that move a chat between people: every one checks, in its WHERE, that the
 * chat is still as the caller saw it, so racing clicks (or nodes) change it at most once.
 */
export class HandoffRepository {
  constructor(private readonly db: Db) {}

  /** The user's name if they belong to the site (any role), else undefined. */
  async member(siteId: string, userId: string): Promise<{ id: string; displayName: string; role: Role } | undefined> {
    const [row] = await this.db
      .select({ id: users.id, displayName: users.displayName, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.siteId, siteId), eq(memberships.userId, userId)))
      .limit(1);
    return row;
  }

  async offer(id: string, fromId: string, toId: string): Promise<ConversationRow | undefined> {
    const [row] = await this.db
      .update(conversations)
      .set({ handoffTo: toId, handoffAt: new Date() })
      .where(and(eq(conversations.id, id), eq(conversations.helperId, fromId), eq(conversations.status, 'active')))
      .returning();
    return row;
  }

  /** Clears an offer: by its target (decline) or by the offering helper (cancel). */
  async clearOffer(id: string, by: { toId: string } | { fromId: string }): Promise<ConversationRow | undefined> {
    const who = 'toId' in by ? eq(conversations.handoffTo, by.toId) : eq(conversations.helperId, by.fromId);
    const [row] = await this.db
      .update(conversations)
      .set({ handoffTo: null, handoffAt: null })
      .where(and(eq(conversations.id, id), who, isNotNull(conversations.handoffTo)))
      .returning();
    return row;
  }

  /**
   * The target takes the chat: only while the offer is to them, the offerer still holds it and it
   * is active; the target's advisory lock (as in a claim) keeps parallel takes under their cap.
   */
  async accept(id: string, toId: string, fromId: string, cap: number) {
    return takeWithinCap(this.db, toId, cap, async (tx) => {
      const [row] = await tx
        .update(conversations)
        .set({ helperId: toId, handoffTo: null, handoffAt: null, claimedAt: new Date() })
        .where(and(eq(conversations.id, id), eq(conversations.handoffTo, toId), eq(conversations.helperId, fromId), eq(conversations.status, 'active')))
        .returning();
      return row;
    });
  }

  /** Open offers to a user on a site, with who offers each. */
  async offersTo(siteId: string, userId: string) {
    return this.db
      .select({ row: conversations, fromName: users.displayName })
      .from(conversations)
      .innerJoin(users, eq(users.id, conversations.helperId))
      .where(and(eq(conversations.siteId, siteId), eq(conversations.handoffTo, userId), eq(conversations.status, 'active')))
      .orderBy(asc(conversations.handoffAt))
      .limit(20);
  }

  /** Off the helper's desk into the staff queue (waiting, no helper, flagged by them). */
  async toStaff(id: string, helperId: string, reason: string): Promise<ConversationRow | undefined> {
    const [row] = await this.db
      .update(conversations)
      .set({
        status: 'waiting',
        helperId: null,
        claimedAt: null,
        handoffTo: null,
        handoffAt: null,
        staffAt: new Date(),
        staffReason: reason,
        staffFlaggedBy: helperId,
      })
      .where(and(eq(conversations.id, id), eq(conversations.helperId, helperId), eq(conversations.status, 'active')))
      .returning();
    return row;
  }

  /** Waiting staff items of a site, oldest first. */
  async staffQueue(siteId: string): Promise<ConversationRow[]> {
    return this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), eq(conversations.status, 'waiting'), isNotNull(conversations.staffAt)))
      .orderBy(asc(conversations.staffAt))
      .limit(200);
  }
}
