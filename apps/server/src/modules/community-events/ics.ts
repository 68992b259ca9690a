/**
 * iCalendar (RFC 5545) for one event: CRLF line ends, TEXT values escaped (§3.3.11), lines folded at
 * 75 octets without splitting a UTF-8 character (§3.1), times in UTC, and a UID that stays the same
 * for the event's life so a calendar updates its copy (SEQUENCE grows with each edit) instead of
 * adding another.
 */
export interface IcsEvent {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  link: string;
  sequence: number;
  cancelled: boolean;
  /** When the event last changed: the DTSTAMP, so the same event always gives the same file. */
  updatedAt: Date;
}

/** `20261210T180000Z`. */
export function icsTime(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A TEXT value: backslash, semicolon and comma escaped, every line break as `\n`. */
export function icsText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** One content line folded into lines of at most 75 octets; each continuation starts with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  // A continuation line's leading space counts in its 75 octets.
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** The whole `.ics` file of one event (METHOD:PUBLISH: a copy for one's calendar, not an invitation). */
export function eventIcs(e: IcsEvent, uidHost: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tribu//Community events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:event-${e.id}@${uidHost}`,
    `DTSTAMP:${icsTime(e.updatedAt)}`,
    `DTSTART:${icsTime(e.startsAt)}`,
    `DTEND:${icsTime(e.endsAt)}`,
    `SEQUENCE:${e.sequence}`,
    `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${icsText(e.title)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${icsText(e.description)}`);
  if (e.place) lines.push(`LOCATION:${icsText(e.place)}`);
  // URL is a URI value, not TEXT: written as it is (the link was checked as http(s) when saved).
  if (e.link) lines.push(`URL:${e.link}`);
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
