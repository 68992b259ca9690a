import { useState } from 'preact/hooks';

const LABELS = ['Not helpful', 'Not very helpful', 'OK', 'Helpful', 'Very helpful'];

/** 1–5 stars and an optional comment, after the chat has ended. */
export function Rating({ onRate, given }: { onRate: (rating: number, comment: string) => Promise<string | null>; given: number | null }) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (given) {
    return (
      <p class="thanks" role="status">
        Thanks for your feedback! {'★'.repeat(given)}
      </p>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!rating) return;
    setBusy(true);
    setError(await onRate(rating, comment));
    setBusy(false);
  };
  return (
    <form class="rating" onSubmit={submit}>
      <fieldset>
        <legend>How helpful was this answer?</legend>
        <div class="stars">
          {LABELS.map((label, i) => (
            <button
              key={label}
              type="button"
              class={`star ${i < rating ? 'on' : ''}`}
              aria-label={`${i + 1} star${i ? 's' : ''}: ${label}`}
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
            aria-label="Comment (optional)"
            placeholder="Anything to add? (optional)"
            rows={2}
            value={comment}
            maxLength={1000}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={busy}>
            Send rating
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
