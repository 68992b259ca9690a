import { z } from 'zod';
import type { Ack } from './errors.ts';
import { LIMITS } from './limits.ts';
import { contentTranslationsSchema, type ContentVersions } from './content.ts';
import { ClientIdSchema, IdSchema } from './schemas.ts';

// ---------- the community feed (a wall shared by a site's helpers and managers) ----------

export const PostTextSchema = z.string().trim().min(1, 'Write something first').max(LIMITS.postText, `Posts are at most ${LIMITS.postText} characters`);
export const CommentTextSchema = z
  .string()
  .trim()
  .min(1, 'Write something first')
  .max(LIMITS.commentText, `Comments are at most ${LIMITS.commentText} characters`);
export const ReasonSchema = z.string().trim().min(1, 'Give a reason').max(LIMITS.reason);

export interface FeedAuthor {
  id: string;
  displayName: string;
  avatarUrl: string | null;
  role: 'helper' | 'moderator' | 'admin';
}

/** A moderator's decision, shown to the author (and moderators) with its reason. */
export interface ModerationView {
  action: 'hidden' | 'deleted';
  reason: string;
  at: string;
}

export interface FeedComment {
  id: string;
  postId: string;
  /** Null when the author has left the community. */
  author: FeedAuthor | null;
  /** Empty when deleted by a moderator. */
  text: string;
  moderation: ModerationView | null;
  createdAt: string;
}

export interface FeedPost {
  id: string;
  siteId: string;
  author: FeedAuthor | null;
  kind: 'post' | 'announcement' | 'ask';
  text: string;
  /** `/api/images/:id`, readable by the site's members. */
  imageUrl: string | null;
  /** "Ask the room": the chat the question comes from (a link for its helper and managers). */
  conversationId: string | null;
  pinned: boolean;
  likeCount: number;
  /** Whether the reader liked it. */
  liked: boolean;
  commentCount: number;
  /** The latest few comments, oldest first; `feed:comments` gives them all. */
  comments: FeedComment[];
  moderation: ModerationView | null;
  createdAt: string;
  /**
   * An announcement written in other languages too: every version, on the copies told live to the
   * whole site (each reader keeps the one in their language) and for managers. `text` is the reader's.
   */
  versions?: ContentVersions<'text'>;
}

export const FeedListSchema = z.strictObject({
  siteId: IdSchema,
  /** Paging: posts created before this post (exclusive). */
  before: IdSchema.optional(),
});
export type FeedList = z.infer<typeof FeedListSchema>;

export const FeedPostCreateSchema = z.strictObject({
  siteId: IdSchema,
  clientId: ClientIdSchema,
  text: PostTextSchema,
  /** An image uploaded first with `POST /api/sites/:siteId/images`. */
  imageId: IdSchema.optional(),
  /** Managers only: pinned on top as an announcement. */
  announcement: z.boolean().optional(),
  /** An announcement's text in the site's other languages (same limits as `text`). */
  translations: contentTranslationsSchema({ text: z.string().trim().max(LIMITS.postText) }).optional(),
});
export type FeedPostCreate = z.infer<typeof FeedPostCreateSchema>;

export const FeedAskSchema = z.strictObject({
  conversationId: IdSchema,
  clientId: ClientIdSchema,
  /** The visitor's question as the helper reworded it (anonymised). */
  text: PostTextSchema,
});
export type FeedAsk = z.infer<typeof FeedAskSchema>;

export const FeedCommentCreateSchema = z.strictObject({ postId: IdSchema, clientId: ClientIdSchema, text: CommentTextSchema });
export type FeedCommentCreate = z.infer<typeof FeedCommentCreateSchema>;

export const FeedPostRefSchema = z.strictObject({ postId: IdSchema });
export type FeedPostRef = z.infer<typeof FeedPostRefSchema>;

export const FeedLikeSchema = z.strictObject({ postId: IdSchema, liked: z.boolean() });
export type FeedLike = z.infer<typeof FeedLikeSchema>;

export const FeedModerateSchema = z.strictObject({
  target: z.enum(['post', 'comment']),
  id: IdSchema,
  action: z.enum(['hide', 'delete', 'restore']),
  /** Required to hide or delete; the author sees it. */
  reason: ReasonSchema.optional(),
});
export type FeedModerate = z.infer<typeof FeedModerateSchema>;

export const FeedPinSchema = z.strictObject({ postId: IdSchema, pinned: z.boolean() });
export type FeedPin = z.infer<typeof FeedPinSchema>;

export interface FeedClientEvents {
  /** Newest first, pinned announcements apart; `nextBefore` pages on. */
  'feed:list': (payload: FeedList, ack: Ack<{ pinned: FeedPost[]; posts: FeedPost[]; nextBefore: string | null }>) => void;
  'feed:post': (payload: FeedPostCreate, ack: Ack<{ post: FeedPost }>) => void;
  /** "Ask the room" from an active chat the helper holds. */
  'feed:ask': (payload: FeedAsk, ack: Ack<{ post: FeedPost }>) => void;
  'feed:comment': (payload: FeedCommentCreate, ack: Ack<{ comment: FeedComment }>) => void;
  'feed:comments': (payload: FeedPostRef, ack: Ack<{ comments: FeedComment[] }>) => void;
  /** Idempotent: liking twice is one like. */
  'feed:like': (payload: FeedLike, ack: Ack<{ likeCount: number; liked: boolean }>) => void;
  /** Moderators: hide, delete or restore a post or comment; answers the post (and comment) as moderators now see them. */
  'feed:moderate': (payload: FeedModerate, ack: Ack<{ post: FeedPost; comment?: FeedComment }>) => void;
  /** Managers: pin or unpin a post. */
  'feed:pin': (payload: FeedPin, ack: Ack<Record<string, never>>) => void;
}

export interface FeedServerEvents {
  /** A new post: readers insert it (the author's own view comes from the ack). */
  'feed:created': (post: FeedPost) => void;
  /** A post changed (likes, comment count, pin): readers replace their copy but keep their own `liked`. */
  'feed:updated': (post: Omit<FeedPost, 'liked'>) => void;
  'feed:commented': (comment: FeedComment) => void;
  /** A post or comment is no longer visible to everyone (hidden or deleted by a moderator). */
  'feed:removed': (payload: { postId: string; commentId?: string }) => void;
}

export const feedCommandSchemas = {
  'feed:list': FeedListSchema,
  'feed:post': FeedPostCreateSchema,
  'feed:ask': FeedAskSchema,
  'feed:comment': FeedCommentCreateSchema,
  'feed:comments': FeedPostRefSchema,
  'feed:like': FeedLikeSchema,
  'feed:moderate': FeedModerateSchema,
  'feed:pin': FeedPinSchema,
} as const satisfies Record<keyof FeedClientEvents, z.ZodType>;
