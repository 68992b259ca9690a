import { describe, expect, it } from 'vitest';
import { colorWarnings, contrastRatio, onColor } from './contrast.ts';

describe('colour contrast', () => {
  it('measures black on white as 21:1 and a colour on itself as 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#2f6f4f', '#2f6f4f')).toBe(1);
  });

  it.each([
    ['#2f6f4f', []],
    ['#111111', []],
    ['#ffffff', ['hard to spot']],
    ['#f5f5f5', ['hard to spot']],
  ] as const)('warns about %s only when it must', (hex, words) => {
    const warnings = colorWarnings(hex);
    expect(warnings).toHaveLength(words.length);
    words.forEach((w, i) => expect(warnings[i]).toContain(w));
  });

  it('always picks a text colour of at least 4.5:1 on a mid-tone brand colour', () => {
    for (const hex of ['#2f6f4f', '#d62828', '#f5c400', '#1d4ed8', '#7c3aed']) {
      expect(contrastRatio(hex, onColor(hex))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
