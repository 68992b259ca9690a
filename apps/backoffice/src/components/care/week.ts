import type { PledgeSlot } from '@tribu/protocol/client';

/** The week's days, Monday first, in a language: "Monday"… (or "Mon"… short), capitalised for lists and menus. */
export function weekdays(locale: string, width: 'long' | 'short' = 'long'): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  // 1 January 2024 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const name = format.format(Date.UTC(2024, 0, 1 + i));
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  });
}

export const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** "Sunday 18:00–20:00": a pledged slot, with the day names of `weekdays()`. */
export const slotText = (s: PledgeSlot, days: readonly string[]) => `${days[s.weekday - 1]} ${hh(s.startHour)}–${hh(s.endHour)}`;
