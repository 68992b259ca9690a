import { ratio } from '@tribu/domain';
import { currencyDecimals, type KpiMoney, type KpiOrders, type KpiSales, type KpiSalesHelperRow } from '@tribu/protocol';
import type { Db } from '@tribu/db';
import type { Bounds } from './kpi.repository.ts';
import { SalesRepository } from './sales.repository.ts';

/** Minor units (cents) to major units, exactly as the currency writes them. */
const major = (minor: number, currency: string) => {
  const d = currencyDecimals(currency);
  return Number((minor / 10 ** d).toFixed(d));
};
const money = (currency: string, orders: number, minor: number): KpiMoney => ({ currency, orders, amount: major(minor, currency) });
const ordersOf = (revenue: KpiMoney[]): KpiOrders => ({ orders: revenue.reduce((n, m) => n + m.orders, 0), revenue: revenue.filter((m) => m.orders > 0) });
/** Average order value per currency, rounded to the currency's minor unit. */
const average = (revenue: KpiMoney[]): KpiMoney[] =>
  revenue.filter((m) => m.orders > 0).map((m) => ({ ...m, amount: Number((m.amount / m.orders).toFixed(currencyDecimals(m.currency))) }));

/** The Sales section of Numbers (rules in @tribu/domain's KPI_DEFINITIONS, sales…). */
export async function salesReport(db: Db, siteId: string, b: Bounds, chatHours: number): Promise<KpiSales> {
  const repo = new SalesRepository(db);
  const [currencies, helpers, chatted, byProduct, topics] = await Promise.all([
    repo.perCurrency(siteId, b),
    repo.perHelper(siteId, b),
    repo.chatted(siteId, b),
    repo.byProduct(siteId, b),
    repo.byTopic(siteId, b),
  ]);
  const byTopic = new Map<string, KpiMoney[]>();
  for (const t of topics) byTopic.set(t.topic, [...(byTopic.get(t.topic) ?? []), money(t.currency, t.orders, t.minor)]);
  const all = ordersOf(currencies.map((c) => money(c.currency, c.orders, c.amountMinor)));
  const assisted = ordersOf(currencies.map((c) => money(c.currency, c.assistedOrders, c.assistedMinor)));
  const referred = ordersOf(currencies.map((c) => money(c.currency, c.referredOrders, c.referredMinor)));
  const withoutChat = ordersOf(currencies.map((c) => money(c.currency, c.orders - c.assistedOrders, c.amountMinor - c.assistedMinor)));
  const perHelper = new Map<string, KpiSalesHelperRow>();
  for (const h of helpers) {
    const row = perHelper.get(h.userId) ?? { userId: h.userId, name: h.name, assisted: { orders: 0, revenue: [] }, referred: { orders: 0, revenue: [] } };
    if (h.assistedOrders > 0) row.assisted = ordersOf([...row.assisted.revenue, money(h.currency, h.assistedOrders, h.assistedMinor)]);
    if (h.referredOrders > 0) row.referred = ordersOf([...row.referred.revenue, money(h.currency, h.referredOrders, h.referredMinor)]);
    perHelper.set(h.userId, row);
  }
  return {
    all,
    assisted: { ...assisted, share: ratio(assisted.orders, all.orders) },
    referred: { ...referred, share: ratio(referred.orders, all.orders) },
    withoutChat,
    chatted: { ...chatted, conversion: ratio(chatted.bought, chatted.visitors) },
    averageOrder: { withChat: average(assisted.revenue), withoutChat: average(withoutChat.revenue) },
    perChatHour: chatHours > 0 ? assisted.revenue.map((m) => ({ ...m, amount: Number((m.amount / chatHours).toFixed(currencyDecimals(m.currency))) })) : [],
    byProduct,
    byTopic: [...byTopic].map(([topic, revenue]) => ({ topic, ...ordersOf(revenue) })).sort((x, y) => y.orders - x.orders || x.topic.localeCompare(y.topic)),
    perHelper: [...perHelper.values()].sort(
      (x, y) => y.assisted.orders + y.referred.orders - (x.assisted.orders + x.referred.orders) || x.name.localeCompare(y.name),
    ),
  };
}
