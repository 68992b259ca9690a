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
  // The card a manager is removing, and why (kept in the audit log).
  const [removing, setRemoving] = useState<{ id: string; reason: string } | null>(null);
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
  const remove = (e: Event) => {
    e.preventDefault();
    if (!removing?.reason.trim()) return;
    const { id, reason } = removing;
    setRemoving(null);
    void act((token) => thanksApi.remove(token, siteId, id, reason.trim()));
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
                  {wall.canRemove && !wall.mine && removing?.id !== c.id && (
                    <button type="button" class="ghost small danger" onClick={() => setRemoving({ id: c.id, reason: '' })}>
                      Remove
                    </button>
                  )}
                </p>
              )}
              {removing?.id === c.id && (
                <form class="thanks-remove" onSubmit={remove}>
                  <label>
                    Why remove it for good? <small class="muted">(kept in the audit log)</small>
                    <input
                      type="text"
                      maxLength={300}
                      value={removing.reason}
                      onInput={(e) => setRemoving({ id: c.id, reason: e.currentTarget.value })}
                      required
                    />
                  </label>
                  <span class="thanks-actions">
                    <button type="submit" class="ghost small danger" disabled={!removing.reason.trim()}>
                      Remove for good
                    </button>
                    <button type="button" class="ghost small" onClick={() => setRemoving(null)}>
                      Cancel
                    </button>
                  </span>
                </form>
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
