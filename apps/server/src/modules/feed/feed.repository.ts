import { and, asc, desc, eq, getTableColumns, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { feedComments, feedLikes, feedPosts, memberships, users, type Db } from '@tribu/db';
import { LIMITS, type Role } from '@tribu/protocol';
import type { Locale } from '@tribu/protocol';

export type PostRow = typeof feedPosts.$inferSelect;
export type CommentRow = typeof feedComments.$inferSelect;
export interface MemberRow {
  id: string;
  displayName: string;
  avatarUrl: string | null;
  role: Role;
  mentionsOn: boolean;
}

/** Who reads: hidden and deleted items are shown only to their author and to moderators. */
export interface Reader {
  userId: string;
  moderator: boolean;
  /** The reader's languages, for the site's own words (announcements); none: the site's default. */
  locale?: Locale | null;
  accepts?: Locale[];
  /** Announcements carry every version (copies told live to the whole site, each reader keeps theirs). */
  everyVersion?: boolean;
}

const LATEST_COMMENTS = 3;

function visiblePosts(reader: Reader): SQL | undefined {
  return reader.moderator ? undefined : or(isNull(feedPosts.moderation), eq(feedPosts.authorId, reader.userId));
}
function visibleComments(reader: Reader): SQL | undefined {
  return reader.moderator ? undefined : or(isNull(feedComments.moderation), eq(feedComments.authorId, reader.userId));
}

/** Queries of the community feed. */
export class FeedRepository {
  constructor(private readonly db: Db) {}

  async members(siteId: string): Promise<MemberRow[]> {
    const rows = await this.db
      .select({ id: users.id, displayName: users.displayName, avatarUrl: users.avatarUrl, role: memberships.role, prefs: users.notifyPrefs })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.siteId, siteId));
    return rows.map(({ prefs, ...r }) => ({ ...r, mentionsOn: prefs.mentions !== false }));
  }

  async post(id: string): Promise<PostRow | undefined> {
    const [row] = await this.db.select().from(feedPosts).where(eq(feedPosts.id, id)).limit(1);
    return row;
  }

  async comment(id: string): Promise<CommentRow | undefined> {
    const [row] = await this.db.select().from(feedComments).where(eq(feedComments.id, id)).limit(1);
    return row;
  }

  async pinned(siteId: string, reader: Reader): Promise<PostRow[]> {
    return this.db
      .select()
      .from(feedPosts)
      .where(and(eq(feedPosts.siteId, siteId), eq(feedPosts.pinned, true), visiblePosts(reader)))
      .orderBy(desc(feedPosts.createdAt));
  }

  /** One page of unpinned posts, newest first, strictly older than `before` (ties broken by id). */
  async page(siteId: string, reader: Reader, before?: PostRow): Promise<PostRow[]> {
    const older = before
      ? or(lt(feedPosts.createdAt, before.createdAt), and(eq(feedPosts.createdAt, before.createdAt), lt(feedPosts.id, before.id)))
      : undefined;
    return this.db
      .select()
      .from(feedPosts)
      .where(and(eq(feedPosts.siteId, siteId), eq(feedPosts.pinned, false), visiblePosts(reader), older))
      .orderBy(desc(feedPosts.createdAt), desc(feedPosts.id))
      .limit(LIMITS.feedPage + 1);
  }

  /** The latest few comments of each post, oldest first: one query for the whole page. */
  async latestComments(postIds: string[], reader: Reader): Promise<Map<string, CommentRow[]>> {
    const byPost = new Map<string, CommentRow[]>(postIds.map((id) => [id, []]));
    if (postIds.length === 0) return byPost;
    const ranked = this.db
      .select({
        ...getTableColumns(feedComments),
        rank: sql<number>`row_number() over (partition by ${feedComments.postId} order by ${feedComments.createdAt} desc)`.as('rank'),
      })
      .from(feedComments)
      .where(and(inArray(feedComments.postId, postIds), visibleComments(reader)))
      .as('ranked');
    const rows = await this.db.select().from(ranked).where(lte(ranked.rank, LATEST_COMMENTS)).orderBy(asc(ranked.createdAt));
    for (const { rank: _rank, ...row } of rows) byPost.get(row.postId)?.push(row);
    return byPost;
  }

  async comments(postId: string, reader: Reader): Promise<CommentRow[]> {
    return this.db
      .select()
      .from(feedComments)
      .where(and(eq(feedComments.postId, postId), visibleComments(reader)))
      .orderBy(asc(feedComments.createdAt));
  }

  async likedBy(userId: string, postIds: string[]): Promise<Set<string>> {
    if (!postIds.length) return new Set();
    const rows = await this.db
      .select({ postId: feedLikes.postId })
      .from(feedLikes)
      .where(and(eq(feedLikes.userId, userId), inArray(feedLikes.postId, postIds)));
    return new Set(rows.map((r) => r.postId));
  }

  /** Stores a post once per client id: a retry returns the first one (`created` false). */
  async insertPost(values: typeof feedPosts.$inferInsert): Promise<{ row: PostRow; created: boolean }> {
    const [row] = await this.db.insert(feedPosts).values(values).onConflictDoNothing().returning();
    if (row) return { row, created: true };
    const [old] = await this.db
      .select()
      .from(feedPosts)
      .where(and(eq(feedPosts.siteId, values.siteId), eq(feedPosts.authorId, values.authorId!), eq(feedPosts.clientId, values.clientId)));
    if (!old) throw new Error('feed post neither inserted nor found');
    return { row: old, created: false };
  }

  /** Stores a comment once per client id and recounts the post's visible comments in the same transaction. */
  async insertComment(values: typeof feedComments.$inferInsert): Promise<{ row: CommentRow; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(feedComments).values(values).onConflictDoNothing().returning();
      if (row) {
        await tx
          .update(feedPosts)
          .set({ commentCount: recountComments(values.postId) })
          .where(eq(feedPosts.id, values.postId));
        return { row, created: true };
      }
      const [old] = await tx
        .select()
        .from(feedComments)
        .where(and(eq(feedComments.postId, values.postId), eq(feedComments.authorId, values.authorId!), eq(feedComments.clientId, values.clientId)));
      if (!old) throw new Error('feed comment neither inserted nor found');
      return { row: old, created: false };
    });
  }

  /** Likes or unlikes; the count is recounted from the likes table, so a flood or a race cannot skew it. */
  async setLike(postId: string, userId: string, liked: boolean): Promise<PostRow> {
    return this.db.transaction(async (tx) => {
      if (liked) await tx.insert(feedLikes).values({ postId, userId }).onConflictDoNothing();
      else await tx.delete(feedLikes).where(and(eq(feedLikes.postId, postId), eq(feedLikes.userId, userId)));
      const count = sql<number>`(select count(*)::int from ${feedLikes} where ${feedLikes.postId} = ${postId})`;
      const [row] = await tx.update(feedPosts).set({ likeCount: count }).where(eq(feedPosts.id, postId)).returning();
      return row!;
    });
  }

  async updatePost(id: string, set: Partial<Pick<PostRow, 'moderation' | 'pinned'>>): Promise<PostRow> {
    const [row] = await this.db.update(feedPosts).set(set).where(eq(feedPosts.id, id)).returning();
    return row!;
  }

  async moderateComment(id: string, postId: string, moderation: CommentRow['moderation']): Promise<CommentRow> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.update(feedComments).set({ moderation }).where(eq(feedComments.id, id)).returning();
      await tx
        .update(feedPosts)
        .set({ commentCount: recountComments(postId) })
        .where(eq(feedPosts.id, postId));
      return row!;
    });
  }
}

// The count shown to everyone: comments a moderator has not hidden or deleted.
const recountComments = (postId: string) =>
  sql<number>`(select count(*)::int from ${feedComments} where ${feedComments.postId} = ${postId} and ${feedComments.moderation} is null)`;
