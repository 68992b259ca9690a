import type { FeedComment, FeedPost } from '@tribu/protocol';
import { rooms, type HelperNamespace } from '../../socket/io.ts';

const publicCopy = ({ liked: _liked, ...post }: FeedPost): Omit<FeedPost, 'liked'> => post;

/** Facts of the feed, sent to every helper of the site on every node (through the adapter). */
export class FeedEvents {
  constructor(private readonly helpers: HelperNamespace) {}

  created(post: FeedPost): void {
    this.helpers.to(rooms.siteHelpers(post.siteId)).emit('feed:created', { ...post, liked: false });
  }

  updated(post: FeedPost): void {
    this.helpers.to(rooms.siteHelpers(post.siteId)).emit('feed:updated', publicCopy(post));
  }

  commented(siteId: string, comment: FeedComment): void {
    this.helpers.to(rooms.siteHelpers(siteId)).emit('feed:commented', comment);
  }

  /** Gone for everyone but its author, who gets their own view with the moderator's reason. */
  removed(siteId: string, authorId: string | null, ref: { postId: string; commentId?: string }): void {
    const room = this.helpers.to(rooms.siteHelpers(siteId));
    (authorId ? room.except(rooms.user(authorId)) : room).emit('feed:removed', ref);
  }

  toAuthor(authorId: string, item: { post: FeedPost } | { comment: FeedComment }): void {
    const to = this.helpers.to(rooms.user(authorId));
    if ('post' in item) to.emit('feed:updated', publicCopy(item.post));
    else to.emit('feed:commented', item.comment);
  }
}
