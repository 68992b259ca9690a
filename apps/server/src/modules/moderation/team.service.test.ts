import { describe, expect, it } from 'vitest';
import type { Role } from '@tribu/protocol';
import { mayActOn } from './team.service.ts';

describe('who may suspend, reinstate or remove whom', () => {
  it.each<[Role | undefined, Role, boolean]>([
    ['moderator', 'helper', true],
    ['moderator', 'moderator', false],
    ['moderator', 'admin', false],
    ['admin', 'helper', true],
    ['admin', 'moderator', true],
    ['admin', 'admin', false],
    ['helper', 'helper', false],
    [undefined, 'helper', false],
  ])('a %s acting on a %s: %s', (actor, target, allowed) => {
    expect(mayActOn({ userId: 'a', role: actor }, { userId: 'b', role: target })).toBe(allowed);
  });

  it('never lets anyone act on themselves, whatever their role', () => {
    expect(mayActOn({ userId: 'a', role: 'admin' }, { userId: 'a', role: 'helper' })).toBe(false);
  });
});
