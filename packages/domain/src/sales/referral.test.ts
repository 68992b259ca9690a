import { describe, expect, it } from 'vitest';
import { referrerOf } from './referral.ts';

const active = [
  { code: 'ANNA10', userId: 'anna' },
  { code: 'BEN-HIKES', userId: 'ben' },
];

describe('referrerOf', () => {
  it.each([
    ['ANNA10', 'anna'],
    ['anna10', 'anna'],
    ['  Ben-Hikes ', 'ben'],
    ['SUMMER20', null],
    ['ANNA1', null],
    ['', null],
    [null, null],
    [undefined, null],
  ] as const)('credits %j to %j', (code, expected) => {
    expect(referrerOf(code, active)).toBe(expected);
  });
});
