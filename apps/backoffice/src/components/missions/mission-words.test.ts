import { describe, expect, it } from 'vitest';
import type { MissionGoal } from '@tribu/protocol/client';
import { createFormat } from '../../i18n/format.ts';
import { en } from '../../i18n/messages/en/index.ts';
import { fr } from '../../i18n/messages/fr/index.ts';
import { goalWords, rewardWords } from './mission-words.ts';

const f = createFormat('en', 'UTC');

describe('goalWords', () => {
  it.each<[MissionGoal, string]>([
    [{ kind: 'chats', target: 1 }, 'Answer 1 chat'],
    [{ kind: 'chats', target: 5, topic: 'billing', language: 'de' }, 'Answer 5 chats on billing in German'],
    [{ kind: 'chats', target: 3, slot: { weekday: 7, fromHour: 18, toHour: 20 } }, 'Answer 3 chats on Sundays 18:00–20:00'],
    [{ kind: 'tips', target: 2 }, 'Post 2 tips in the feed'],
    [{ kind: 'good_ratings', target: 4 }, 'Get 4 chats rated 4 or 5 stars'],
    [{ kind: 'checked', target: 1 }, 'Do it and show it (a link or a few words)'],
  ])('says %j as "%s"', (goal, text) => {
    expect(goalWords(goal, en, f)).toBe(text);
  });

  it.each([
    [{ rewardPoints: 15, rewardBadge: { key: 'mentor', name: 'Mentor' } }, '15 points and the “Mentor” badge'],
    [{ rewardPoints: 1, rewardBadge: null }, '1 point'],
    [{ rewardPoints: 0, rewardBadge: { key: 'voice', name: 'Community voice' } }, 'the “Community voice” badge'],
  ])('says the reward %j as "%s"', (m, text) => {
    expect(rewardWords(m, en, f)).toBe(text);
  });

  it('says a goal and a reward in French', () => {
    const ff = createFormat('fr', 'UTC');
    expect(goalWords({ kind: 'chats', target: 3, language: 'de', slot: { weekday: 7, fromHour: 18, toHour: 20 } }, fr, ff)).toBe(
      'Répondre à 3 chats en allemand le dimanche de 18:00 à 20:00',
    );
    expect(rewardWords({ rewardPoints: 15, rewardBadge: { key: 'mentor', name: 'Mentor' } }, fr, ff)).toBe('15 points et le badge «\u00a0Mentor\u00a0»');
  });
});
