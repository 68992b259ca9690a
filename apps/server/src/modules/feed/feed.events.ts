import type { FeedComment, FeedPost } from '@tribu/protocol';

/** Facts of the feed, told to every helper of the site on every node (the socket layer implements it). */
export interface FeedEvents {
  created(post: FeedPost): void;
  updated(post: FeedPost): void;
  commented(siteId: string, comment: FeedComment): void;
  /** Gone for everyone but its author, who gets their own view with the moderator's reason. */
  removed(siteId: string, authorId: string | null, ref: { postId: string; commentId?: string }): void;
  toAuthor(authorId: string, item: { post: FeedPost } | { comment: FeedComment }): void;
}
