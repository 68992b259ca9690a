import { useEffect, useState } from 'preact/hooks';
import type { ImpactPeriod, MyImpact } from '@tribu/protocol/client';
import { impactApi } from '../../api/sales.ts';
import { useI18n } from '../../i18n/index.tsx';

function Period({ when, p, testId }: { when: 'week' | 'month'; p: ImpactPeriod; testId: string }) {
  const { t, f } = useI18n();
  const w = t.manage.impact;
  return (
    <div class="impact-period" data-testid={testId}>
      <p class="impact-line">
        <strong>{f.plural(p.visitors, w.visitors)}</strong> {when === 'week' ? w.boughtWeek : w.boughtMonth}
        {p.amounts && p.amounts.length > 0 && <span class="muted"> ({p.amounts.map((a) => f.currency(a.amount, a.currency)).join(' · ')})</span>}
      </p>
      {p.products.length > 0 && <p class="impact-products muted small">{w.chose(f.list(p.products))}</p>}
      {p.referred > 0 && <p class="muted small">{f.plural(p.referred, when === 'week' ? w.referredWeek : w.referredMonth)}</p>}
    </div>
  );
}

/**
 * "N visitors you helped bought this week": thanks, never a score. No points, no rank, nothing
 * compared with anyone; the amounts only when the site chooses to show them.
 */
export function ImpactCard({ siteId, title, headingId }: { siteId: string; title?: string; headingId: string }) {
  const { t } = useI18n();
  const w = t.manage.impact;
  const [impact, setImpact] = useState<MyImpact | null>(null);
  useEffect(() => {
    let live = true;
    impactApi.mine(siteId).then(
      (r) => live && setImpact(r),
      // A card of thanks that cannot load just stays away.
      () => live && setImpact(null),
    );
    return () => {
      live = false;
    };
  }, [siteId]);
  if (!impact) return null;
  const nothing = impact.month.visitors === 0 && impact.month.referred === 0;
  return (
    <section class="panel impact" aria-labelledby={headingId}>
      <h2 id={headingId}>{title ?? w.title}</h2>
      {nothing ? (
        <p class="muted small">{w.nothingYet}</p>
      ) : (
        <>
          <Period when="week" p={impact.week} testId="impact-week" />
          <Period when="month" p={impact.month} testId="impact-month" />
          <p class="muted small impact-note">{w.thanks}</p>
        </>
      )}
    </section>
  );
}
