import { DEFAULT_BADGES, DEFAULT_TIERS } from '@tribu/domain';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/messages/en/index.ts';
import { es } from '../../i18n/messages/es/index.ts';
import { fr } from '../../i18n/messages/fr/index.ts';
import { badgeIn, tierIn } from './built-in.ts';

describe("Tribu's own badges and tiers in the reader's language", () => {
  it('has English words that are exactly what the server sends, for every built-in badge and tier', () => {
    expect(Object.fromEntries(DEFAULT_BADGES.map((b) => [b.key, { name: b.name, description: b.description }]))).toEqual(en.recognition.builtIn.badges);
    expect(DEFAULT_TIERS.map((t) => en.recognition.builtIn.tiers[t.name])).toEqual(DEFAULT_TIERS.map((t) => t.name));
  });

  it('translates a built-in badge and tier, and keeps what a site wrote', () => {
    expect(badgeIn({ key: 'chats-1', name: 'First answer', description: 'Answer your first chat', earned: true }, fr)).toEqual({
      key: 'chats-1',
      name: 'Première réponse',
      description: 'Réponds à ta première discussion',
      earned: true,
    });
    expect(badgeIn({ key: 'chats-1', name: 'Our first', description: 'Answer your first chat' }, es).name).toBe('Our first');
    expect(badgeIn({ key: 'custom-x', name: 'Sizing hero', description: 'Finished a mission' }, fr).name).toBe('Sizing hero');
    expect(tierIn('Legend', es)).toBe('Leyenda');
    expect(tierIn('Gold club', fr)).toBe('Gold club');
  });
});
