// ---------- the managers' numbers (KPI dashboard); zod-free (the backoffice imports it) ----------

/** Longest period a dashboard or an export covers, in days. */
export const KPI_MAX_DAYS = 366;

/** The tables a manager can download as CSV (`/api/sites/:siteId/kpis/<table>.csv`). */
export const KPI_TABLES = ['daily', 'helpers', 'inactive', 'heatmap', 'ratings', 'sales', 'sales-helpers', 'sales-products', 'sales-topics'] as const;
export type KpiTable = (typeof KPI_TABLES)[number];

/** Figures over conversations created in a period; every definition is in `@tribu/domain` (kpi). */
export interface KpiSummary {
  requests: number;
  answered: number;
  missed: number;
  abandoned: number;
  /** answered ÷ requests; null with no request. */
  answerRate: number | null;
  medianFirstAnswerSec: number | null;
  p90FirstAnswerSec: number | null;
  medianChatSec: number | null;
  chatHours: number;
  /** chat hours ÷ (35 h × weeks in the period). */
  fte: number;
  ratingAverage: number | null;
  /** How many chats got 1, 2, 3, 4 and 5 stars (index 0 is 1 star). */
  ratingCounts: [number, number, number, number, number];
  rated: number;
  /** rated ÷ answered; null with no answered chat. */
  ratedShare: number | null;
}

export interface KpiDay {
  date: string;
  requests: number;
  answered: number;
  missed: number;
  abandoned: number;
  medianFirstAnswerSec: number | null;
}

/** One hour of one weekday (ISO: 1 Monday … 7 Sunday), in the site's time zone. */
export interface KpiHeatCell {
  weekday: number;
  hour: number;
  requests: number;
  /** Average number of people with the backoffice open during that hour. */
  helpersOnline: number;
  /** Requests came while, on average, nobody was online most of the hour (under 0.5 helpers). */
  gap: boolean;
}

export interface KpiHelperRow {
  userId: string;
  name: string;
  role: 'helper' | 'moderator' | 'admin' | null;
  chats: number;
  ratingAverage: number | null;
  medianFirstAnswerSec: number | null;
  chatHours: number;
  hoursOnline: number;
  /** Points earned in the period (awards, grants, revocations; spending not counted). */
  points: number;
  lastSeenAt: string | null;
  joinedAt: string | null;
}

export interface KpiInactiveHelper {
  userId: string;
  name: string;
  joinedAt: string;
  lastSeenAt: string | null;
  lastAnswerAt: string | null;
}

export interface KpiReport {
  siteId: string;
  timeZone: string;
  from: string;
  to: string;
  days: number;
  summary: KpiSummary;
  /** The same number of days just before, for comparison. */
  previous: { from: string; to: string; summary: KpiSummary; activeHelpers: number };
  helpers: { active: number; new: number; inactive: number };
  daily: KpiDay[];
  heatmap: KpiHeatCell[];
  perHelper: KpiHelperRow[];
  inactive: KpiInactiveHelper[];
  sales: KpiSales;
}

/** A sum of money in one currency (never added across currencies), in major units (19.99 EUR). */
export interface KpiMoney {
  currency: string;
  orders: number;
  amount: number;
}

/** Orders and their revenue, per currency. */
export interface KpiOrders {
  orders: number;
  revenue: KpiMoney[];
}

/**
 * Purchases the merchant reported for the period (by when they happened, refunds left out); every
 * rule is in `@tribu/domain`'s KPI_DEFINITIONS (sales…).
 */
export interface KpiSales {
  all: KpiOrders;
  /** An answered chat of the same visitor within the site's window before the purchase. */
  assisted: KpiOrders & { share: number | null };
  /** The order named an active referral code of a helper. */
  referred: KpiOrders & { share: number | null };
  withoutChat: KpiOrders;
  /** Visitors with an answered chat in the period, and those of them who made an assisted purchase in it. */
  chatted: { visitors: number; bought: number; conversion: number | null };
  /** Average order value per currency (amount ÷ orders of that currency). */
  averageOrder: { withChat: KpiMoney[]; withoutChat: KpiMoney[] };
  /** Assisted revenue ÷ the period's chat hours, per currency (empty without chat hours). */
  perChatHour: KpiMoney[];
  /** Products named in the orders (by item name): orders that had it, and of them assisted by a chat. */
  byProduct: { name: string; orders: number; assisted: number }[];
  /** Assisted orders by the topics of the chat credited (a chat with two topics counts in both). */
  byTopic: ({ topic: string } & KpiOrders)[];
  perHelper: KpiSalesHelperRow[];
}

export interface KpiSalesHelperRow {
  userId: string;
  name: string;
  assisted: KpiOrders;
  referred: KpiOrders;
}
