import type { KpiReport, KpiTable } from '@tribu/protocol/client';
import { call } from './http.ts';

const q = (from: string, to: string) => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

export const kpiApi = {
  report: (siteId: string, from: string, to: string) => call<KpiReport>('GET', `/api/sites/${encodeURIComponent(siteId)}/kpis?${q(from, to)}`),
  /** A plain link downloads it (the server sends it as an attachment). */
  csvUrl: (siteId: string, table: KpiTable, from: string, to: string, extra = '') =>
    `/api/sites/${encodeURIComponent(siteId)}/kpis/${table}.csv?${q(from, to)}${extra}`,
};
