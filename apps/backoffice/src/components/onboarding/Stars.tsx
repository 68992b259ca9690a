/** A visitor's rating as stars, read aloud as words. */
export function Stars({ rating }: { rating: number | null }) {
  if (!rating) return <span class="muted obs-unrated">Not rated</span>;
  return (
    <span class="obs-stars" role="img" aria-label={`Rated ${rating} of 5`}>
      {'★'.repeat(rating)}
      <span class="obs-stars-off">{'★'.repeat(5 - rating)}</span>
    </span>
  );
}
