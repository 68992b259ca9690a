import { describe, expect, it } from 'vitest';
import type { FeedComment, FeedPost } from '@tribu/protocol/client';
import { mergeComments, removePost, upsertComment, upsertPost, type FeedLists } from './feed-state.ts';

const post = (id: string, createdAt: string, extra: Partial<FeedPost> = {}): FeedPost => ({
  id,
  siteId: 's',
  author: null,
  kind: 'post',
  text: id,
  imageUrl: null,
  conversationId: null,
  pinned: false,
  likeCount: 0,
  liked: false,
  commentCount: 0,
  comments: [],
  moderation: null,
  createdAt,
  ...extra,
});
const comment = (id: string, postId: string, createdAt: string): FeedComment => ({ id, postId, author: null, text: id, moderation: null, createdAt });
const empty: FeedLists = { pinned: [], posts: [] };

describe('feed state', () => {
  it('keeps posts newest first and replaces a copy instead of duplicating it', () => {
    let l = upsertPost(empty, post('a', '2026-01-01T10:00:00Z'));
    l = upsertPost(l, post('b', '2026-01-01T11:00:00Z'));
    l = upsertPost(l, post('a', '2026-01-01T10:00:00Z', { likeCount: 3 }));
    expect(l.posts.map((p) => [p.id, p.likeCount])).toEqual([
      ['b', 0],
      ['a', 3],
    ]);
  });

  it("keeps the reader's own like when a live update (without `liked`) arrives", () => {
    const l = upsertPost(empty, post('a', '2026-01-01T10:00:00Z', { liked: true, likeCount: 1 }));
    const { liked: _liked, ...update } = post('a', '2026-01-01T10:00:00Z', { likeCount: 2 });
    expect(upsertPost(l, update).posts[0]).toMatchObject({ liked: true, likeCount: 2 });
  });

  it('moves a post between pinned and the stream when its pin changes', () => {
    const l = upsertPost(empty, post('a', '2026-01-01T10:00:00Z'));
    const pinned = upsertPost(l, { ...l.posts[0]!, pinned: true });
    expect([pinned.pinned.length, pinned.posts.length]).toEqual([1, 0]);
    expect(removePost(pinned, 'a')).toEqual(empty);
  });

  it('merges comments by id, oldest first, whatever order they arrive in', () => {
    const c1 = comment('c1', 'a', '2026-01-01T10:01:00Z');
    const c2 = comment('c2', 'a', '2026-01-01T10:02:00Z');
    expect(mergeComments([c2], [c1, c2]).map((c) => c.id)).toEqual(['c1', 'c2']);
    const l = upsertComment(upsertPost(empty, post('a', '2026-01-01T10:00:00Z', { comments: [c2] })), c1);
    expect(l.posts[0]!.comments.map((c) => c.id)).toEqual(['c1', 'c2']);
  });
});
