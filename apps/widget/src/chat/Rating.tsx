import { useState } from 'preact/hooks';
import { useI18n } from './i18n/index.ts';

/** The thank-you wall's consent, here rather than in the dictionaries: only this lazy chunk carries it. */
const SHARE = {
  en: 'Show my comment on {name}’s profile as a thank-you (without my name)',
  fr: 'Afficher mon commentaire sur le profil de {name} en remerciement (sans mon nom)',
  es: 'Mostrar mi comentario en el perfil de {name} como agradecimiento (sin mi nombre)',
};

interface Props {
  onRate: (rating: number, comment: string, thank?: boolean) => Promise<string | null>;
  /** The helper's first name, for the thank-you consent. */
  helper: string;
  given: number | null;
  /** After a 4 or 5: the brand's "Become a helper" page (opens in a new tab). */
  join: { url: string; brand: string };
}

/** 1–5 stars and an optional comment, after the chat has ended. */
export function Rating({ onRate, given, join, helper }: Props) {
  const { t, locale } = useI18n();
  // Unticked unless the visitor ticks it; offered only for 4–5 stars with a comment.
  const [share, setShare] = useState(false);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (given) {
    return (
      <>
        <p class="thanks" role="status">
          {t.thanks} {'★'.repeat(given)}
        </p>
        {given >= 4 && (
          <a class="join" href={join.url} target="_blank" rel="noopener">
            {t.becomeHelper(join.brand)}
          </a>
        )}
      </>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!rating) return;
    setBusy(true);
    setError(await onRate(rating, comment, share && rating > 3 && comment.trim() !== ''));
    setBusy(false);
  };
  return (
    <form class="rating" onSubmit={submit}>
      <fieldset>
        <legend>{t.rateLegend}</legend>
        <div class="stars">
          {t.rateLabels.map((label, i) => (
            <button
              key={label}
              type="button"
              class={`star ${i < rating ? 'on' : ''}`}
              aria-label={t.star(i + 1, label)}
              aria-pressed={i + 1 === rating}
              onClick={() => setRating(i + 1)}
            >
              ★
            </button>
          ))}
        </div>
      </fieldset>
      {rating > 0 && (
        <>
          <textarea
            aria-label={t.comment}
            placeholder={t.commentPlaceholder}
            rows={2}
            value={comment}
            maxLength={1000}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          {rating > 3 && comment.trim() && (
            <label class="share" style={{ display: 'flex', gap: '8px', alignItems: 'flex-start', fontSize: '13px', textAlign: 'left' }}>
              <input type="checkbox" checked={share} onChange={(e) => setShare(e.currentTarget.checked)} />
              {SHARE[locale].replace('{name}', helper)}
            </label>
          )}
          <button type="submit" class="primary" disabled={busy}>
            {t.sendRating}
          </button>
        </>
      )}
      {error && (
        <p class="limit" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
