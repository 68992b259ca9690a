import { describe, expect, it } from 'vitest';
import { cameBack, changesText, noteDue, renderNote } from './reengagement.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const base = { enabled: true, inactiveDays: 30, optedOut: false, lastActiveAt: day(0), lastNoteAt: null, now: day(30) };

describe('noteDue', () => {
  it.each([
    ['away exactly 30 days, never noted: due', {}, true],
    ['away 29 days: not yet', { now: day(29) }, false],
    ['the site sends none', { enabled: false }, false],
    ['opted out', { optedOut: true }, false],
    ['already noted in this spell of absence (even long ago)', { lastNoteAt: day(31), now: day(400) }, false],
    ['noted before their last activity, and over a period ago: due again', { lastActiveAt: day(40), lastNoteAt: day(10), now: day(70) }, true],
    [
      'came back a day after a note, away again 29 days: not yet (notes stay a period apart)',
      { lastActiveAt: day(1), lastNoteAt: day(0), now: day(30) },
      false,
    ],
    ['a 7-day site: away 7 days', { inactiveDays: 7, now: day(7) }, true],
  ])('%s', (_name, over, expected) => {
    expect(noteDue({ ...base, ...over })).toBe(expected);
  });
});

describe('cameBack', () => {
  it.each([
    ['active 3 days after the note', day(3), true],
    ['active on the last day of the window', day(30), true],
    ['active after the window', day(31), false],
    ['not active since', null, false],
    ['active only before the note', day(-1), false],
  ])('%s', (_name, again, expected) => {
    expect(cameBack(day(0), again, 30)).toBe(expected);
  });
});

describe('changesText', () => {
  it.each([
    [{ missions: [], events: [], rewards: [], announcements: [] }, '- Nothing big: the community simply carried on answering.'],
    [{ missions: ['Sunday nights'], events: [], rewards: [], announcements: [] }, '- 1 new mission: Sunday nights'],
    [
      { missions: ['A', 'B'], events: ['Meetup'], rewards: ['Mug'], announcements: ['New shop'] },
      '- 2 new missions: A, B\n- 1 upcoming event: Meetup\n- 1 new reward: Mug\n- 1 announcement: New shop',
    ],
    [{ missions: [], events: [], rewards: [], announcements: ['1', '2', '3', '4', '5', '6', '7'] }, '- 7 announcements: 1, 2, 3, 4, 5 and 2 more'],
  ])('%o', (changes, text) => {
    expect(changesText(changes)).toBe(text);
  });
});

describe('renderNote', () => {
  it('fills every {name} and {changes} and leaves other braces alone', () => {
    expect(renderNote('Hi {name}! {changes} Bye {name} {other}', { name: 'Ada', changes: '- 1 new mission: X' })).toBe(
      'Hi Ada! - 1 new mission: X Bye Ada {other}',
    );
  });
  it('does not read {name} inside the values it puts in', () => {
    expect(renderNote('{changes} / {name}', { name: 'Bo', changes: '{name}' })).toBe('{name} / Bo');
  });
});
