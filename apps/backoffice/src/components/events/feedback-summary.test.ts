import type { EventAttendee, FeedbackQuestion } from '@tribu/protocol/client';
import { describe, expect, it } from 'vitest';
import { summarise } from './feedback-summary.ts';

const q: FeedbackQuestion[] = [
  { id: 'fit', label: 'Fit', kind: 'rating' },
  { id: 'dry', label: 'Dry?', kind: 'yesno' },
  { id: 'notes', label: 'Notes', kind: 'text' },
];
const tester = (displayName: string, answers: Record<string, string> | null): EventAttendee => ({
  userId: displayName,
  displayName,
  state: 'going',
  position: null,
  since: '2027-01-01T00:00:00Z',
  feedbackAt: answers ? '2027-01-10T00:00:00Z' : null,
  answers,
});

describe('the feedback report', () => {
  it('averages ratings, counts yes and no, keeps texts with their writer, and leaves out testers who sent nothing', () => {
    const s = summarise(q, [
      tester('Ada', { fit: '4', dry: 'yes', notes: 'Hood is great' }),
      tester('Ben', { fit: '5', dry: 'no', notes: '' }),
      tester('Cleo', null),
    ]);
    expect(s).toEqual([
      { question: q[0], kind: 'rating', answers: 2, average: 4.5, counts: [0, 0, 0, 1, 1] },
      { question: q[1], kind: 'yesno', answers: 2, yes: 1, no: 1 },
      { question: q[2], kind: 'text', answers: 1, texts: [{ name: 'Ada', text: 'Hood is great' }] },
    ]);
  });

  it('has no average before any answer', () => {
    expect(summarise([q[0]!], [tester('Cleo', null)])).toEqual([{ question: q[0], kind: 'rating', answers: 0, average: null, counts: [0, 0, 0, 0, 0] }]);
  });
});
