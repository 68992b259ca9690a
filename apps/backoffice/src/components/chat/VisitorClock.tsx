import { useNow } from '../../hooks/useNow.ts';

const languageName = (locale: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
};

function localTime(timeZone: string, now: number): string | null {
  try {
    return new Intl.DateTimeFormat([], { timeZone, hour: '2-digit', minute: '2-digit' }).format(now);
  } catch {
    return null; // an unknown zone: say nothing rather than something wrong
  }
}

/** The visitor's language and their local time, ticking, so helpers know how and when they answer. */
export function VisitorClock({ locale, timeZone }: { locale: string | null; timeZone: string | null }) {
  const now = useNow(20_000);
  const time = timeZone ? localTime(timeZone, now) : null;
  if (!locale && !time) return null;
  return (
    <p class="visitor-clock muted">
      {locale && <span class="chip lang-chip">{languageName(locale)}</span>}
      {time && (
        <span title={timeZone ?? ''}>
          <svg class="clock-icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
            <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5" />
            <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
          </svg>{' '}
          {time} their time
        </span>
      )}
    </p>
  );
}
