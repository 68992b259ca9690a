import { useEffect, useState } from 'preact/hooks';
import type { KpiReport } from '@tribu/protocol/client';
import { kpiApi } from '../api/kpi.ts';
import { useI18n } from '../i18n/index.tsx';

/** The numbers of a site over a period; the latest request wins when the period changes quickly. */
export function useKpis(siteId: string, from: string, to: string) {
  const failed = useI18n().t.manage.numbers.loadFailed;
  const [report, setReport] = useState<KpiReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let current = true;
    setLoading(true);
    kpiApi.report(siteId, from, to).then(
      (r) => {
        if (!current) return;
        setReport(r);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e instanceof Error ? e.message : failed);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [siteId, from, to]);
  return { report, error, loading };
}
