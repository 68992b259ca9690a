import { describe, expect, it } from 'vitest';
import { isOriginAllowed, isSameOrigin, shownPageUrl, siteLinkOrNull } from './origin.ts';

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

describe('the self origin behind an https PUBLIC_URL', () => {
  it.each([
    ['https://tribu.example', 'tribu.example', true],
    ['http://tribu.example', 'tribu.example', false],
    ['https://tribu.example:8443', 'tribu.example:8443', true],
    ['http://127.0.0.1:3000', '127.0.0.1:3000', true],
    ['https://127.0.0.1:3000', 'tribu.example', false],
  ])('%s on host %s → %s', (origin, host, expected) => {
    expect(isOriginAllowed(origin, ['self'], host, 'https://tribu.example')).toBe(expected);
  });

  it('refuses an http page on an https PUBLIC_URL even when the site lists other origins', () => {
    expect(isOriginAllowed('http://tribu.example', ['https://shop.example', 'self'], 'tribu.example', 'https://tribu.example')).toBe(false);
    expect(isOriginAllowed('https://tribu.example', ['https://shop.example', 'self'], 'tribu.example', 'https://tribu.example')).toBe(true);
  });
});

describe('isSameOrigin', () => {
  it.each([
    ['https://tribu.example', 'tribu.example', 'https://tribu.example', true],
    ['http://tribu.example', 'tribu.example', 'https://tribu.example', false],
    ['https://tribu.example', 'tribu.example', undefined, true],
    ['http://tribu.example', 'tribu.example', undefined, true],
    ['http://127.0.0.1:3000', '127.0.0.1:3000', 'https://tribu.example', true],
    ['https://evil.example', 'tribu.example', 'https://tribu.example', false],
    [undefined, 'tribu.example', 'https://tribu.example', false],
  ])('%s on host %s with PUBLIC_URL %s → %s', (origin, host, publicUrl, expected) => {
    expect(isSameOrigin(origin, host, publicUrl)).toBe(expected);
  });
});

describe("siteLinkOrNull: a visitor page is a link only on the site's allowed origins", () => {
  const site = { allowedOrigins: ['https://shop.example', 'self'] };
  it.each([
    ['https://shop.example/boots?size=42', 'https://shop.example/boots?size=42'],
    ['HTTPS://SHOP.EXAMPLE/Boots', 'https://shop.example/Boots'],
    ['https://tribu.example/demo', 'https://tribu.example/demo'],
    ['http://tribu.example/demo', null],
    ['http://shop.example/boots', null],
    ['https://shop.example.evil.com/boots', null],
    ['https://shop.example@evil.com/', null],
    ['https://user:pw@shop.example/', null],
    ['https://evil.example/https://shop.example/', null],
    ['javascript:alert(1)//https://shop.example', null],
    ['data:text/html,hi', null],
    ['not a url', null],
    ['', null],
  ])('%s → %s', (url, expected) => {
    expect(siteLinkOrNull(site, url, 'https://tribu.example')).toBe(expected);
  });

  it('shows a page off the allowed origins as its text, without a scheme', () => {
    expect(shownPageUrl(site, 'https://evil.example/win?x=1', 'https://tribu.example')).toBe('evil.example/win?x=1');
    expect(shownPageUrl(site, 'https://shop.example/boots', 'https://tribu.example')).toBe('https://shop.example/boots');
  });
});
