import { anonymise, hasRole } from '@tribu/domain';
import { ErrorCode, LIMITS, type FeedAsk, type FeedComment, type FeedCommentCreate, type FeedList, type FeedPost, type FeedPostCreate } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { hasRoleOn, mayReadConversation, roleOn } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import { keptTranslations, postTextFor } from '../content/site-content.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { FeedImages } from './feed-images.ts';
import { FeedNotifier } from './feed-notify.ts';
import type { FeedEvents } from './feed.events.ts';
import { commentView, postView, type ViewContext } from './feed.mapper.ts';
import { FeedRepository, type PostRow, type Reader } from './feed.repository.ts';

// A reader who wrote nothing and liked nothing: what every member sees.
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** The community feed: posts, comments, likes, mentions ("ask the room" included). Moderation is in feed-moderation.ts. */
export class FeedService {
  readonly repo: FeedRepository;
  readonly images: FeedImages;
  readonly events: FeedEvents;
  readonly notifier: FeedNotifier;

  constructor(readonly deps: ModuleDeps) {
    this.repo = new FeedRepository(deps.db);
    this.images = new FeedImages(deps.db);
    this.events = deps.notify.feed;
    this.notifier = new FeedNotifier(deps.notifications, deps.log);
  }

  /** The reader of a site's feed; someone of another site is told the feed does not exist. */
  reader(actor: HelperActor, siteId: string, what = 'Feed'): Reader {
    const role = roleOn(actor, siteId);
    if (!role) throw notFound(what);
    return { userId: actor.userId, moderator: hasRole(role, 'moderator'), locale: actor.locale ?? null, accepts: actor.accepts ?? [] };
  }

  /** A post the actor may see, or the same "not found" a missing one gets. */
  async visiblePost(actor: HelperActor, postId: string): Promise<{ row: PostRow; reader: Reader }> {
    const row = await this.repo.post(postId);
    const reader = row && roleOn(actor, row.siteId) ? this.reader(actor, row.siteId, 'Post') : undefined;
    if (!row || !reader) throw notFound('Post');
    if (row.moderation && !reader.moderator && row.authorId !== actor.userId) throw notFound('Post');
    return { row, reader };
  }

  async context(siteId: string, userId: string, postIds: string[]): Promise<ViewContext> {
    const [members, liked] = await Promise.all([this.repo.members(siteId), this.repo.likedBy(userId, postIds)]);
    return { members: new Map(members.map((m) => [m.id, m])), liked };
  }

  async views(rows: PostRow[], reader: Reader, siteId: string): Promise<FeedPost[]> {
    const ids = rows.map((r) => r.id);
    const [ctx, comments, site] = await Promise.all([
      this.context(siteId, reader.userId, ids),
      this.repo.latestComments(ids, reader),
      rows.some((r) => r.kind === 'announcement') ? this.deps.sites.byId(siteId) : undefined,
    ]);
    // Announcements in the reader's language; managers (and live copies) also get every version.
    if (site) ctx.text = (row) => postTextFor(site, reader, row, reader.moderator || reader.everyVersion === true);
    return rows.map((r) => postView(ctx, r, comments.get(r.id) ?? []));
  }

  /** A post as everyone sees it (live events carry this copy; an announcement with every version). */
  async publicView(row: PostRow): Promise<FeedPost> {
    const [view] = await this.views([row], { userId: NOBODY, moderator: false, everyVersion: true }, row.siteId);
    return view!;
  }

  async list(actor: HelperActor, p: FeedList) {
    const reader = this.reader(actor, p.siteId);
    const before = p.before ? await this.repo.post(p.before) : undefined;
    if (p.before && before?.siteId !== p.siteId) throw notFound('Post');
    const [pinned, page] = await Promise.all([before ? [] : this.repo.pinned(p.siteId, reader), this.repo.page(p.siteId, reader, before)]);
    const rows = page.slice(0, LIMITS.feedPage);
    const views = await this.views([...pinned, ...rows], reader, p.siteId);
    return {
      pinned: views.slice(0, pinned.length),
      posts: views.slice(pinned.length),
      nextBefore: page.length > LIMITS.feedPage ? rows.at(-1)!.id : null,
    };
  }

