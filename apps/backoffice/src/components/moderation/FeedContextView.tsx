import type { FeedContext } from '@tribu/protocol/client';
import { stamp } from './words.ts';

/** A reported post or comment as it stands, with its author (and, for a comment, the post it answers). */
export function FeedContextView({ c }: { c: FeedContext }) {
  return (
    <div class="mod-context">
      {c.postText && (
        <p class="mod-parent">
          On the post <q>{c.postText}</q>
        </p>
      )}
      <blockquote class="mod-quote">
        <p>{c.text || <em>(deleted)</em>}</p>
        <footer>
          {c.authorName ?? 'A former member'} · {stamp(c.createdAt)}
          {c.moderation && <span class="mod-chip">{c.moderation === 'hidden' ? 'Hidden' : 'Deleted'}</span>}
        </footer>
      </blockquote>
    </div>
  );
}
