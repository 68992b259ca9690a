import type { Moderation } from '@tribu/db';
import { ErrorCode, type FeedComment, type FeedModerate, type FeedPin, type FeedPost } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import type { HelperActor } from '../actors.ts';
import { requireManager } from '../access.ts';
import { commentView } from './feed.mapper.ts';
import type { FeedService } from './feed.service.ts';

const DONE = { hide: 'hid', delete: 'deleted' } as const;

function decision(actor: HelperActor, p: FeedModerate): Moderation | null {
  if (p.action === 'restore') return null;
  if (!p.reason) throw new AppError(ErrorCode.badRequest, 'Give a reason: the author will see it');
  return { action: p.action === 'hide' ? 'hidden' : 'deleted', reason: p.reason, byId: actor.userId, at: new Date().toISOString() };
}

/** Hides, deletes or restores a post or comment; readers are told live and the author learns why. */
export async function moderate(feed: FeedService, actor: HelperActor, p: FeedModerate): Promise<{ post: FeedPost; comment?: FeedComment }> {
  const comment = p.target === 'comment' ? await feed.repo.comment(p.id) : undefined;
  const post = await feed.repo.post(comment ? comment.postId : p.id);
  const what = p.target === 'post' ? 'Post' : 'Comment';
  if (p.target === 'comment' && !comment) throw notFound(what);
  requireManager(actor, post?.siteId, what);
  const moderation = decision(actor, p);
  const reader = { userId: actor.userId, moderator: true };
  const target = comment ?? post!;
  // Every hide, delete and restore is in the site's audit log (who, what, when, why).
  await feed.deps.audit.record(actor, {
    siteId: post!.siteId,
    action: `feed.${p.action === 'hide' ? 'hidden' : p.action === 'delete' ? 'deleted' : 'restored'}`,
    targetKind: p.target,
    targetId: target.id,
    targetLabel: `“${target.text.slice(0, 60)}”`,
    reason: p.reason ?? null,
    details: { postId: post!.id },
  });
  if (!comment) {
    const row = await feed.repo.updatePost(post!.id, { moderation });
    const view = await feed.publicView(row);
    if (!moderation) feed.events.created(view);
    else {
      feed.events.removed(row.siteId, row.authorId, { postId: row.id });
      if (row.authorId) feed.events.toAuthor(row.authorId, { post: (await feed.views([row], { userId: row.authorId, moderator: false }, row.siteId))[0]! });
      await feed.notifier.moderated(actor, row.siteId, row.id, row.authorId, `${DONE[p.action as 'hide']} your post`, moderation.reason);
    }
    return { post: (await feed.views([row], reader, row.siteId))[0]! };
  }
  const row = await feed.repo.moderateComment(comment.id, comment.postId, moderation);
  const ctx = await feed.context(post!.siteId, actor.userId, []);
  const view = commentView(ctx, row);
  if (!moderation) feed.events.commented(post!.siteId, view);
  else {
    feed.events.removed(post!.siteId, row.authorId, { postId: row.postId, commentId: row.id });
    if (row.authorId) feed.events.toAuthor(row.authorId, { comment: view });
    await feed.notifier.moderated(actor, post!.siteId, row.postId, row.authorId, `${DONE[p.action as 'hide']} your comment`, moderation.reason);
  }
  const fresh = (await feed.repo.post(row.postId))!;
  feed.events.updated(await feed.publicView(fresh));
  return { post: (await feed.views([fresh], reader, fresh.siteId))[0]!, comment: view };
}

/** Managers pin a post on top of everyone's feed, or unpin it. */
export async function pin(feed: FeedService, actor: HelperActor, p: FeedPin): Promise<Record<string, never>> {
  const post = await feed.repo.post(p.postId);
  requireManager(actor, post?.siteId, 'Post');
  const row = await feed.repo.updatePost(post!.id, { pinned: p.pinned });
  if (!row.moderation) feed.events.updated(await feed.publicView(row));
  return {};
}
