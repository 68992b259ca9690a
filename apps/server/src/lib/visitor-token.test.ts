import { describe, expect, it } from 'vitest';
import { VISITOR_TOKEN_MAX_AGE_MS, makeVisitorToken, verifyVisitorToken } from './visitor-token.ts';

const secret = 'x'.repeat(40);
const site = 'site-a';
const visitor = '6f1c1a52-1d0e-4f4e-9a53-1f7f0b6f9a11';

describe('visitor tokens', () => {
  it('accepts a token it made', () => {
    expect(verifyVisitorToken(secret, site, visitor, makeVisitorToken(secret, site, visitor))).toBe(true);
  });
  it('refuses a token for another site', () => {
    expect(verifyVisitorToken(secret, 'site-b', visitor, makeVisitorToken(secret, site, visitor))).toBe(false);
  });
  it('refuses a token made with another secret (forged)', () => {
    expect(verifyVisitorToken(secret, site, visitor, makeVisitorToken('y'.repeat(40), site, visitor))).toBe(false);
  });
  it('refuses an expired token', () => {
    const old = makeVisitorToken(secret, site, visitor, Date.now() - VISITOR_TOKEN_MAX_AGE_MS - 1000);
    expect(verifyVisitorToken(secret, site, visitor, old)).toBe(false);
  });
  it('refuses a genuine token with anything appended after another dot (found by the handshake fuzzer)', () => {
    const genuine = makeVisitorToken(secret, site, visitor);
    expect(verifyVisitorToken(secret, site, visitor, `${genuine}.extra`)).toBe(false);
    expect(verifyVisitorToken(secret, site, visitor, `${genuine}.`)).toBe(false);
  });
  it.each(['', 'abc', '123.', '.abc', '1.2.3'])('refuses the malformed token %j', (t) => {
    expect(verifyVisitorToken(secret, site, visitor, t)).toBe(false);
  });
});
