import type { KpiTable } from '@tribu/protocol/client';
import { kpiApi } from '../../api/kpi.ts';

/** "CSV" beside a table: downloads exactly that table for the chosen period (`label`: "Download … as CSV", said whole). */
export function CsvLink({
  siteId,
  table,
  from,
  to,
  label,
  extra,
}: {
  siteId: string;
  table: KpiTable;
  from: string;
  to: string;
  label: string;
  extra?: string;
}) {
  return (
    <a class="kpi-csv" href={kpiApi.csvUrl(siteId, table, from, to, extra)} download aria-label={label}>
      <span aria-hidden="true">↓</span> CSV
    </a>
  );
}
