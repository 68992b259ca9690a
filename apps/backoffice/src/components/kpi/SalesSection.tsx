import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { KPI_DEFINITIONS, type KpiDefinitionKey } from '@tribu/domain';
import type { KpiMoney, KpiOrders, KpiSales } from '@tribu/protocol/client';
import { DASH, fmtFte, fmtHours, fmtInt, fmtPct } from './format.ts';

/** 1,234.50 € · ¥5,000: each currency on its own, never added together. */
export function fmtMoney(m: KpiMoney): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: m.currency }).format(m.amount);
}

export function fmtRevenue(revenue: KpiMoney[]): string {
  return revenue.length ? revenue.map(fmtMoney).join(' · ') : DASH;
}

const orders = (n: number) => `${fmtInt(n)} order${n === 1 ? '' : 's'}`;

/** One figure with its rule in a short line right under it. */
function Figure({
  name,
  value,
  testId,
  rule,
  children,
}: {
  name: string;
  value: string;
  testId: string;
  rule: KpiDefinitionKey;
  children?: ComponentChildren;
}) {
  const id = `sales-${testId}`;
  return (
    <div class="kpi-sale" role="group" aria-labelledby={id}>
      <h3 id={id}>{name}</h3>
      <p class="kpi-sale-value" data-testid={testId}>
        {value}
      </p>
      {children}
      <p class="kpi-rule">{KPI_DEFINITIONS[rule]}</p>
    </div>
  );
}

function Revenue({ of, testId }: { of: KpiOrders; testId: string }) {
  return (
    <p class="kpi-sale-sub" data-testid={testId}>
      {fmtRevenue(of.revenue)}
    </p>
  );
}

/** What the community brings: orders assisted by a chat or referred by a helper, conversion, average order. */
export function SalesFigures({ sales: s }: { sales: KpiSales }) {
  if (s.all.orders === 0 && s.chatted.visitors === 0) {
    return <p class="kpi-empty">No purchase reported in this period. The shop reports them with Tribu.track('purchase', …) or POST /api/v1/conversions.</p>;
  }
  return (
    <div class="kpi-sales">
      <Figure name="Orders reported" value={orders(s.all.orders)} testId="sales-all" rule="salesAll">
        <Revenue of={s.all} testId="sales-all-revenue" />
        <p class="kpi-sale-sub">
          <span data-testid="sales-without-chat">{orders(s.withoutChat.orders)}</span> without a chat
        </p>
      </Figure>
      <Figure name="Assisted by a chat" value={orders(s.assisted.orders)} testId="sales-assisted" rule="salesAssisted">
        <Revenue of={s.assisted} testId="sales-assisted-revenue" />
        <p class="kpi-sale-sub">
          <span data-testid="sales-assisted-share">{fmtPct(s.assisted.share)}</span> of {orders(s.all.orders)} reported
        </p>
      </Figure>
      <Figure name="Referred by a helper" value={orders(s.referred.orders)} testId="sales-referred" rule="salesReferred">
        <Revenue of={s.referred} testId="sales-referred-revenue" />
        <p class="kpi-sale-sub">
          <span data-testid="sales-referred-share">{fmtPct(s.referred.share)}</span> of {orders(s.all.orders)} reported
        </p>
      </Figure>
      <Figure name="Visitors who chatted and bought" value={fmtPct(s.chatted.conversion)} testId="sales-conversion" rule="salesConversion">
        <p class="kpi-sale-sub">
          {fmtInt(s.chatted.bought)} of {fmtInt(s.chatted.visitors)} {s.chatted.visitors === 1 ? 'visitor' : 'visitors'} with an answered chat
        </p>
      </Figure>
      <Figure name="Average order" value={fmtRevenue(s.averageOrder.withChat)} testId="sales-aov-chat" rule="salesAverageOrder">
        <p class="kpi-sale-sub">
          with a chat · without: <span data-testid="sales-aov-without">{fmtRevenue(s.averageOrder.withoutChat)}</span>
        </p>
      </Figure>
      <Figure name="Per chat hour" value={fmtRevenue(s.perChatHour)} testId="sales-per-chat-hour" rule="salesPerChatHour">
        <p class="kpi-sale-sub">assisted revenue for each hour helpers spent chatting</p>
      </Figure>
    </div>
  );
}

