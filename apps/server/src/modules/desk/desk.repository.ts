import { and, asc, desc, eq, isNull, ne, or } from 'drizzle-orm';
import { cannedAnswers, conversationNotes, conversations, pageViews, users, type Db } from '@tribu/db';
import type { ContentTranslations, ConversationNote, PageVisit } from '@tribu/protocol';
import { earlierChatVisibleTo } from '../access.sql.ts';
import type { Actor } from '../actors.ts';

export type CannedRow = typeof cannedAnswers.$inferSelect;

/** Storage of what surrounds a chat: page trail, earlier chats, notes, canned answers. */
export class DeskRepository {
  constructor(private readonly db: Db) {}

  async trail(conversationId: string): Promise<PageVisit[]> {
    const rows = await this.db
      .select({ url: pageViews.url, title: pageViews.title, at: pageViews.viewedAt })
      .from(pageViews)
      .where(eq(pageViews.conversationId, conversationId))
      .orderBy(asc(pageViews.viewedAt), asc(pageViews.id))
      .limit(200);
    return rows.map((r) => ({ url: r.url, title: r.title, at: r.at.toISOString() }));
  }

  /** The visitor's other conversations on the site the reader may see listed (`earlierChatVisibleTo`), newest first. */
  async earlier(reader: Actor, siteId: string, visitorId: string, exceptId: string, limit = 10) {
    return this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), eq(conversations.visitorId, visitorId), ne(conversations.id, exceptId), earlierChatVisibleTo(reader)))
      .orderBy(desc(conversations.createdAt))
      .limit(limit);
  }

  async notes(conversationId: string): Promise<ConversationNote[]> {
    const rows = await this.db
      .select({ n: conversationNotes, name: users.displayName })
      .from(conversationNotes)
      .leftJoin(users, eq(users.id, conversationNotes.authorId))
      .where(eq(conversationNotes.conversationId, conversationId))
      .orderBy(asc(conversationNotes.createdAt))
      .limit(200);
    return rows.map((r) => toNote(r.n, r.name));
  }

  async addNote(conversationId: string, author: { id: string; displayName: string }, text: string): Promise<ConversationNote> {
    const [row] = await this.db.insert(conversationNotes).values({ conversationId, authorId: author.id, text }).returning();
    if (!row) throw new Error('note insert returned nothing');
    return toNote(row, author.displayName);
  }

  /** Site-wide answers and the user's own, by shortcut. */
  async canned(siteId: string, userId: string): Promise<CannedRow[]> {
    const rows = await this.db
      .select()
      .from(cannedAnswers)
      .where(and(eq(cannedAnswers.siteId, siteId), or(isNull(cannedAnswers.ownerId), eq(cannedAnswers.ownerId, userId))))
      .orderBy(asc(cannedAnswers.shortcut))
      .limit(500);
    return rows;
  }

  async cannedRow(id: string): Promise<CannedRow | undefined> {
    const [row] = await this.db.select().from(cannedAnswers).where(eq(cannedAnswers.id, id)).limit(1);
    return row;
  }

  async insertCanned(siteId: string, ownerId: string | null, shortcut: string, text: string, translations: ContentTranslations<'text'>): Promise<CannedRow> {
    const [row] = await this.db.insert(cannedAnswers).values({ siteId, ownerId, shortcut, text, translations }).returning();
    if (!row) throw new Error('canned insert returned nothing');
    return row;
  }

  /** Updates an answer only where it still belongs to the same site and owner; versions absent stay as they are. */
  async updateCanned(id: string, siteId: string, ownerId: string | null, shortcut: string, text: string, translations?: ContentTranslations<'text'>) {
    const owner = ownerId === null ? isNull(cannedAnswers.ownerId) : eq(cannedAnswers.ownerId, ownerId);
    const [row] = await this.db
      .update(cannedAnswers)
      .set({ shortcut, text, ...(translations ? { translations } : {}), updatedAt: new Date() })
      .where(and(eq(cannedAnswers.id, id), eq(cannedAnswers.siteId, siteId), owner))
      .returning();
    return row;
  }

  async deleteCanned(id: string): Promise<void> {
    await this.db.delete(cannedAnswers).where(eq(cannedAnswers.id, id));
  }
}

function toNote(row: typeof conversationNotes.$inferSelect, name: string | null): ConversationNote {
  return {
    id: row.id,
    conversationId: row.conversationId,
    author: row.authorId ? { id: row.authorId, displayName: name ?? '' } : null,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
  };
}
