import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook.signature.ts';

const secret = 'whsec_test-secret';
const body = '{"id":"e1","type":"conversation.started"}';

describe('webhook signatures', () => {
  it('signs "t.body" with HMAC-SHA256 of the secret, in hex', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1_700_000_000, body)).toBe(`t=1700000000,v1=${expected}`);
    // A known vector, so the README's snippet and any receiver can check their own code.
    expect(signWebhook('whsec_abc', 1, '{}')).toBe('t=1,v1=' + createHmac('sha256', 'whsec_abc').update('1.{}').digest('hex'));
  });

  it('verifies its own signature within the tolerance, and nothing else', () => {
    const header = signWebhook(secret, 1_700_000_000, body);
    expect(verifyWebhook(secret, header, body, 1_700_000_000)).toBe(true);
    expect(verifyWebhook(secret, header, body, 1_700_000_300)).toBe(true);
    expect(verifyWebhook(secret, header, body, 1_700_000_301)).toBe(false);
    expect(verifyWebhook(secret, header, `${body} `, 1_700_000_000)).toBe(false);
    expect(verifyWebhook('whsec_other', header, body, 1_700_000_000)).toBe(false);
    expect(verifyWebhook(secret, header.replace('t=1700000000', 't=1700000001'), body, 1_700_000_000)).toBe(false);
    expect(verifyWebhook(secret, 'v1=abc', body, 1_700_000_000)).toBe(false);
  });

  it('makes a new 256-bit secret every time', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
