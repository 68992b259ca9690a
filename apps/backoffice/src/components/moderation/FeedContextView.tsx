import type { FeedContext } from '@tribu/protocol/client';
import { stamp } from '../manage/stamp.ts';
import { useI18n } from '../../i18n/index.tsx';

/** A reported post or comment as it stands, with its author (and, for a comment, the post it answers). */
export function FeedContextView({ c }: { c: FeedContext }) {
  const { t, f } = useI18n();
  const w = t.manage.moderation;
  return (
    <div class="mod-context">
      {c.postText && (
        <p class="mod-parent">
          {w.onThePost} <q>{c.postText}</q>
        </p>
      )}
      <blockquote class="mod-quote">
        <p>{c.text || <em>{w.deleted}</em>}</p>
        <footer>
          {c.authorName ?? w.formerMember} · {stamp(f, c.createdAt)}
          {c.moderation && <span class="mod-chip">{c.moderation === 'hidden' ? w.hiddenChip : w.deletedChip}</span>}
        </footer>
      </blockquote>
    </div>
  );
}
