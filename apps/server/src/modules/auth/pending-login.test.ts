import { describe, expect, it } from 'vitest';
import { PENDING_LOGIN_TTL_MS, PendingLogins } from './pending-login.ts';
import { SecretBox } from './totp-secret.ts';

const USER = '0b7f9a3e-2a4c-4c1e-9d51-6f1a2b3c4d5e';
const OTHER = '1c8e0b4f-3b5d-4d2f-8e62-7a2b3c4d5e6f';
const NOW = 1_800_000_000_000;

describe('pending-login tokens', () => {
  const pending = new PendingLogins('a secret of at least thirty-two characters');
  const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';
  const token = pending.issue(USER, HASH, NOW);
  const [, expires, mac] = token.split('.');

  it.each([
    ['accepts a fresh token', token, NOW + 1, USER],
    ['accepts one a millisecond before it expires', token, NOW + PENDING_LOGIN_TTL_MS - 1, USER],
    ['refuses one at its expiry', token, NOW + PENDING_LOGIN_TTL_MS, undefined],
    ['refuses another person with the same signature', `${OTHER}.${expires}.${mac}`, NOW + 1, undefined],
    ['refuses a later expiry with the same signature', `${USER}.${Number(expires) + 60_000}.${mac}`, NOW + 1, undefined],
    ['refuses a signature made with another secret', new PendingLogins('another secret of thirty-two characters!').issue(USER, HASH, NOW), NOW + 1, undefined],
    ['refuses a token with anything appended', `${token}.x`, NOW + 1, undefined],
    ['refuses an empty string', '', NOW + 1, undefined],
  ])('%s', (_what, given, at, expected) => {
    expect(pending.verify(given, HASH, at)).toBe(expected);
  });

  it('refuses a token once the password it was issued against has changed (a reset or a change meanwhile)', () => {
    expect([pending.verify(token, HASH, NOW + 1), pending.verify(token, `${HASH}x`, NOW + 1)]).toEqual([USER, undefined]);
  });

  it.each([
    ['a well-formed token', token, USER],
    ['a token whose first part is not a user id', `'; drop table users.${expires}.${mac}`, undefined],
    ['a token of two parts', `${USER}.${expires}`, undefined],
  ])('names the claimed user only for %s', (_what, given, expected) => {
    expect(pending.claimedUserId(given)).toBe(expected);
  });
});

describe('sealed TOTP secrets', () => {
  const box = new SecretBox('a secret of at least thirty-two characters');

  it('opens what it sealed, and never seals the same secret to the same text twice', () => {
    const a = box.seal('JBSWY3DPEHPK3PXP');
    const b = box.seal('JBSWY3DPEHPK3PXP');
    expect([box.open(a), box.open(b), a === b, a.includes('JBSWY3DPEHPK3PXP')]).toEqual(['JBSWY3DPEHPK3PXP', 'JBSWY3DPEHPK3PXP', false, false]);
  });

  it('refuses a sealed secret changed by one character or opened with another key', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    const [version, iv, tag, body] = sealed.split('.') as [string, string, string, string];
    const tampered = [version, iv, tag, `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`].join('.');
    expect(() => box.open(tampered)).toThrow();
    expect(() => new SecretBox('another secret of thirty-two characters!').open(sealed)).toThrow();
  });
});
