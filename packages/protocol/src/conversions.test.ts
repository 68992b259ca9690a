import { describe, expect, it } from 'vitest';
import { ConversionReportSchema, currencyDecimals, isCurrency, toMinorUnits } from './conversions.ts';

describe('currencies', () => {
  it.each([
    ['EUR', true, 2],
    ['USD', true, 2],
    ['JPY', true, 0],
    ['BHD', true, 3],
    ['KWD', true, 3],
  ] as const)('knows %s as ISO 4217 with %s and %i decimals', (code, known, decimals) => {
    expect([isCurrency(code), currencyDecimals(code)]).toEqual([known, decimals]);
  });

  it.each(['eur', 'EURO', 'XXQ', '', 'E U'])('refuses %j as a currency', (code) => {
    expect(isCurrency(code)).toBe(false);
  });

  it.each([
    [19.99, 'EUR', 1999],
    [0.1 + 0.2, 'EUR', 30],
    [1500, 'JPY', 1500],
    [1.234, 'BHD', 1234],
    [0, 'USD', 0],
    [10.001, 'EUR', null],
    [10.5, 'JPY', null],
    [1.0001, 'BHD', null],
  ] as const)('turns %d %s into %j minor units', (amount, currency, minor) => {
    expect(toMinorUnits(amount, currency)).toBe(minor);
  });
});

describe('ConversionReportSchema', () => {
  it('names every field at fault at once', () => {
    const r = ConversionReportSchema.safeParse({ orderId: '', amount: -5, currency: 'EURO', items: Array.from({ length: 51 }, () => ({})) });
    expect(r.success).toBe(false);
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({
      orderId: 'Required',
      amount: 'Must be 0 or more',
      currency: 'Not an ISO 4217 currency code (like EUR, USD, JPY)',
      items: 'At most 50 items',
    });
  });

  it('refuses keys it does not know', () => {
    expect(ConversionReportSchema.safeParse({ orderId: 'A', amount: 1, currency: 'EUR', commission: 5 }).success).toBe(false);
  });
});
