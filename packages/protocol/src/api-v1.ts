// The merchant's read API (/api/v1, a site API key with the `numbers:read` scope) and the answers of
// every /api/v1 route, as zod schemas: the routes validate and serialise with them, and the OpenAPI
// document served at /api/v1/openapi.json is generated from the very same schemas.
import { z } from 'zod';
import { InstantQuerySchema } from './calendar.schemas.ts';
import type { ConversionResult } from './conversions.ts';
import { ErrorCode, type ErrorBody } from './errors.ts';
import type { KpiDay, KpiMoney, KpiOrders, KpiReport, KpiSales, KpiSalesHelperRow, KpiSummary } from './kpi.ts';

/** Rows per page of GET /api/v1/conversations: 50 unless asked, at most 200. */
export const V1_PAGE = { default: 50, max: 200 } as const;
/**
 * GET /api/v1/conversations lists changes at least this old: a change still being written when a
 * page is read (its time is when it was made, not when it was saved) then cannot land behind the cursor.
 */
export const V1_SETTLE_MS = 2_000;

const int = z.int();
const count = z.int().min(0);
const ratio = z.number().nullable().describe('A share from 0 to 1; null when there is nothing to divide by');
const seconds = z.number().nullable();

const MoneySchema = z
  .object({
    currency: z.string().describe('ISO 4217'),
    orders: count,
    amount: z.number().describe('In major units (19.99 EUR); never added across currencies'),
  })
  .describe('A sum in one currency');
const OrdersSchema = z.object({ orders: count, revenue: z.array(MoneySchema) });

const KpiSummarySchema = z.object({
  requests: count,
  answered: count,
  missed: count,
  abandoned: count,
  answerRate: ratio,
  medianFirstAnswerSec: seconds,
  p90FirstAnswerSec: seconds,
  medianChatSec: seconds,
  chatHours: z.number(),
  fte: z.number().describe('Chat hours ÷ (35 h × weeks in the period)'),
  ratingAverage: z.number().nullable(),
  ratingCounts: z.tuple([count, count, count, count, count]).describe('Chats rated 1, 2, 3, 4 and 5 stars'),
  rated: count,
  ratedShare: ratio,
});

const KpiDaySchema = z.object({ date: z.string(), requests: count, answered: count, missed: count, abandoned: count, medianFirstAnswerSec: seconds });

const SalesHelperSchema = z.object({ userId: z.uuid(), name: z.string(), assisted: OrdersSchema, referred: OrdersSchema });

const KpiSalesSchema = z.object({
  all: OrdersSchema,
  assisted: OrdersSchema.extend({ share: ratio }).describe("An answered chat of the same visitor within the site's window before the purchase"),
  referred: OrdersSchema.extend({ share: ratio }).describe("The order named a helper's active referral code"),
  withoutChat: OrdersSchema,
  chatted: z.object({ visitors: count, bought: count, conversion: ratio }),
  averageOrder: z.object({ withChat: z.array(MoneySchema), withoutChat: z.array(MoneySchema) }),
  perChatHour: z.array(MoneySchema),
  byProduct: z.array(z.object({ name: z.string(), orders: count, assisted: count })),
  byTopic: z.array(OrdersSchema.extend({ topic: z.string() })),
  perHelper: z.array(SalesHelperSchema),
});

/** GET /api/v1/numbers?from&to: both days included, read in the site's time zone (at most 366 days). */
export { KpiQuerySchema as V1NumbersQuerySchema } from './kpi.schemas.ts';

/** The answer of GET /api/v1/numbers: the figures of Numbers (the per-person tables stay in the backoffice). */
export const V1NumbersSchema = z.object({
  siteId: z.uuid(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  days: int,
  summary: KpiSummarySchema,
  previous: z.object({ from: z.string(), to: z.string(), summary: KpiSummarySchema, activeHelpers: count }),
  helpers: z.object({ active: count, new: count, inactive: count }),
  daily: z.array(KpiDaySchema),
  sales: KpiSalesSchema,
});
export type V1Numbers = z.output<typeof V1NumbersSchema>;

/** GET /api/v1/conversations: changed since an instant, or after the cursor of the previous page. */
export const V1ConversationsQuerySchema = z.strictObject({
  updatedSince: InstantQuerySchema.optional().describe('ISO 8601: chats changed at or after it (ignored with a cursor)'),
  cursor: z.string().max(200).optional().describe("`nextCursor` of the previous page; opaque, don't build one"),
  limit: z.coerce.number().int().min(1).max(V1_PAGE.max).default(V1_PAGE.default),
});
export type V1ConversationsQuery = z.output<typeof V1ConversationsQuerySchema>;

/** One chat as the merchant's systems see it: no email, name, address, messages or notes. */
export const V1ConversationSchema = z.object({
  id: z.uuid(),
  visitorId: z.uuid().nullable().describe('As Tribu.getVisitorId() gave it; null once the visitor erased their data'),
  status: z.enum(['waiting', 'active', 'closed']),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  closedBy: z.enum(['visitor', 'helper', 'system']).nullable(),
  helper: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  question: z.string().nullable().describe('Null once erased'),
  topics: z.array(z.string()),
  locale: z.string().nullable(),
  page: z.object({ url: z.string().nullable(), title: z.string().nullable() }).nullable().describe('Where it was asked; null once erased'),
  rating: z.int().min(1).max(5).nullable(),
  neededStaff: z.boolean().describe('Sent to the staff queue'),
  erased: z.boolean().describe('The visitor erased their data: only dates, helper and rating are left'),
});
export type V1Conversation = z.output<typeof V1ConversationSchema>;

export const V1ConversationPageSchema = z.object({
  conversations: z.array(V1ConversationSchema).describe('Oldest change first, then by id'),
  nextCursor: z
    .string()
    .nullable()
    .describe('Where this page ended: pass it as `cursor` for the next page, or later to get what changed since (null only when nothing was listed yet)'),
  hasMore: z.boolean().describe('More rows wait after this page right now'),
});
export type V1ConversationPage = z.output<typeof V1ConversationPageSchema>;

/** The answer to a reported purchase (POST /api/v1/conversions). */
export const V1ConversionResultSchema = z.object({
  orderId: z.string(),
  attribution: z.enum(['assisted', 'none']),
  created: z.boolean().describe('False when this order was already reported (nothing changed)'),
  referred: z.boolean(),
});

/** Every refusal: a stable code, a message, and per field messages for a bad body or query. */
export const V1ErrorSchema = z.object({
  error: z.object({
    code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

// The schemas describe the same shapes as the interfaces the backoffice reads: a drift is a type error.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
/** Compile-time only: each schema above matches its interface. */
export type V1SchemaChecks = [
  Expect<Same<z.output<typeof MoneySchema>, KpiMoney>>,
  Expect<Same<z.output<typeof OrdersSchema>, KpiOrders>>,
  Expect<Same<z.output<typeof KpiSummarySchema>, KpiSummary>>,
  Expect<Same<z.output<typeof KpiDaySchema>, KpiDay>>,
  Expect<Same<z.output<typeof SalesHelperSchema>, KpiSalesHelperRow>>,
  Expect<Same<z.output<typeof KpiSalesSchema>, KpiSales>>,
  Expect<Same<V1Numbers, Pick<KpiReport, 'siteId' | 'timeZone' | 'from' | 'to' | 'days' | 'summary' | 'previous' | 'helpers' | 'daily' | 'sales'>>>,
  Expect<Same<z.output<typeof V1ConversionResultSchema>, ConversionResult>>,
  Expect<Same<z.output<typeof V1ErrorSchema>['error'], ErrorBody>>,
];
