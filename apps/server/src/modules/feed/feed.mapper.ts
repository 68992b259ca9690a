import type { Moderation } from '@tribu/db';
import type { FeedAuthor, FeedComment, FeedPost, ModerationView } from '@tribu/protocol';
import type { CommentRow, MemberRow, PostRow } from './feed.repository.ts';

/** What rows need to become wire views: the site's members (authors) and what the reader liked. */
export interface ViewContext {
  members: Map<string, MemberRow>;
  liked: Set<string>;
  /** A post's text for this reader (an announcement in their language); absent: as written. */
  text?: (row: PostRow) => Pick<FeedPost, 'text' | 'versions'>;
}

export const imageUrl = (id: string) => `/api/images/${id}`;

function author(ctx: ViewContext, id: string | null): FeedAuthor | null {
  const m = id ? ctx.members.get(id) : undefined;
  // Someone who left the site keeps no name on the wall.
  return m ? { id: m.id, displayName: m.displayName, avatarUrl: m.avatarUrl, role: m.role } : null;
}

function moderation(m: Moderation | null): ModerationView | null {
  return m ? { action: m.action, reason: m.reason, at: m.at } : null;
}

export function commentView(ctx: ViewContext, row: CommentRow): FeedComment {
  return {
    id: row.id,
    postId: row.postId,
    author: author(ctx, row.authorId),
    text: row.text,
    moderation: moderation(row.moderation),
    createdAt: row.createdAt.toISOString(),
  };
}

export function postView(ctx: ViewContext, row: PostRow, comments: CommentRow[]): FeedPost {
  return {
    id: row.id,
    siteId: row.siteId,
    author: author(ctx, row.authorId),
    kind: row.kind,
    ...(ctx.text ? ctx.text(row) : { text: row.text }),
    imageUrl: row.imageId ? imageUrl(row.imageId) : null,
    conversationId: row.conversationId,
    pinned: row.pinned,
    likeCount: row.likeCount,
    liked: ctx.liked.has(row.id),
    commentCount: row.commentCount,
    comments: comments.map((c) => commentView(ctx, c)),
    moderation: moderation(row.moderation),
    createdAt: row.createdAt.toISOString(),
  };
}
