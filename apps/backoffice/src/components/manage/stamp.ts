import type { Format } from '../../i18n/index.tsx';

const HOUR = 3600_000;

/** When something happened, in the person's language and time zone: "14:02" today, "Mon 14:02" this week, else "3 Nov 2026, 14:02". */
export function stamp(f: Format, iso: string, now = Date.now()): string {
  const age = now - new Date(iso).getTime();
  if (age < 20 * HOUR && f.date(iso) === f.date(now)) return f.time(iso);
  if (age < 6 * 24 * HOUR) return `${f.weekday(iso)} ${f.time(iso)}`;
  return f.dateTime(iso);
}
