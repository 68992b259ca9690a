import { describe, expect, it } from 'vitest';
import { onColor } from './contrast.ts';

describe('onColor', () => {
  it.each([
    ['#2f6f4f', '#ffffff'],
    ['#000000', '#ffffff'],
    ['#ffd400', '#111814'],
    ['#ffffff', '#111814'],
    ['#8fc3a6', '#111814'],
  ])('puts readable text on %s', (bg, fg) => {
    expect(onColor(bg)).toBe(fg);
  });
});