/** Assisted orders by the topics of the chat credited. */
export function SalesTopicTable({ sales: s }: { sales: KpiSales }) {
  if (s.byTopic.length === 0) return <p class="kpi-empty">No assisted order came from a chat with a topic in this period.</p>;
  return (
    <div class="kpi-scroll" tabIndex={0} aria-label="Sales per topic, scrolls sideways">
      <table class="kpi-table kpi-sales-table">
        <thead>
          <tr>
            <th scope="col" class="kpi-th">
              Topic
            </th>
            <th scope="col" class="kpi-th num">
              Assisted orders
            </th>
            <th scope="col" class="kpi-th num">
              Revenue
            </th>
          </tr>
        </thead>
        <tbody>
          {s.byTopic.map((t) => (
            <tr key={t.topic}>
              <th scope="row">{t.topic}</th>
              <td class="num">{fmtInt(t.orders)}</td>
              <td class="num">{fmtRevenue(t.revenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Products named in the orders, most ordered first. */
export function SalesProductTable({ sales: s }: { sales: KpiSales }) {
  if (s.byProduct.length === 0) return <p class="kpi-empty">No product named in this period's orders (the shop may send items with a name).</p>;
  return (
    <div class="kpi-scroll" tabIndex={0} aria-label="Sales per product, scrolls sideways">
      <table class="kpi-table kpi-sales-small">
        <thead>
          <tr>
            <th scope="col" class="kpi-th">
              Product
            </th>
            <th scope="col" class="kpi-th num">
              Orders
            </th>
            <th scope="col" class="kpi-th num">
              Assisted by a chat
            </th>
          </tr>
        </thead>
        <tbody>
          {s.byProduct.map((p) => (
            <tr key={p.name}>
              <th scope="row">{p.name}</th>
              <td class="num">{fmtInt(p.orders)}</td>
              <td class="num">{fmtInt(p.assisted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Orders credited to each helper, assisted and referred, revenue per currency. */
export function SalesHelperTable({ sales: s }: { sales: KpiSales }) {
  if (s.perHelper.length === 0) return <p class="kpi-empty">No order credited to a helper in this period.</p>;
  return (
    <div class="kpi-scroll" tabIndex={0} aria-label="Sales per helper, scrolls sideways">
      <table class="kpi-table kpi-sales-small">
        <thead>
          <tr>
            <th scope="col" class="kpi-th">
              Helper
            </th>
            <th scope="col" class="kpi-th num">
              Assisted
            </th>
            <th scope="col" class="kpi-th num">
              Revenue assisted
            </th>
            <th scope="col" class="kpi-th num">
              Referred
            </th>
            <th scope="col" class="kpi-th num">
              Revenue referred
            </th>
          </tr>
        </thead>
        <tbody>
          {s.perHelper.map((h) => (
            <tr key={h.userId} data-sales-helper={h.name}>
              <th scope="row">{h.name}</th>
              <td class="num">{fmtInt(h.assisted.orders)}</td>
              <td class="num">{fmtRevenue(h.assisted.revenue)}</td>
              <td class="num">{fmtInt(h.referred.orders)}</td>
              <td class="num">{fmtRevenue(h.referred.revenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const COST_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'JPY'];

/** The cost of an hour of support the manager types (kept in the page and the CSV link only, never stored). */
export interface HourCost {
  cost: string;
  unit: string;
}

/** The cost typed and its currency: the shop's own currency until the manager picks one. */
export function useHourCost(currency: string | undefined) {
  const [typed, set] = useState<{ cost: string; unit: string | null }>({ cost: '', unit: null });
  const value: HourCost = { cost: typed.cost, unit: typed.unit ?? (currency && COST_CURRENCIES.includes(currency) ? currency : 'EUR') };
  const rate = Number(value.cost.replace(',', '.'));
  const valid = value.cost.trim() !== '' && Number.isFinite(rate) && rate >= 0;
  /** What sales.csv needs to add the hours' value (`&costPerHour=…&costCurrency=…`), or nothing. */
  const csvQuery = valid ? `&costPerHour=${rate}&costCurrency=${value.unit}` : '';
  return { value, set, rate: valid ? rate : null, csvQuery };
}

/**
 * What the community's chat hours would have cost at a rate the manager types (kept in the page only):
 * chat hours × cost per hour, with the full-time equivalents beside it.
 */
export function HoursValue({ chatHours, fte, hourCost }: { chatHours: number; fte: number; hourCost: ReturnType<typeof useHourCost> }) {
  const { value: v, set, rate } = hourCost;
  const value = rate === null ? DASH : fmtMoneyValue(chatHours * rate, v.unit);
  return (
    <div class="kpi-hours-value">
      <p class="kpi-sale-sub">
        The community gave <strong>{fmtHours(chatHours)}</strong> of chat in the period (≈ {fmtFte(fte)} full-time equivalent).
      </p>
      <div class="kpi-hours-form">
        <label>
          Cost of an hour of support
          <input type="number" min={0} step="any" inputMode="decimal" value={v.cost} onInput={(e) => set({ ...v, cost: e.currentTarget.value })} />
        </label>
        <label>
          Currency
          <select value={v.unit} onChange={(e) => set({ ...v, unit: e.currentTarget.value })}>
            {COST_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <p class="kpi-hours-result" aria-live="polite">
          Value of those hours: <strong data-testid="hours-value">{value}</strong>
        </p>
      </div>
      <p class="kpi-rule">
        Chat hours × the cost you enter (kept on this page and in the Sales CSV, never stored). FTE = chat hours ÷ (35 h × weeks in the period).
      </p>
    </div>
  );
}

function fmtMoneyValue(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount);
}
