import { useNow } from '../../hooks/useNow.ts';
import { useI18n } from '../../i18n/index.tsx';

/** `fr-FR` → "French", in the helper's language ("français", "francés"). */
function languageName(code: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The time where the visitor is (their zone, not the helper's), written the helper's way. */
function localTime(timeZone: string, inLocale: string, now: number): string | null {
  try {
    return new Intl.DateTimeFormat(inLocale, { timeZone, timeStyle: 'short' }).format(now);
  } catch {
    return null; // an unknown zone: say nothing rather than something wrong
  }
}

/** The visitor's language and their local time, ticking, so helpers know how and when they answer. */
export function VisitorClock({ locale, timeZone }: { locale: string | null; timeZone: string | null }) {
  const now = useNow(20_000);
  const { t, f } = useI18n();
  const time = timeZone ? localTime(timeZone, f.locale, now) : null;
  if (!locale && !time) return null;
  return (
    <p class="visitor-clock muted">
      {locale && <span class="chip lang-chip">{languageName(locale, f.locale)}</span>}
      {time && (
        <span title={timeZone ?? ''}>
          <svg class="clock-icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
            <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5" />
            <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
          </svg>{' '}
          {t.desk.pane.theirTime(time)}
        </span>
      )}
    </p>
  );
}
