import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { hasRole, type Mentionable } from '@tribu/domain';
import type { FeedPost, Me } from '@tribu/protocol/client';
import { useFeed } from '../../hooks/useFeed.ts';
import { useNow } from '../../hooks/useNow.ts';
import { usePresence } from '../../hooks/usePresence.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { scrollBehavior } from '../a11y/motion.ts';
import { Composer } from './Composer.tsx';
import { PostCard } from './PostCard.tsx';
import { SHOW_POST_EVENT } from './show-post.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  siteId: string;
  socket: HelperSocket | null;
  online: boolean;
}

// Scrolled further than this, a new post would push what the reader is reading: it waits in the pill.
const HOLD_BELOW_PX = 120;

/** Everyone online or named on the wall: suggested after `@`, highlighted when mentioned. */
function knownMembers(me: Me, posts: FeedPost[], online: Mentionable[]): Mentionable[] {
  const map = new Map<string, Mentionable>([[me.user.id, { id: me.user.id, displayName: me.user.displayName }]]);
  for (const p of online) map.set(p.id, { id: p.id, displayName: p.displayName });
  for (const p of posts) {
    for (const a of [p.author, ...p.comments.map((c) => c.author)]) if (a) map.set(a.id, { id: a.id, displayName: a.displayName });
  }
  return [...map.values()];
}

/** The community's shared wall: posts, comments, likes, announcements pinned on top, live. */
export function Feed({ me, siteId, socket, online }: Props) {
  const { t, f } = useI18n();
  const w = t.community.feed;
  const scroller = useRef<HTMLDivElement>(null);
  const feed = useFeed(socket, siteId, online, me.user.id, () => (scroller.current?.scrollTop ?? 0) > HOLD_BELOW_PX);
  const now = useNow(30_000);
  const role = me.memberships.find((m) => m.siteId === siteId)?.role ?? null;
  const moderator = hasRole(role, 'moderator');
  const { peers } = usePresence(socket, siteId, online, me.user.id);
  const members = useMemo(() => knownMembers(me, [...feed.pinned, ...feed.posts], peers), [me, feed.pinned, feed.posts, peers]);
  const [olderError, setOlderError] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);

  useEffect(() => {
    const show = (e: Event) => {
      const id = (e as CustomEvent<string>).detail;
      document.getElementById(`post-${id}`)?.scrollIntoView({ behavior: scrollBehavior(), block: 'start' });
    };
    window.addEventListener(SHOW_POST_EVENT, show);
    return () => window.removeEventListener(SHOW_POST_EVENT, show);
  }, []);

  const showFresh = () => {
    feed.showFresh();
    scroller.current?.scrollTo({ top: 0, behavior: scrollBehavior() });
  };
  const older = async () => {
    setLoadingOlder(true);
    const r = await feed.loadOlder();
    setLoadingOlder(false);
    setOlderError(r.ok ? null : r.message);
  };
  const card = (p: FeedPost) => <PostCard key={p.id} post={p} me={me.user.id} now={now} moderator={moderator} online={online} members={members} feed={feed} />;

  return (
    <section class="column feed" aria-label={w.label}>
      <div class="feed-scroll" ref={scroller}>
        <Composer
          siteId={siteId}
          csrf={me.csrfToken}
          firstName={me.user.displayName.split(' ')[0] ?? ''}
          moderator={moderator}
          online={online && socket !== null}
          members={members}
          me={me.user.id}
          onPost={feed.post}
          languages={me.memberships.find((m) => m.siteId === siteId)?.languages}
        />
        {feed.fresh.length > 0 && (
          <button type="button" class="fresh-pill" onClick={showFresh}>
            ↑ {f.plural(feed.fresh.length, w.newPosts)}
          </button>
        )}
        {feed.state === 'loading' && <p class="empty">{w.loadingNews}</p>}
        {feed.state === 'error' && (
          <p class="alert feed-error" role="alert">
            {w.loadError}
          </p>
        )}
        {feed.pinned.length > 0 && (
          <div class="pinned" aria-label={w.pinned}>
            {feed.pinned.map(card)}
          </div>
        )}
        {feed.state === 'ready' && feed.posts.length === 0 && feed.pinned.length === 0 && (
          <div class="feed-empty">
            <p class="feed-empty-title">{w.emptyTitle}</p>
            <p class="muted">{w.emptyHint}</p>
          </div>
        )}
        <div class="posts">{feed.posts.map(card)}</div>
        {feed.nextBefore && (
          <button type="button" class="ghost older" disabled={loadingOlder || !online} onClick={() => void older()}>
            {loadingOlder ? t.common.loading : w.loadOlder}
          </button>
        )}
        {olderError && <p class="alert">{olderError}</p>}
        {feed.state === 'ready' && !feed.nextBefore && feed.posts.length > 3 && <p class="feed-end muted">{w.caughtUp}</p>}
      </div>
    </section>
  );
}
