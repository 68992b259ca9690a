import { describe, expect, it } from 'vitest';
import { createFormat } from './format.ts';
import { de } from './messages/fr/grammar.ts';

const NOW = Date.parse('2026-12-07T15:00:00Z');

describe('the formatting module', () => {
  it('writes relative times in each language', () => {
    const en = createFormat('en', 'Europe/Paris');
    const fr = createFormat('fr', 'Europe/Paris');
    const es = createFormat('es', 'Europe/Paris');
    expect(en.relative(NOW - 20_000, NOW)).toBe('now');
    expect(fr.relative(NOW - 12 * 60_000, NOW)).toBe('il y a 12 minutes');
    expect(es.relative(NOW - 3 * 3_600_000, NOW)).toBe('hace 3 horas');
    expect(fr.relative(NOW - 20 * 3_600_000, NOW)).toBe('hier');
    expect(en.relative(NOW + 26 * 3_600_000, NOW)).toBe('tomorrow');
    expect(en.relative(NOW - 3 * 86_400_000, NOW)).toBe('3 days ago');
    expect(fr.relative(NOW - 30 * 86_400_000, NOW)).toBe('7 nov.');
  });

  it('reads dates and times in the person’s time zone', () => {
    const paris = createFormat('fr', 'Europe/Paris');
    const montreal = createFormat('fr', 'America/Toronto');
    expect(paris.time('2026-12-07T23:30:00Z')).toBe('00:30');
    expect(paris.date('2026-12-07T23:30:00Z')).toBe('8 déc. 2026');
    expect(montreal.date('2026-12-07T23:30:00Z')).toBe('7 déc. 2026');
    expect(createFormat('en', 'UTC').day('2026-12-07')).toBe('Dec 7, 2026');
  });

  it('formats numbers, money and plurals the local way', () => {
    const fr = createFormat('fr', 'UTC');
    const es = createFormat('es', 'UTC');
    const en = createFormat('en', 'UTC');
    expect(fr.number(12345)).toBe('12\u202f345');
    expect(fr.currency(12.5, 'EUR')).toBe('12,50\u00a0€');
    expect(en.currency(12.5, 'EUR')).toBe('€12.50');
    expect(fr.percent(0.42)).toBe('42\u00a0%');
    expect(fr.plural(1, { one: '# discussion', other: '# discussions' })).toBe('1 discussion');
    expect(fr.plural(0, { one: '# discussion', other: '# discussions' })).toBe('0 discussion');
    expect(es.plural(0, { zero: 'ninguna', one: '# charla', other: '# charlas' })).toBe('ninguna');
    expect(en.plural(1200, { one: '# chat', other: '# chats' })).toBe('1,200 chats');
    expect(es.list(['Ada', 'Ben', 'Chloé'])).toBe('Ada, Ben y Chloé');
    expect(en.duration(125)).toBe('2 min');
    expect(fr.duration(3900)).toBe('1\u202fh 5\u00a0min');
  });

  it('elides "de" before a vowel in French', () => {
    expect(de('Alpine Threads')).toBe('d’Alpine Threads');
    expect(de('Shop A')).toBe('de Shop A');
  });
});
