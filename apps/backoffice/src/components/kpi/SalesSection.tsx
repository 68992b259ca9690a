import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { KpiDefinitionKey } from '@tribu/domain';
import type { KpiMoney, KpiOrders, KpiSales } from '@tribu/protocol/client';
import { useI18n, type Format } from '../../i18n/index.tsx';
import { DASH, fmtFte, fmtHours, fmtPct } from './format.ts';

/** €1,234.50 · 1 234,50 € · ¥5,000: each currency on its own, never added together. */
export function fmtRevenue(f: Format, revenue: KpiMoney[]): string {
  return revenue.length ? revenue.map((m) => f.currency(m.amount, m.currency)).join(' · ') : DASH;
}

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
  const { t } = useI18n();
  const id = `sales-${testId}`;
  return (
    <div class="kpi-sale" role="group" aria-labelledby={id}>
      <h3 id={id}>{name}</h3>
      <p class="kpi-sale-value" data-testid={testId}>
        {value}
      </p>
      {children}
      <p class="kpi-rule">{t.manage.definitions[rule]}</p>
    </div>
  );
}

function Revenue({ of, testId }: { of: KpiOrders; testId: string }) {
  const { f } = useI18n();
  return (
    <p class="kpi-sale-sub" data-testid={testId}>
      {fmtRevenue(f, of.revenue)}
    </p>
  );
}

/** What the community brings: orders assisted by a chat or referred by a helper, conversion, average order. */
export function SalesFigures({ sales: s }: { sales: KpiSales }) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  const orders = (n: number) => f.plural(n, w.orders);
  if (s.all.orders === 0 && s.chatted.visitors === 0) {
    return <p class="kpi-empty">{w.noPurchase}</p>;
  }
  return (
    <div class="kpi-sales">
      <Figure name={w.ordersReported} value={orders(s.all.orders)} testId="sales-all" rule="salesAll">
        <Revenue of={s.all} testId="sales-all-revenue" />
        <p class="kpi-sale-sub">
          <span data-testid="sales-without-chat">{orders(s.withoutChat.orders)}</span> {w.withoutChat}
        </p>
      </Figure>
      <Figure name={w.assistedByChat} value={orders(s.assisted.orders)} testId="sales-assisted" rule="salesAssisted">
        <Revenue of={s.assisted} testId="sales-assisted-revenue" />
        <p class="kpi-sale-sub">
          <span data-testid="sales-assisted-share">{fmtPct(f, s.assisted.share)}</span> {w.ofReported(orders(s.all.orders))}
        </p>
      </Figure>
      <Figure name={w.referredByHelper} value={orders(s.referred.orders)} testId="sales-referred" rule="salesReferred">
        <Revenue of={s.referred} testId="sales-referred-revenue" />
        <p class="kpi-sale-sub">
          <span data-testid="sales-referred-share">{fmtPct(f, s.referred.share)}</span> {w.ofReported(orders(s.all.orders))}
        </p>
      </Figure>
      <Figure name={w.chattedAndBought} value={fmtPct(f, s.chatted.conversion)} testId="sales-conversion" rule="salesConversion">
        <p class="kpi-sale-sub">{w.boughtOf(f.number(s.chatted.bought), f.plural(s.chatted.visitors, w.visitors))}</p>
      </Figure>
      <Figure name={w.averageOrder} value={fmtRevenue(f, s.averageOrder.withChat)} testId="sales-aov-chat" rule="salesAverageOrder">
        <p class="kpi-sale-sub">
          {w.withChatWithout} <span data-testid="sales-aov-without">{fmtRevenue(f, s.averageOrder.withoutChat)}</span>
        </p>
      </Figure>
      <Figure name={w.perChatHour} value={fmtRevenue(f, s.perChatHour)} testId="sales-per-chat-hour" rule="salesPerChatHour">
        <p class="kpi-sale-sub">{w.perChatHourSub}</p>
      </Figure>
    </div>
  );
}

