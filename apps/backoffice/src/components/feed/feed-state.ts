import type { FeedComment, FeedPost } from '@tribu/protocol/client';

/** What the feed column holds: announcements on top, then posts newest first. */
export interface FeedLists {
  pinned: FeedPost[];
  posts: FeedPost[];
}

const byTime = (a: { createdAt: string }, b: { createdAt: string }) => a.createdAt.localeCompare(b.createdAt);
const newestFirst = (a: FeedPost, b: FeedPost) => byTime(b, a);

/** Comments merged by id, oldest first (a live comment may arrive before or after a listing). */
export function mergeComments(mine: FeedComment[], theirs: FeedComment[]): FeedComment[] {
  const map = new Map(mine.map((c) => [c.id, c]));
  for (const c of theirs) map.set(c.id, c);
  return [...map.values()].sort(byTime);
}

export function findPost(lists: FeedLists, id: string): FeedPost | undefined {
  return lists.pinned.find((p) => p.id === id) ?? lists.posts.find((p) => p.id === id);
}

/** Puts a post where it belongs (pinned or not), replacing any copy; our `liked` and loaded comments are kept. */
export function upsertPost(lists: FeedLists, incoming: Omit<FeedPost, 'liked'> & { liked?: boolean }): FeedLists {
  const old = findPost(lists, incoming.id);
  const post: FeedPost = {
    ...incoming,
    liked: incoming.liked ?? old?.liked ?? false,
    comments: mergeComments(old?.comments ?? [], incoming.comments),
  };
  const pinned = lists.pinned.filter((p) => p.id !== post.id);
  const posts = lists.posts.filter((p) => p.id !== post.id);
  if (post.pinned) pinned.push(post);
  else posts.push(post);
  return { pinned: pinned.sort(newestFirst), posts: posts.sort(newestFirst) };
}

export function mapPost(lists: FeedLists, id: string, f: (p: FeedPost) => FeedPost): FeedLists {
  const g = (p: FeedPost) => (p.id === id ? f(p) : p);
  return { pinned: lists.pinned.map(g), posts: lists.posts.map(g) };
}

export function removePost(lists: FeedLists, id: string): FeedLists {
  return { pinned: lists.pinned.filter((p) => p.id !== id), posts: lists.posts.filter((p) => p.id !== id) };
}

export function upsertComment(lists: FeedLists, c: FeedComment): FeedLists {
  return mapPost(lists, c.postId, (p) => ({ ...p, comments: mergeComments(p.comments, [c]) }));
}

export function removeComment(lists: FeedLists, postId: string, commentId: string): FeedLists {
  return mapPost(lists, postId, (p) => ({ ...p, comments: p.comments.filter((c) => c.id !== commentId) }));
}
