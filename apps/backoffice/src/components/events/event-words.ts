import type { CommunityEvent } from '@tribu/protocol/client';
import type { Format, Messages } from '../../i18n/index.tsx';

/** The wall-clock parts of an instant in a time zone. */
function parts(at: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  for (const p of f.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** How far ahead of UTC the zone's clock is at this instant, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const p = parts(at, timeZone);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(at / 1000) * 1000;
}

/** `2027-03-20T18:00` read as a wall-clock time in the zone → the instant (ISO, UTC). */
export function zonedToIso(local: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return '';
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Twice: the offset at the guess may differ from the offset at the answer around a clock change.
  let at = wall - offsetAt(wall, timeZone);
  at = wall - offsetAt(at, timeZone);
  return new Date(at).toISOString();
}

/** An instant as the `datetime-local` value of the zone's wall clock. */
export function isoToZoned(iso: string, timeZone: string): string {
  const p = parts(Date.parse(iso), timeZone);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** "Sat, Mar 20, 2027, 18:00–20:30" in the site's zone and the reader's language (the end's day too when it differs). */
export function whenWords(e: Pick<CommunityEvent, 'startsAt' | 'endsAt'>, timeZone: string, f: Pick<Format, 'locale'>): string {
  const day = new Intl.DateTimeFormat(f.locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = new Intl.DateTimeFormat(f.locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const start = Date.parse(e.startsAt);
  const end = Date.parse(e.endsAt);
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)}, ${time.format(start)}–${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

/** "3 of 10 seats taken · 2 waiting", "4 going" without a limit. */
export function seatsWords(e: Pick<CommunityEvent, 'capacity' | 'going' | 'waiting'>, t: Messages, f: Pick<Format, 'plural' | 'number'>): string {
  const w = t.community.events;
  const seats =
    e.capacity === null
      ? f.plural(e.going, w.going)
      : e.going >= e.capacity
        ? w.full(f.plural(e.capacity, w.seats))
        : w.seatsTaken(e.going, e.capacity, (n) => f.number(n));
  return e.waiting > 0 ? `${seats} · ${f.plural(e.waiting, w.waiting)}` : seats;
}

/** Who may join, in words. */
export function audienceWords(e: Pick<CommunityEvent, 'audience'>, t: Messages, f: Pick<Format, 'plural'>): string {
  const a = e.audience;
  const w = t.community.events;
  if (a.kind === 'tier') return w.tierAndAbove(a.tier);
  if (a.kind === 'picked') return a.userIds.length ? f.plural(a.userIds.length, w.invited) : w.byInvitation;
  return w.everyone;
}

/** "Mon, Jan 18" for a check-in day (a calendar day: no zone shift). */
export function checkInDay(on: string, f: Pick<Format, 'locale'>): string {
  return new Intl.DateTimeFormat(f.locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(Date.parse(`${on}T00:00:00Z`));
}
