import { describe, expect, it } from 'vitest';
import { monthlyReportToken, monthlyReportUser } from './monthly-report.token.ts';

const SECRET = 'a-secret-of-the-install';
const USER = '2b0c1f3e-58a4-4a47-9d51-1c1f0a9a6b10';

describe('monthly report unsubscribe tokens', () => {
  const token = monthlyReportToken(SECRET, USER);
  it.each([
    ['as signed', token, USER],
    ['signed with another secret', monthlyReportToken('another-secret', USER), null],
    ['for another person', `${'3'.repeat(8)}${USER.slice(8)}.${token.split('.')[1]}`, null],
    ['cut short', token.slice(0, -2), null],
    ['with an extra part', `${token}.x`, null],
    ['empty', '', null],
  ])('reads a token %s as %s', (_what, t, expected) => {
    expect(monthlyReportUser(SECRET, t)).toBe(expected);
  });
});
