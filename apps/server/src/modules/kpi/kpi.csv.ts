import { currencyDecimals, type KpiCsvQuery, type KpiMoney, type KpiReport, type KpiTable } from '@tribu/protocol';
import type { CsvCell } from '../../lib/csv.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** One row per currency (amounts are never added across currencies); an order count alone when there is none. */
const perCurrency = (figure: string, orders: number, revenue: KpiMoney[], rule: string): CsvCell[][] =>
  revenue.length ? revenue.map((m) => [figure, m.orders, m.currency, m.amount, rule]) : [[figure, orders, null, null, rule]];
const round = (v: number | null, digits = 2) => (v === null ? null : Number(v.toFixed(digits)));

/** Each dashboard table as CSV rows (header first); written by sendCsv, which quotes and defuses every text cell. */
const TABLES: Record<KpiTable, (r: KpiReport, q: Partial<KpiCsvQuery>) => CsvCell[][]> = {
  daily: (r) => [
    ['date', 'requests', 'answered', 'missed', 'abandoned', 'median_first_answer_sec'],
    ...r.daily.map((d) => [d.date, d.requests, d.answered, d.missed, d.abandoned, round(d.medianFirstAnswerSec, 1)]),
  ],
  helpers: (r) => [
    ['helper', 'role', 'chats_answered', 'rating_average', 'median_first_answer_sec', 'chat_hours', 'hours_online', 'points', 'last_seen', 'joined'],
    ...r.perHelper.map((h) => [
      h.name,
      h.role,
      h.chats,
      round(h.ratingAverage),
      round(h.medianFirstAnswerSec, 1),
      round(h.chatHours),
      round(h.hoursOnline),
      h.points,
      h.lastSeenAt,
      h.joinedAt,
    ]),
  ],
  inactive: (r) => [['helper', 'joined', 'last_seen', 'last_answer'], ...r.inactive.map((h) => [h.name, h.joinedAt, h.lastSeenAt, h.lastAnswerAt])],
  heatmap: (r) => [
    ['weekday', 'hour', 'requests', 'helpers_online_avg', 'gap'],
    ...r.heatmap.map((c) => [WEEKDAYS[c.weekday - 1], c.hour, c.requests, round(c.helpersOnline), c.gap ? 'yes' : 'no']),
  ],
  sales: ({ sales: s, summary }, q) => [
    ['figure', 'orders', 'currency', 'amount', 'rule'],
    ...perCurrency('all_orders', s.all.orders, s.all.revenue, 'purchases reported in the period, refunds left out'),
    ...perCurrency('assisted', s.assisted.orders, s.assisted.revenue, 'an answered chat of the same visitor within the site window before the purchase'),
    ...perCurrency('referred', s.referred.orders, s.referred.revenue, "the order named a helper's active referral code"),
    ...perCurrency('without_chat', s.withoutChat.orders, s.withoutChat.revenue, 'all orders not assisted'),
    ...s.averageOrder.withChat.map((m) => ['average_order_with_chat', m.orders, m.currency, m.amount, 'assisted revenue / assisted orders']),
    ...s.averageOrder.withoutChat.map((m) => ['average_order_without_chat', m.orders, m.currency, m.amount, 'other revenue / other orders']),
    ...s.perChatHour.map((m) => ['assisted_revenue_per_chat_hour', m.orders, m.currency, m.amount, 'assisted revenue / chat hours of the period']),
    ['assisted_share', null, null, round(s.assisted.share, 4), 'assisted orders / all orders'],
    ['referred_share', null, null, round(s.referred.share, 4), 'referred orders / all orders'],
    ['visitors_chatted', s.chatted.visitors, null, null, 'visitors with a chat answered in the period'],
    ['visitors_chatted_who_bought', s.chatted.bought, null, null, 'of them, with an assisted purchase in the period'],
    ['chat_conversion', null, null, round(s.chatted.conversion, 4), 'who bought / visitors chatted'],
    ['chat_hours', null, null, round(summary.chatHours), 'hours of the answered chats of the period, from take to end'],
    ['full_time_equivalents', null, null, round(summary.fte, 3), 'chat hours / (35 h × weeks in the period)'],
    ...hoursValue(summary.chatHours, q),
  ],
  'sales-helpers': ({ sales: s }) => [
    ['helper', 'credit', 'orders', 'currency', 'amount'],
    ...s.perHelper.flatMap((h) => [
      ...h.assisted.revenue.map((m) => [h.name, 'assisted', m.orders, m.currency, m.amount]),
      ...h.referred.revenue.map((m) => [h.name, 'referred', m.orders, m.currency, m.amount]),
    ]),
  ],
  'sales-products': ({ sales: s }) => [['product', 'orders', 'assisted_orders'], ...s.byProduct.map((p) => [p.name, p.orders, p.assisted])],
  'sales-topics': ({ sales: s }) => [
    ['topic', 'orders', 'currency', 'amount'],
    ...s.byTopic.flatMap((t) => t.revenue.map((m) => [t.topic, m.orders, m.currency, m.amount])),
  ],
  ratings: (r) => [['stars', 'chats'], ...r.summary.ratingCounts.map((n, i) => [i + 1, n])],
};

/** The value of the period's chat hours at the cost per hour the manager typed (in the address only, never stored). */
function hoursValue(chatHours: number, q: Partial<KpiCsvQuery>): CsvCell[][] {
  if (q.costPerHour === undefined) return [];
  const currency = q.costCurrency ?? 'EUR';
  return [
    [
      'hours_value',
      null,
      currency,
      round(chatHours * q.costPerHour, currencyDecimals(currency)),
      `chat hours × ${q.costPerHour} ${currency} an hour (the cost entered)`,
    ],
  ];
}

export function kpiRows(table: KpiTable, report: KpiReport, q: Partial<KpiCsvQuery> = {}): CsvCell[][] {
  return TABLES[table](report, q);
}
