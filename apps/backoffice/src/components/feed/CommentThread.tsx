import { useState } from 'preact/hooks';
import { LIMITS, type FeedComment, type FeedModerate, type FeedPost } from '@tribu/protocol/client';
import type { Mentionable } from '@tribu/domain';
import type { FeedResult } from '../../hooks/useFeed.ts';
import { Avatar } from '../Avatar.tsx';
import { ModerationMenu } from './ModerationMenu.tsx';
import { ReportButton } from '../moderation/ReportButton.tsx';
import { ModerationNote } from './ModerationNote.tsx';
import { RichText } from './RichText.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  post: FeedPost;
  now: number;
  moderator: boolean;
  online: boolean;
  members: readonly Mentionable[];
  onComment: (text: string) => Promise<FeedResult>;
  onShowAll: () => Promise<FeedResult>;
  onModerate: (m: FeedModerate) => Promise<FeedResult>;
  showBox: boolean;
  /** Opened on purpose: the caret goes to the box. */
  focus: boolean;
}

function Comment({ c, now, moderator, members, onModerate }: { c: FeedComment } & Pick<Props, 'now' | 'moderator' | 'members' | 'onModerate'>) {
  const { t, f } = useI18n();
  const name = c.author?.displayName ?? t.community.feed.formerMember;
  return (
    <li class={`comment ${c.moderation ? 'moderated' : ''}`}>
      <Avatar name={name} url={c.author?.avatarUrl ?? null} size={26} />
      <div class="comment-body">
        <div class="comment-head">
          <strong>{name}</strong>
          <time class="muted" dateTime={c.createdAt} title={f.dateTime(c.createdAt)}>
            {f.relative(c.createdAt, now)}
          </time>
          {moderator ? (
            <ModerationMenu target="comment" id={c.id} moderated={!!c.moderation} onModerate={onModerate} />
          ) : (
            <ReportButton kind="comment" targetId={c.id} class="link feed-report" />
          )}
        </div>
        {c.moderation && <ModerationNote moderation={c.moderation} />}
        {c.text && <RichText text={c.text} members={members} />}
      </div>
    </li>
  );
}

/** The latest comments of a post, "Show all N comments", and a box to add one. */
export function CommentThread({ post, now, moderator, online, members, onComment, onShowAll, onModerate, showBox, focus }: Props) {
  const { t, f } = useI18n();
  const w = t.community.feed;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hidden = post.commentCount - post.comments.filter((c) => !c.moderation).length;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    const r = await onComment(text.trim());
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setText('');
    setError(null);
  };
  const over = text.trim().length > LIMITS.commentText;
  if (!showBox && post.comments.length === 0 && hidden <= 0 && !error) return null;
  return (
    <div class="thread">
      {hidden > 0 && (
        <button type="button" class="link show-all" onClick={() => void onShowAll().then((r) => !r.ok && setError(r.message))}>
          {f.plural(post.commentCount, w.showAllComments)}
        </button>
      )}
      {post.comments.length > 0 && (
        <ul class="comments" aria-label={w.commentsLabel}>
          {post.comments.map((c) => (
            <Comment key={c.id} c={c} now={now} moderator={moderator} members={members} onModerate={onModerate} />
          ))}
        </ul>
      )}
      {showBox && (
        <form class="comment-box" onSubmit={submit}>
          <label class="sr-only" for={`comment-${post.id}`}>
            {post.author ? w.commentOn(post.author.displayName) : w.commentOnThis}
          </label>
          <input
            id={`comment-${post.id}`}
            value={text}
            placeholder={online ? w.writeComment : w.commentsOffline}
            disabled={!online}
            autoFocus={focus}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" class="primary small" disabled={!online || !text.trim() || over || busy}>
            {w.send}
          </button>
        </form>
      )}
      {over && <p class="alert">{w.commentTooLong(f.number(LIMITS.commentText))}</p>}
      <ErrorAlert message={error} />
    </div>
  );
}
