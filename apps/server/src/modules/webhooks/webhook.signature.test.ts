import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

describe("docs/webhooks.md's verification snippet", () => {
  it('accepts what Tribu signs, and refuses a changed body, another secret and an old timestamp', async () => {
    const doc = readFileSync(new URL('../../../../../docs/webhooks.md', import.meta.url), 'utf8');
    const snippet = /```js\n([\s\S]*?)```/.exec(doc)![1]!;
    const file = join(mkdtempSync(join(tmpdir(), 'tribu-doc-')), 'verify.mjs');
    writeFileSync(file, snippet);
    const { verifyTribuSignature } = (await import(pathToFileURL(file).href)) as {
      verifyTribuSignature: (secret: string, header: string, raw: string | Buffer, tol?: number) => boolean;
    };
    const now = Math.floor(Date.now() / 1000);
    const header = signWebhook(secret, now, body);
    expect(verifyTribuSignature(secret, header, body)).toBe(true);
    expect(verifyTribuSignature(secret, header, Buffer.from(body))).toBe(true);
    expect(verifyTribuSignature(secret, header, body.replace('e1', 'e2'))).toBe(false);
    expect(verifyTribuSignature('whsec_other', header, body)).toBe(false);
    expect(verifyTribuSignature(secret, signWebhook(secret, now - 301, body), body)).toBe(false);
    expect(verifyTribuSignature(secret, '', body)).toBe(false);
  });
});
