import { useEffect, useState } from 'preact/hooks';
import type { ImpactPeriod, MyImpact } from '@tribu/protocol/client';
import { impactApi } from '../../api/sales.ts';

const visitors = (n: number) => (n === 1 ? '1 visitor' : `${n} visitors`);

function money(a: { currency: string; amount: number }): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: a.currency }).format(a.amount);
}

function Period({ label, p, testId }: { label: string; p: ImpactPeriod; testId: string }) {
  return (
    <div class="impact-period" data-testid={testId}>
      <p class="impact-line">
        <strong>{visitors(p.visitors)}</strong> you helped bought {label}
        {p.amounts && p.amounts.length > 0 && <span class="muted"> ({p.amounts.map(money).join(' · ')})</span>}
      </p>
      {p.products.length > 0 && <p class="impact-products muted small">They chose: {p.products.join(', ')}</p>}
      {p.referred > 0 && (
        <p class="muted small">
          {p.referred === 1 ? '1 order' : `${p.referred} orders`} came with your referral code {label}
        </p>
      )}
    </div>
  );
}

/**
 * "N visitors you helped bought this week": thanks, never a score. No points, no rank, nothing
 * compared with anyone; the amounts only when the site chooses to show them.
 */
export function ImpactCard({ siteId, title = 'Your help at work', headingId }: { siteId: string; title?: string; headingId: string }) {
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
      <h2 id={headingId}>{title}</h2>
      {nothing ? (
        <p class="muted small">No purchase reported after your chats this month yet. Every answer counts, whatever happens next.</p>
      ) : (
        <>
          <Period label="this week" p={impact.week} testId="impact-week" />
          <Period label="this month" p={impact.month} testId="impact-month" />
          <p class="muted small impact-note">Thank you. This is here as thanks only: it earns no points and is never used to rank anyone.</p>
        </>
      )}
    </section>
  );
}
