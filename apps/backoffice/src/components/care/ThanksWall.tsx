import { useEffect, useState } from 'preact/hooks';
import type { ThanksWall as Wall } from '@tribu/protocol/client';
import { ApiError, api } from '../../api/http.ts';
import { thanksApi } from '../../api/care.ts';
import { useI18n } from '../../i18n/index.tsx';
import '../../styles/care.css';

/**
 * A helper's thank-you wall: visitors' own words (rendered as text, never as HTML), anonymous. The
 * helper hides or shows any card; a manager may remove one for good (with a reason, audited).
 */
export function ThanksWall({
  siteId,
  userId,
  csrf,
  headingId,
  title,
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
  const { t, f } = useI18n();
  const w = t.community.care;
  const heading = title ?? w.thanksWall;
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
      setError(e instanceof ApiError ? e.message : w.didNotWork);
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
      {panel ? <h2 id={headingId}>{heading}</h2> : <h3 id={headingId}>{heading}</h3>}
      {wall.cards.length === 0 ? (
        <p class="muted small">{wall.mine ? w.thanksEmptyMine : w.thanksEmpty}</p>
      ) : (
        <ul class="thanks-cards">
          {wall.cards.map((c) => (
            <li key={c.id} class={c.hidden ? 'thanks-card hidden-card' : 'thanks-card'} data-card={c.id}>
              <p class="stars" aria-label={w.starsOf5(c.rating)}>
                {'★'.repeat(c.rating)}
              </p>
              <blockquote>{c.text}</blockquote>
              <p class="thanks-meta">
                {w.aVisitor(f.month(c.createdAt))}
                {c.hidden && <span class="chip">{w.hiddenFromOthers}</span>}
              </p>
              {(wall.mine || wall.canRemove) && (
                <p class="thanks-actions">
                  {wall.mine && (
                    <button type="button" class="ghost small" onClick={() => void act((token) => thanksApi.hide(token, siteId, c.id, !c.hidden))}>
                      {c.hidden ? w.showOnProfile : w.hide}
                    </button>
                  )}
                  {wall.canRemove && !wall.mine && removing?.id !== c.id && (
                    <button type="button" class="ghost small danger" onClick={() => setRemoving({ id: c.id, reason: '' })}>
                      {w.remove}
                    </button>
                  )}
                </p>
              )}
              {removing?.id === c.id && (
                <form class="thanks-remove" onSubmit={remove}>
                  <label>
                    {w.whyRemove} <small class="muted">{w.keptInAudit}</small>
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
                      {w.removeForGood}
                    </button>
                    <button type="button" class="ghost small" onClick={() => setRemoving(null)}>
                      {t.common.cancel}
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
