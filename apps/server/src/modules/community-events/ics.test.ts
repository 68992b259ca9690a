import { describe, expect, it } from 'vitest';
import { eventIcs, foldLine, icsText, icsTime } from './ics.ts';

describe('iCalendar text', () => {
  it.each<[string, string]>([
    ['plain', 'plain'],
    ['Paris, 2nd floor; door B', 'Paris\\, 2nd floor\\; door B'],
    ['C:\\temp', 'C:\\\\temp'],
    ['line one\nline two\r\nthree\rfour', 'line one\\nline two\\nthree\\nfour'],
  ])('escapes %j', (input, expected) => {
    expect(icsText(input)).toBe(expected);
  });

  it('writes times in UTC without separators', () => {
    expect(icsTime(new Date('2026-12-10T19:00:00+01:00'))).toBe('20261210T180000Z');
  });

  it('folds at 75 octets, continuation lines starting with a space, never inside a character', () => {
    const line = `SUMMARY:${'é'.repeat(40)}`; // 8 + 80 octets
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts).toEqual([`SUMMARY:${'é'.repeat(33)}`, ` ${'é'.repeat(7)}`]);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('leaves a short line alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
  });
});

describe('an event as a .ics file', () => {
  it('holds the event with a stable UID, UTC times and escaped text', () => {
    const ics = eventIcs(
      {
        id: '3f1c5e2a-8d4b-4c1e-9a7f-2b6d8e0c4a11',
        title: 'Meetup, Paris; spring',
        description: 'Bring a friend.\nCoffee at 18:30',
        startsAt: new Date('2026-12-10T18:00:00Z'),
        endsAt: new Date('2026-12-10T20:00:00Z'),
        place: '12 rue de la Paix, Paris',
        link: 'https://example.com/meet?a=1,b=2',
        sequence: 2,
        cancelled: false,
        updatedAt: new Date('2026-12-01T09:30:15.123Z'),
      },
      'tribu.example',
    );
    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Tribu//Community events//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:event-3f1c5e2a-8d4b-4c1e-9a7f-2b6d8e0c4a11@tribu.example',
        'DTSTAMP:20261201T093015Z',
        'DTSTART:20261210T180000Z',
        'DTEND:20261210T200000Z',
        'SEQUENCE:2',
        'STATUS:CONFIRMED',
        'SUMMARY:Meetup\\, Paris\\; spring',
        'DESCRIPTION:Bring a friend.\\nCoffee at 18:30',
        'LOCATION:12 rue de la Paix\\, Paris',
        'URL:https://example.com/meet?a=1,b=2',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('marks a cancelled event and leaves out what is empty', () => {
    const ics = eventIcs(
      {
        id: 'e1',
        title: 'Webinar',
        description: '',
        startsAt: new Date('2026-12-10T18:00:00Z'),
        endsAt: new Date('2026-12-10T19:00:00Z'),
        place: '',
        link: '',
        sequence: 3,
        cancelled: true,
        updatedAt: new Date('2026-12-02T00:00:00Z'),
      },
      'h',
    );
    expect(ics).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(ics).not.toContain('DESCRIPTION');
    expect(ics).not.toContain('LOCATION');
    expect(ics).not.toContain('URL:');
  });
});
