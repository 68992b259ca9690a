import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from './origin.ts';

const allowed = ['https://shop.example', 'self'];

describe('isOriginAllowed', () => {
  it.each([
    ['https://shop.example', true],
    ['HTTPS://SHOP.EXAMPLE', true],
    ['https://shop.example:443', false],
    ['https://shop.example:8443', false],
    ['https://evil.com/https://shop.example', false],
    ['http://tribu.local:3000', true],
    ['https://shop.example.evil.com', false],
    ['https://shop.example@evil.com', false],
    ['https://evil.com', false],
    ['null', false],
    ['', false],
    ['http://shop.example', false],
    ['https://shop.example/', false],
    ['javascript:alert(1)', false],
  ])('%s → %s', (origin, expected) => {
    expect(isOriginAllowed(origin || undefined, allowed, 'tribu.local:3000')).toBe(expected);
  });
});
