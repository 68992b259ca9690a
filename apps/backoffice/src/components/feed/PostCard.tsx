import { useState } from 'preact/hooks';
import type { FeedModerate, FeedPost } from '@tribu/protocol/client';
import type { Mentionable } from '@tribu/domain';
import type { FeedApi } from '../../hooks/useFeed.ts';
import { Avatar } from '../Avatar.tsx';
import { CommentThread } from './CommentThread.tsx';
import { ChatIcon, HeartIcon, PinIcon } from './icons.tsx';
import { ModerationMenu } from './ModerationMenu.tsx';
import { ReportButton } from '../moderation/ReportButton.tsx';
import { ModerationNote } from './ModerationNote.tsx';
import { RichText } from './RichText.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  post: FeedPost;
  me: string;
  now: number;
  moderator: boolean;
  online: boolean;
  members: readonly Mentionable[];
  feed: Pick<FeedApi, 'comment' | 'like' | 'allComments' | 'moderate' | 'pin'>;
}

/** One post of the wall: author, time, text, image, like, comments; the manager's menu. */
export function PostCard({ post, me, now, moderator, online, members, feed }: Props) {
  const { t, f } = useI18n();
  const w = t.community.feed;
  const name = post.author?.displayName ?? w.formerMember;
  const role = post.author?.role;
  const badge = role === 'moderator' ? w.roleManager : role === 'admin' ? w.roleAdmin : null;
  const moderate = (m: FeedModerate) => feed.moderate(m);
  // A quiet post shows no empty comment box: it opens on demand, and stays open once there is a thread.
  const [writing, setWriting] = useState(false);
  const showBox = !post.moderation && (writing || post.comments.length > 0);
  return (
    <article
      id={`post-${post.id}`}
      class={`post kind-${post.kind} ${post.pinned ? 'pinned' : ''} ${post.moderation ? 'moderated' : ''}`}
      aria-label={w.postBy(name)}
    >
      <header class="post-head">
        <Avatar name={name} url={post.author?.avatarUrl ?? null} size={40} />
        <div class="post-who">
          <strong>{name}</strong>
          {badge && <span class="role-badge">{badge}</span>}
          <time class="muted" dateTime={post.createdAt} title={f.dateTime(post.createdAt)}>
            {f.relative(post.createdAt, now)}
          </time>
        </div>
        {post.pinned && (
          <span class="pin-label">
            <PinIcon /> {w.announcement}
          </span>
        )}
        {moderator && (
          <ModerationMenu
            target="post"
            id={post.id}
            moderated={!!post.moderation}
            pinned={post.pinned}
            onPin={(pinned) => feed.pin(post.id, pinned)}
            onModerate={moderate}
          />
        )}
        {!moderator && post.author?.id !== me && <ReportButton kind="post" targetId={post.id} class="link feed-report" />}
      </header>
      {post.kind === 'ask' && (
        <p class="ask-label">
          <ChatIcon /> {w.askedFromChat}
          {post.conversationId && (post.author?.id === me || moderator) && (
            <a href={`/backoffice/chats/${encodeURIComponent(post.conversationId)}`}>{w.openChat}</a>
          )}
        </p>
      )}
      {post.moderation && <ModerationNote moderation={post.moderation} />}
      <RichText text={post.text} members={members} />
      {post.imageUrl && /^\/api\/images\//.test(post.imageUrl) && (
        <a class="post-image" href={post.imageUrl} target="_blank" rel="noopener">
          <img src={post.imageUrl} alt={w.imageBy(name)} loading="lazy" />
        </a>
      )}
      <div class="post-actions">
        <button
          type="button"
          class={`like ${post.liked ? 'on' : ''}`}
          aria-pressed={post.liked}
          title={post.liked ? w.youLike : w.like}
          disabled={!online || !!post.moderation}
          onClick={() => void feed.like(post.id, !post.liked)}
        >
          <HeartIcon filled={post.liked} />
          <span class="sr-only">{w.like} </span>
          {post.likeCount}
        </button>
        {!post.moderation && !showBox && (
          <button type="button" class="ghost small comment-toggle" disabled={!online} onClick={() => setWriting(true)}>
            <ChatIcon /> {w.comment}
          </button>
        )}
        {post.commentCount > 0 && <span class="muted comment-count">{f.plural(post.commentCount, w.comments)}</span>}
      </div>
      <CommentThread
        post={post}
        now={now}
        moderator={moderator}
        online={online}
        members={members}
        onComment={(text) => feed.comment(post.id, text)}
        onShowAll={() => feed.allComments(post.id)}
        onModerate={moderate}
        showBox={showBox}
        focus={writing}
      />
    </article>
  );
}