  async post(actor: HelperActor, p: FeedPostCreate): Promise<{ post: FeedPost }> {
    const reader = this.reader(actor, p.siteId);
    if (p.announcement && !reader.moderator) {
      throw new AppError(ErrorCode.forbidden, 'Only community managers can post announcements');
    }
    if (p.imageId && (await this.images.siteOf(p.imageId)) !== p.siteId) throw notFound('Image');
    const kind = p.announcement ? 'announcement' : 'post';
    const site = p.announcement && p.translations ? await this.deps.sites.byId(p.siteId) : undefined;
    return this.publish(actor, reader, {
      siteId: p.siteId,
      clientId: p.clientId,
      text: p.text,
      // Only announcements are written in the site's other languages.
      translations: site ? keptTranslations(site, p.translations) : {},
      imageId: p.imageId ?? null,
      kind,
      pinned: kind === 'announcement',
    });
  }

  /** "Ask the room": only the helper holding the active chat, or a moderator of its site; the text is scrubbed again here. */
  async ask(actor: HelperActor, p: FeedAsk): Promise<{ post: FeedPost }> {
    const conv = await this.deps.conversationRepo.findRow(p.conversationId);
    // First the one read rule (a staff chat is not its former helper's), then: held and in progress, or a manager.
    if (!conv || !mayReadConversation(actor, conv)) throw notFound('Conversation');
    const holder = conv.status === 'active' && conv.helperId === actor.userId;
    if (!(holder || hasRoleOn(actor, conv.siteId, 'moderator'))) throw notFound('Conversation');
    const reader = this.reader(actor, conv.siteId);
    const fields = { siteId: conv.siteId, clientId: p.clientId, text: anonymise(p.text), conversationId: conv.id, kind: 'ask' as const };
    return this.publish(actor, reader, fields);
  }

  private async publish(actor: HelperActor, reader: Reader, values: Omit<Parameters<FeedRepository['insertPost']>[0], 'authorId'>) {
    const { row, created } = await this.repo.insertPost({ ...values, authorId: actor.userId });
    const [post] = await this.views([row], reader, row.siteId);
    if (created) {
      // An announcement in several languages goes out with every version and the default text.
      this.events.created(post!.versions ? await this.publicView(row) : post!);
      const members = await this.repo.members(row.siteId);
      await this.notifier.written(actor, members, { siteId: row.siteId, postId: row.id, text: row.text });
    }
    return { post: post! };
  }

  async comment(actor: HelperActor, p: FeedCommentCreate): Promise<{ comment: FeedComment }> {
    const { row: post } = await this.visiblePost(actor, p.postId);
    if (post.moderation) throw new AppError(ErrorCode.invalidState, 'This post was taken down by a moderator; it cannot get comments');
    const { row, created } = await this.repo.insertComment({ postId: post.id, authorId: actor.userId, clientId: p.clientId, text: p.text });
    const members = await this.repo.members(post.siteId);
    const comment = commentView({ members: new Map(members.map((m) => [m.id, m])), liked: new Set() }, row);
    if (created) {
      this.events.commented(post.siteId, comment);
      const fresh = await this.repo.post(post.id);
      if (fresh) this.events.updated(await this.publicView(fresh));
      await this.notifier.written(actor, members, { siteId: post.siteId, postId: post.id, text: row.text, postAuthorId: post.authorId });
    }
    return { comment };
  }

  async comments(actor: HelperActor, postId: string): Promise<{ comments: FeedComment[] }> {
    const { row, reader } = await this.visiblePost(actor, postId);
    const [ctx, rows] = await Promise.all([this.context(row.siteId, actor.userId, []), this.repo.comments(row.id, reader)]);
    return { comments: rows.map((c) => commentView(ctx, c)) };
  }

  async like(actor: HelperActor, postId: string, liked: boolean): Promise<{ likeCount: number; liked: boolean }> {
    const { row } = await this.visiblePost(actor, postId);
    if (row.moderation) throw new AppError(ErrorCode.invalidState, 'This post was taken down by a moderator');
    const before = row.likeCount;
    const updated = await this.repo.setLike(row.id, actor.userId, liked);
    // A repeated like changes nothing, so nobody is told anything.
    if (updated.likeCount !== before) this.events.updated(await this.publicView(updated));
    return { likeCount: updated.likeCount, liked };
  }
}
