import { describe, expect, it } from 'vitest';
import { loggableUrl, maskAddresses } from './log-redaction.ts';

describe('loggableUrl', () => {
  it.each([
    ['/backoffice/invite/AbC_123-xyz', '/backoffice/invite/…'],
    ['/backoffice/invite/AbC?x=1', '/backoffice/invite/…?x=1'],
    ['/api/sites/1/privacy/visitors?email=ann%40mail.example', '/api/sites/1/privacy/visitors?email=…'],
    ['/api/x?q=ann@mail.example&from=2026-01-01', '/api/x?q=…&from=2026-01-01'],
    ['/api/x?token=abc&page=2', '/api/x?token=…&page=2'],
    ['/api/sites/1/kpis?from=2026-01-01&to=2026-02-01', '/api/sites/1/kpis?from=2026-01-01&to=2026-02-01'],
    ['/backoffice/queue', '/backoffice/queue'],
  ])('%s → %s', (url, expected) => {
    expect(loggableUrl(url)).toBe(expected);
  });
});

describe('maskAddresses', () => {
  it.each([
    [
      '{"msg":"mail not sent","error":"550 5.1.1 <ann.lee@mail.example>: Recipient address rejected"}',
      '{"msg":"mail not sent","error":"550 5.1.1 <a***@mail.example>: Recipient address rejected"}',
    ],
    ['Key (email)=(bob+x@shop.co.uk) already exists', 'Key (email)=(b***@shop.co.uk) already exists'],
    ['smtp://user:secret@mail.example:587', 'smtp://user:s***@mail.example:587'],
    ['already masked a***@mail.example', 'already masked a***@mail.example'],
    ['no address @ here', 'no address @ here'],
  ])('%s', (line, expected) => {
    expect(maskAddresses(line)).toBe(expected);
  });
});
