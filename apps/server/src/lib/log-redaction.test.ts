import { describe, expect, it } from 'vitest';
import { loggableUrl } from './log-redaction.ts';

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
