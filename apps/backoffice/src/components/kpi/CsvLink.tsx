import type { KpiTable } from '@tribu/protocol/client';
import { kpiApi } from '../../api/kpi.ts';

/** "CSV" beside a table: downloads exactly that table for the chosen period. */
export function CsvLink({ siteId, table, from, to, what, extra }: { siteId: string; table: KpiTable; from: string; to: string; what: string; extra?: string }) {
  return (
    <a class="kpi-csv" href={kpiApi.csvUrl(siteId, table, from, to, extra)} download aria-label={`Download ${what} as CSV`}>
      <span aria-hidden="true">↓</span> CSV
    </a>
  );
}
