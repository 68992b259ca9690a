import { useI18n } from '../../i18n/index.tsx';

/** A visitor's rating as stars, read aloud as words. */
export function Stars({ rating }: { rating: number | null }) {
  const { t } = useI18n();
  if (!rating) return <span class="muted obs-unrated">{t.community.onboarding.notRated}</span>;
  return (
    <span class="obs-stars" role="img" aria-label={t.community.onboarding.rated(rating)}>
      {'★'.repeat(rating)}
      <span class="obs-stars-off">{'★'.repeat(5 - rating)}</span>
    </span>
  );
}