/** Assisted orders by the topics of the chat credited. */
export function SalesTopicTable({ sales: s }: { sales: KpiSales }) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  if (s.byTopic.length === 0) return <p class="kpi-empty">{w.noTopicSales}</p>;
  return (
    <div class="kpi-scroll" tabIndex={0} aria-label={w.topicScroll}>
      <table class="kpi-table kpi-sales-table">
        <thead>
          <tr>
            <th scope="col" class="kpi-th">
              {w.colTopic}
            </th>
            <th scope="col" class="kpi-th num">
              {w.colAssistedOrders}
            </th>
            <th scope="col" class="kpi-th num">
              {w.colRevenue}
            </th>
          </tr>
        </thead>
        <tbody>
          {s.byTopic.map((x) => (
            <tr key={x.topic}>
              <th scope="row">{x.topic}</th>
              <td class="num">{f.number(x.orders)}</td>
              <td class="num">{fmtRevenue(f, x.revenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Products named in the orders, most ordered first. */
export function SalesProductTable({ sales: s }: { sales: KpiSales }) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  if (s.byProduct.length === 0) return <p class="kpi-empty">{w.noProducts}</p>;
  return (
    <div class="kpi-scroll" tabIndex={0} aria-label={w.productScroll}>
      <table class="kpi-table kpi-sales-small">
        <thead>
          <tr>
            <th scope="col" class="kpi-th">
              {w.colProduct}
            </th>
            <th scope="col" class="kpi-th num">
              {w.colOrders}
            </th>
            <th scope="col" class="kpi-th num">
              {w.colAssistedByChat}
            </th>
          </tr>
        </thead>
        <tbody>
          {s.byProduct.map((p) => (
            <tr key={p.name}>
              <th scope="row">{p.name}</th>
              <td class="num">{f.number(p.orders)}</td>
              <td class="num">{f.number(p.assisted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Orders credited to each helper, assisted and referred, revenue per currency. */
export function SalesHelperTable({ sales: s }: { sales: KpiSales }) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  if (s.perHelper.length === 0) return <p class="kpi-empty">{w.noHelperSales}</p>;
  return (
    <div class="kpi-scroll" tabIndex={0} aria-label={w.helperSalesScroll}>
      <table class="kpi-table kpi-sales-small">
        <thead>
          <tr>
            <th scope="col" class="kpi-th">
              {w.colHelper}
            </th>
            <th scope="col" class="kpi-th num">
              {w.colAssisted}
            </th>
            <th scope="col" class="kpi-th num">
              {w.colRevenueAssisted}
            </th>
            <th scope="col" class="kpi-th num">
              {w.colReferred}
            </th>
            <th scope="col" class="kpi-th num">
              {w.colRevenueReferred}
            </th>
          </tr>
        </thead>
        <tbody>
          {s.perHelper.map((h) => (
            <tr key={h.userId} data-sales-helper={h.name}>
              <th scope="row">{h.name}</th>
              <td class="num">{f.number(h.assisted.orders)}</td>
              <td class="num">{fmtRevenue(f, h.assisted.revenue)}</td>
              <td class="num">{f.number(h.referred.orders)}</td>
              <td class="num">{fmtRevenue(f, h.referred.revenue)}</td>
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
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  const { value: v, set, rate } = hourCost;
  const value = rate === null ? DASH : f.currency(chatHours * rate, v.unit);
  return (
    <div class="kpi-hours-value">
      <p class="kpi-sale-sub">
        {w.communityGave} <strong>{fmtHours(f, chatHours)}</strong> {w.ofChat(fmtFte(f, fte))}
      </p>
      <div class="kpi-hours-form">
        <label>
          {w.hourCost}
          <input type="number" min={0} step="any" inputMode="decimal" value={v.cost} onInput={(e) => set({ ...v, cost: e.currentTarget.value })} />
        </label>
        <label>
          {w.currency}
          <select value={v.unit} onChange={(e) => set({ ...v, unit: e.currentTarget.value })}>
            {COST_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <p class="kpi-hours-result" aria-live="polite">
          {w.hoursValue} <strong data-testid="hours-value">{value}</strong>
        </p>
      </div>
      <p class="kpi-rule">{w.hoursValueRule}</p>
    </div>
  );
}
