import { useEffect, useState } from 'preact/hooks';
import type { ThanksWall as Wall } from '@tribu/protocol/client';
import { ApiError, api } from '../../api/http.ts';
import { thanksApi } from '../../api/care.ts';
import '../../styles/care.css';

const month = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { month: 'long', year: 'numeric' });

/**
 * A helper's thank-you wall: visitors' own words (rendered as text, never as HTML), anonymous. The
 * helper hides or shows any card; a manager may remove one for good (with a reason, audited).
 */
export function ThanksWall({
  siteId,
  userId,
  csrf,
  headingId,
  title = 'Thank-you wall',
  panel = false,
}: {
  siteId: string;
  userId: string;
  csrf?: string;
  headingId: string;
  title?: string;
  /** A card of its own on a page (with an h2), rather than a part of a dialog (an h3). */
  panel?: boolean;
}) {
  const [wall, setWall] = useState<Wall | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    thanksApi.wall(siteId, userId).then(
      (w) => live && setWall(w),
      () => live && setWall(null),
    );
    return () => {
      live = false;
    };
  }, [siteId, userId]);
  if (!wall) return null;
  const act = async (run: (token: string) => Promise<Wall | void>) => {
    setError(null);
    try {
      // In a dialog opened from anywhere the page may not hold the token: the session gives it.
      const next = await run(csrf ?? (await api.me()).csrfToken);
      if (next) setWall(next);
      else setWall(await thanksApi.wall(siteId, userId));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'That did not work; try again');
    }
  };
  const remove = (cardId: string) => {
    const reason = window.prompt('Remove this card for good? Say why (kept in the audit log):');
    if (reason?.trim()) void act((token) => thanksApi.remove(token, siteId, cardId, reason.trim()));
  };
  return (
    <section class={panel ? 'panel thanks-wall' : 'thanks-wall'} aria-labelledby={headingId}>
      {panel ? <h2 id={headingId}>{title}</h2> : <h3 id={headingId}>{title}</h3>}
      {wall.cards.length === 0 ? (
        <p class="muted small">
          {wall.mine ? 'When a visitor rates you 4 or 5 stars and agrees to share their comment, it appears here.' : 'No thank-you card yet.'}
        </p>
      ) : (
        <ul class="thanks-cards">
          {wall.cards.map((c) => (
            <li key={c.id} class={c.hidden ? 'thanks-card hidden-card' : 'thanks-card'} data-card={c.id}>
              <p class="stars" aria-label={`${c.rating} stars out of 5`}>
                {'★'.repeat(c.rating)}
              </p>
              <blockquote>{c.text}</blockquote>
              <p class="thanks-meta">
                A visitor · {month(c.createdAt)}
                {c.hidden && <span class="chip">Hidden from others</span>}
              </p>
              {(wall.mine || wall.canRemove) && (
                <p class="thanks-actions">
                  {wall.mine && (
                    <button type="button" class="ghost small" onClick={() => void act((token) => thanksApi.hide(token, siteId, c.id, !c.hidden))}>
                      {c.hidden ? 'Show on my profile' : 'Hide'}
                    </button>
                  )}
                  {wall.canRemove && !wall.mine && (
                    <button type="button" class="ghost small danger" onClick={() => remove(c.id)}>
                      Remove
                    </button>
                  )}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
