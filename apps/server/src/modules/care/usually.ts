import type { NextPledged } from '@tribu/domain';
import type { Locale } from '@tribu/protocol';

/** "Usually answered from …", per language; `{when}` is `18:00`, `tomorrow 18:00` or `Sunday 18:00`. */
const WORDS: Record<Locale, { usually: string; tomorrow: string }> = {
  en: { usually: 'Usually answered from {when}', tomorrow: 'tomorrow' },
  fr: { usually: 'Réponses habituelles dès {when}', tomorrow: 'demain' },
  es: { usually: 'Se suele responder desde {when}', tomorrow: 'mañana' },
};

/** A Monday (2024-01-01) plus days: read in UTC, it names the ISO weekday in any language. */
const weekdayName = (weekday: number, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));

/**
 * The widget's offline line: when someone usually is there next, in the site's time zone (the times
 * helpers pledged in). Null when nobody pledged.
 */
export function usuallyText(next: NextPledged | null, locale: Locale): string | null {
  if (!next) return null;
  const w = WORDS[locale];
  const time = `${String(next.hour).padStart(2, '0')}:00`;
  const day = next.daysAhead === 0 ? '' : next.daysAhead === 1 ? `${w.tomorrow} ` : `${weekdayName(next.weekday, locale)} `;
  return w.usually.replace('{when}', day + time);
}
