import { describe, expect, it } from 'vitest';
import type { MissionGoal } from '@tribu/protocol/client';
import { goalWords, rewardWords } from './mission-words.ts';

describe('goalWords', () => {
  it.each<[MissionGoal, string]>([
    [{ kind: 'chats', target: 1 }, 'Answer 1 chat'],
    [{ kind: 'chats', target: 5, topic: 'billing', language: 'de' }, 'Answer 5 chats on billing in German'],
    [{ kind: 'chats', target: 3, slot: { weekday: 7, fromHour: 18, toHour: 20 } }, 'Answer 3 chats on Sundays 18:00–20:00'],
    [{ kind: 'tips', target: 2 }, 'Post 2 tips in the feed'],
    [{ kind: 'good_ratings', target: 4 }, 'Get 4 chats rated 4 or 5 stars'],
    [{ kind: 'checked', target: 1 }, 'Do it and show it (a link or a few words)'],
  ])('says %j as "%s"', (goal, text) => {
    expect(goalWords(goal)).toBe(text);
  });

  it.each([
    [{ rewardPoints: 15, rewardBadge: { key: 'mentor', name: 'Mentor' } }, '15 points and the “Mentor” badge'],
    [{ rewardPoints: 1, rewardBadge: null }, '1 point'],
    [{ rewardPoints: 0, rewardBadge: { key: 'voice', name: 'Community voice' } }, 'the “Community voice” badge'],
  ])('says the reward %j as "%s"', (m, text) => {
    expect(rewardWords(m)).toBe(text);
  });
});
