import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { contentIn } from '@tribu/domain';
import type { ContentTranslations, FeedComment, FeedModerate, FeedPost } from '@tribu/protocol/client';
import { findPost, mapPost, removeComment, removePost, upsertComment, upsertPost, type FeedLists } from '../components/feed/feed-state.ts';
import { command, newClientId, type HelperSocket } from '../realtime/socket.ts';
import { useI18n } from '../i18n/index.tsx';

type Result = { ok: true } | { ok: false; message: string };
const EMPTY: FeedLists = { pinned: [], posts: [] };

/**
 * The site's feed, live: listed on (re)connect, then kept fresh by `feed:*` facts. Others' new posts
 * wait in `fresh` while the reader is scrolled down (`holdNew()` says so), so the page never jumps.
 */
export function useFeed(socket: HelperSocket | null, siteId: string, online: boolean, me: string, holdNew: () => boolean) {
  const [lists, setLists] = useState<FeedLists>(EMPTY);
  const [fresh, setFresh] = useState<FeedPost[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const hold = useRef(holdNew);
  hold.current = holdNew;
  const current = useRef(lists);
  current.current = lists;
  // Live copies of an announcement carry every version: each reader keeps the one in their language.
  const lang = useI18n().locale;
  const locale = useRef(lang);
  locale.current = lang;

  useEffect(() => {
    if (!socket || !online) return;
    let live = true;
    void command(socket, 'feed:list', { siteId }).then((r) => {
      if (!live) return;
      if (!r.ok) return setState('error');
      setLists({ pinned: r.data.pinned, posts: r.data.posts });
      setNextBefore(r.data.nextBefore);
      setFresh([]);
      setState('ready');
    });
    const mine = (p: { siteId: string }) => p.siteId === siteId;
    const inMyLanguage = <P extends Omit<FeedPost, 'liked'>>(p: P): P =>
      p.versions ? { ...p, text: contentIn({ text: p.versions.text }, p.versions.translations, locale.current).text } : p;
    const created = (live: FeedPost) => {
      const p = inMyLanguage(live);
      if (!mine(p)) return;
      const { liked: _ignored, ...post } = p;
      // Known already (our own post, a restored one): replaced in place. Others' news may wait in the pill.
      if (findPost(current.current, p.id) || p.author?.id === me || p.pinned || !hold.current()) setLists((l) => upsertPost(l, post));
      else setFresh((f) => (f.some((x) => x.id === p.id) ? f : [p, ...f]));
    };
    const updated = (live: Omit<FeedPost, 'liked'>) => {
      const p = inMyLanguage(live);
      if (mine(p)) setLists((l) => (findPost(l, p.id) ? upsertPost(l, p) : l));
    };
    const commented = (c: FeedComment) => setLists((l) => upsertComment(l, c));
    const removed = (r: { postId: string; commentId?: string }) => {
      setLists((l) => (r.commentId ? removeComment(l, r.postId, r.commentId) : removePost(l, r.postId)));
      if (!r.commentId) setFresh((f) => f.filter((p) => p.id !== r.postId));
    };
    socket.on('feed:created', created);
    socket.on('feed:updated', updated);
    socket.on('feed:commented', commented);
    socket.on('feed:removed', removed);
    return () => {
      live = false;
      socket.off('feed:created', created);
      socket.off('feed:updated', updated);
      socket.off('feed:commented', commented);
      socket.off('feed:removed', removed);
    };
  }, [socket, siteId, online, me]);

  const showFresh = useCallback(() => {
    setLists((l) => fresh.reduce(upsertPost, l));
    setFresh([]);
  }, [fresh]);

  const loadOlder = useCallback(async (): Promise<Result> => {
    if (!socket || !nextBefore) return { ok: true };
    const r = await command(socket, 'feed:list', { siteId, before: nextBefore });
    if (!r.ok) return { ok: false, message: r.error.message };
    setLists((l) => r.data.posts.reduce(upsertPost, l));
    setNextBefore(r.data.nextBefore);
    return { ok: true };
  }, [socket, siteId, nextBefore]);

  const actions = useFeedActions(socket, siteId, setLists);
  return { ...lists, fresh, nextBefore, state, showFresh, loadOlder, ...actions };
}

type SetLists = (f: (l: FeedLists) => FeedLists) => void;

/** The reader's own actions; each answers `{ ok }` or a message to show where it happened. */
function useFeedActions(socket: HelperSocket | null, siteId: string, setLists: SetLists) {
  const offline = useI18n().t.community.feed.offlineRetry;
  const fail = (message = offline): Result => ({ ok: false, message });
  const post = useCallback(
    async (text: string, imageId?: string, announcement?: boolean, translations?: ContentTranslations<'text'>): Promise<Result> => {
      if (!socket) return fail();
      const versions = announcement && translations ? { translations } : {};
      const r = await command(socket, 'feed:post', { siteId, clientId: newClientId(), text, imageId, announcement: announcement || undefined, ...versions });
      if (!r.ok) return fail(r.error.message);
      setLists((l) => upsertPost(l, r.data.post));
      return { ok: true };
    },
    [socket, siteId, offline],
  );
  const comment = useCallback(
    async (postId: string, text: string): Promise<Result> => {
      if (!socket) return fail();
      const r = await command(socket, 'feed:comment', { postId, clientId: newClientId(), text });
      if (!r.ok) return fail(r.error.message);
      setLists((l) => upsertComment(l, r.data.comment));
      return { ok: true };
    },
    [socket, offline],
  );
  const like = useCallback(
    async (postId: string, liked: boolean): Promise<Result> => {
      if (!socket) return fail();
      // Optimistic: the heart answers at once; the server's count replaces ours.
      setLists((l) => mapPost(l, postId, (p) => ({ ...p, liked, likeCount: Math.max(0, p.likeCount + (liked ? 1 : -1)) })));
      const r = await command(socket, 'feed:like', { postId, liked });
      setLists((l) => mapPost(l, postId, (p) => (r.ok ? { ...p, liked: r.data.liked, likeCount: r.data.likeCount } : { ...p, liked: !liked })));
      return r.ok ? { ok: true } : fail(r.error.message);
    },
    [socket, offline],
  );
  const allComments = useCallback(
    async (postId: string): Promise<Result> => {
      if (!socket) return fail();
      const r = await command(socket, 'feed:comments', { postId });
      if (!r.ok) return fail(r.error.message);
      setLists((l) => mapPost(l, postId, (p) => ({ ...p, comments: r.data.comments })));
      return { ok: true };
    },
    [socket, offline],
  );
  const moderate = useCallback(
    async (m: FeedModerate): Promise<Result> => {
      if (!socket) return fail();
      const r = await command(socket, 'feed:moderate', m);
      if (!r.ok) return fail(r.error.message);
      setLists((l) => {
        const withPost = upsertPost(l, r.data.post);
        return r.data.comment ? upsertComment(withPost, r.data.comment) : withPost;
      });
      return { ok: true };
    },
    [socket, offline],
  );
  const pin = useCallback(
    async (postId: string, pinned: boolean): Promise<Result> => {
      if (!socket) return fail();
      const r = await command(socket, 'feed:pin', { postId, pinned });
      if (!r.ok) return fail(r.error.message);
      setLists((l) => {
        const p = findPost(l, postId);
        return p ? upsertPost(l, { ...p, pinned }) : l;
      });
      return { ok: true };
    },
    [socket, offline],
  );
  return { post, comment, like, allComments, moderate, pin };
}

export type FeedApi = ReturnType<typeof useFeed>;
export type { Result as FeedResult };
