import { describe, expect, it } from 'vitest';
import { unsubscribeToken, unsubscribeUser } from './unsubscribe-token.ts';

const SECRET = 'a-secret-for-tests';
const USER = '6f1c1e4e-8a0b-4b9c-9d7e-0a1b2c3d4e5f';

describe('unsubscribe tokens', () => {
  const token = unsubscribeToken(SECRET, USER);
  it.each([
    ['the token as signed', token, USER],
    ['another user id with this signature', token.replace(USER, '7f1c1e4e-8a0b-4b9c-9d7e-0a1b2c3d4e5f'), null],
    ['a signature changed by one character', token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), null],
    ['a truncated signature', token.slice(0, -4), null],
    ['no signature', `${USER}.`, null],
    ['an extra part', `${token}.x`, null],
    ['signed with another secret', unsubscribeToken('another-secret', USER), null],
  ])('%s → %s', (_, given, expected) => {
    expect(unsubscribeUser(SECRET, given)).toBe(expected);
  });
});
