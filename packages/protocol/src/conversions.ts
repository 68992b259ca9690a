// Purchases reported by the merchant (Tribu.track in the page, POST /api/v1/conversions from its
// server) and the site API keys that authenticate the latter.
import { z } from 'zod';
import { SITE_LIMITS } from './site-settings.ts';

/** Caps on what a merchant reports. */
export const CONVERSION_LIMITS = {
  orderId: 100,
  code: 64,
  items: 50,
  itemText: 200,
  /** In major units: a billion of any currency is not an order. */
  amountMax: 1_000_000_000,
  quantityMax: 10_000,
  keyName: 60,
  keysPerSite: 20,
  /** Attribution window in days (site setting `attributionDays`). */
  attributionDaysMax: SITE_LIMITS.attributionDaysMax,
} as const;

/** Days before a purchase an answered chat still assists it, when the site sets nothing. */
export const DEFAULT_ATTRIBUTION_DAYS = 7;

/** What a site API key may do. */
export const API_KEY_SCOPES = ['conversions', 'numbers:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Whether a code is an ISO 4217 currency the runtime knows (`EUR`, `JPY`). */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

/** Decimals of a currency's minor unit (EUR 2, JPY 0, BHD 3), from the runtime's ISO 4217 data. */
export function currencyDecimals(code: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount in major units as integer minor units (19.99 EUR → 1999), or null when it has more decimals than the currency. */
export function toMinorUnits(amount: number, currency: string): number | null {
  const scaled = amount * 10 ** currencyDecimals(currency);
  const rounded = Math.round(scaled);
  // Floating point: 19.99 * 100 is 1998.9999999999998; anything further off has too many decimals.
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : null;
}

const text = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);

/** One product of an order. */
export const ConversionItemSchema = z.strictObject({
  sku: text(CONVERSION_LIMITS.itemText).optional(),
  name: text(CONVERSION_LIMITS.itemText).optional(),
  quantity: z.int('A whole number').min(1, 'At least 1').max(CONVERSION_LIMITS.quantityMax).default(1),
});
export type ConversionItem = z.output<typeof ConversionItemSchema>;

const conversionFields = {
  orderId: text(CONVERSION_LIMITS.orderId),
  amount: z.number('A number').min(0, 'Must be 0 or more').max(CONVERSION_LIMITS.amountMax, `At most ${CONVERSION_LIMITS.amountMax}`),
  currency: z.string('An ISO 4217 code like EUR').refine(isCurrency, 'Not an ISO 4217 currency code (like EUR, USD, JPY)'),
  code: text(CONVERSION_LIMITS.code).optional(),
  items: z.array(ConversionItemSchema).max(CONVERSION_LIMITS.items, `At most ${CONVERSION_LIMITS.items} items`).optional(),
};

/** The amount must fit the currency's minor unit (no 0.001 EUR, no 10.5 JPY). */
function checkDecimals(v: { amount: number; currency: string }, ctx: z.RefinementCtx): void {
  if (!isCurrency(v.currency)) return;
  if (toMinorUnits(v.amount, v.currency) === null) {
    const d = currencyDecimals(v.currency);
    ctx.addIssue({ code: 'custom', path: ['amount'], message: `${v.currency} has ${d} decimal${d === 1 ? '' : 's'} at most` });
  }
}

/** POST /api/v1/conversions: a purchase reported by the merchant's server. */
export const ConversionReportSchema = z
  .strictObject({
    ...conversionFields,
    /** From `Tribu.getVisitorId()` in the page; absent when the visitor never interacted. */
    visitorId: z.uuid('A visitor id from Tribu.getVisitorId()').optional(),
    /** When the order was placed (ISO 8601); default now. */
    occurredAt: z.iso.datetime({ offset: true, message: 'An ISO 8601 date and time' }).optional(),
  })
  .superRefine(checkDecimals);
export type ConversionReport = z.output<typeof ConversionReportSchema>;

/** POST /api/widget/:siteKey/track: `Tribu.track('purchase' | 'refund', …)` from the page. */
// The loader sends its stored identity as it is (with `hasConversation`): unknown keys at the top are dropped.
export const PageTrackSchema = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('purchase'),
    data: z.strictObject(conversionFields).superRefine(checkDecimals),
    visitorId: z.uuid().optional(),
    token: z.string().max(200).optional(),
  }),
  z.object({
    event: z.literal('refund'),
    data: z.strictObject({ orderId: conversionFields.orderId }).loose(),
    visitorId: z.uuid().optional(),
    token: z.string().max(200).optional(),
  }),
]);
export type PageTrack = z.output<typeof PageTrackSchema>;

/** The answer to a reported purchase. */
export interface ConversionResult {
  orderId: string;
  /** `assisted` when an answered chat of the same visitor came within the site's window. */
  attribution: 'assisted' | 'none';
  /** False when this order was already reported (nothing changed). */
  created: boolean;
  /** True when its `code` is a helper's active referral code. */
  referred: boolean;
}

/** POST /api/sites/:siteId/api-keys */
export const ApiKeyCreateSchema = z.strictObject({
  name: text(CONVERSION_LIMITS.keyName),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, 'One of conversions, numbers:read'))
    .min(1, 'Pick at least one scope')
    .transform((list) => API_KEY_SCOPES.filter((s) => list.includes(s))),
});
export type ApiKeyCreate = z.output<typeof ApiKeyCreateSchema>;

/** A site API key as admins see it: never the key nor its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  /** The key's first characters, to tell keys apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The answer to creating a key: the only time the key itself is shown. */
export interface ApiKeyCreated {
  key: string;
  apiKey: ApiKeyView;
}

/** A helper's referral code: letters, digits and dashes, compared in upper case. */
export const ReferralCodeSchema = z
  .string('A code like ANNA10')
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{3,24}$/, '3 to 24 letters, digits or dashes');

/** POST /api/sites/:siteId/referral-codes: a helper asks for their code (a manager approves it). */
export const ReferralCodeAskSchema = z.strictObject({ code: ReferralCodeSchema });

/** A referral code as its helper and the site's managers see it. */
export interface ReferralCodeView {
  id: string;
  userId: string;
  displayName: string;
  code: string;
  status: 'pending' | 'active' | 'revoked';
  createdAt: string;
}

/** One period of a helper's impact: visitors they helped who bought (assisted orders), as thanks, never points. */
export interface ImpactPeriod {
  /** Distinct visitors whose purchase was assisted by one of my chats. */
  visitors: number;
  orders: number;
  /** Orders that named my active referral code. */
  referred: number;
  /** Names of the products bought (as the shop gave them), newest first, at most 10. */
  products: string[];
  /** Only when the site shows helpers the amounts (setting `showSalesAmountsToHelpers`, off by default). */
  amounts?: { currency: string; amount: number }[];
}

/** `GET /api/sites/:siteId/impact/mine`: this calendar week and month in the site's time zone. */
export interface MyImpact {
  siteId: string;
  showAmounts: boolean;
  week: ImpactPeriod;
  month: ImpactPeriod;
}
