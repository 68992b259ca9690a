import { describe, expect, it } from 'vitest';
import { deriveSteps, newDates, type StepFacts } from './onboarding.steps.ts';

const fresh: StepFacts = {
  charterExists: true,
  charterAccepted: false,
  charterAcceptedAt: null,
  profileComplete: false,
  observed: 0,
  suggested: 3,
  nothingToWatch: false,
  answeredAChat: false,
  stored: {},
};
const keysDone = (f: Partial<StepFacts>) =>
  deriveSteps({ ...fresh, ...f })
    .filter((s) => s.done)
    .map((s) => s.key);

describe('onboarding steps', () => {
  it.each([
    ['a newcomer has done nothing yet', {}, []],
    ['accepting the charter ticks the charter', { charterAccepted: true, charterAcceptedAt: new Date() }, ['charter']],
    ['two chats of three watched is not yet done', { observed: 2 }, []],
    ['three chats watched is done', { observed: 3 }, ['observe']],
    ['a site with nothing to watch yet holds nobody back', { suggested: 0, nothingToWatch: true }, ['observe']],
    ['a stored date keeps a step done when the profile is emptied later', { stored: { profileCompletedAt: '2026-01-01T00:00:00.000Z' } }, ['profile']],
    ['a first answered chat ticks the last step', { answeredAChat: true }, ['firstChat']],
  ] as const)('%s', (_name, facts, done) => {
    expect(keysDone(facts)).toEqual(done);
  });

  it('leaves out the steps a site does not ask for', () => {
    expect(deriveSteps({ ...fresh, charterExists: false, suggested: 0 }).map((s) => s.key)).toEqual(['profile', 'firstChat']);
  });

  it('counts watched chats up to what is suggested', () => {
    expect(deriveSteps({ ...fresh, observed: 5 }).find((s) => s.key === 'observe')?.count).toEqual({ done: 3, of: 3 });
  });

  it('stores a date for each newly done step and completes the list when all are done', () => {
    const now = new Date('2026-02-01T10:00:00.000Z');
    const everything = { ...fresh, charterAccepted: true, charterAcceptedAt: now, profileComplete: true, observed: 3, answeredAChat: true };
    const all = deriveSteps(everything);
    expect(newDates(all, {}, now)).toEqual({
      profileCompletedAt: now.toISOString(),
      observedAt: now.toISOString(),
      firstChatAt: now.toISOString(),
      completedAt: now.toISOString(),
    });
    const stored = { completedAt: 'x', profileCompletedAt: 'x', observedAt: 'x', firstChatAt: 'x' };
    expect(newDates(deriveSteps({ ...everything, stored }), stored, now)).toEqual({});
  });
});
