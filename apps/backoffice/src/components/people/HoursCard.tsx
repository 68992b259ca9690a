import type { MyProfile } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';

/** Hours with the desk open: a thank-you, not a quota. */
export function HoursCard({ hours }: { hours: MyProfile['hours'] }) {
  const { t, f } = useI18n();
  const w = t.account.hours;
  // Whole minutes: "0 min", "45 min", "1 h 10 min" (a duration in seconds would read "0 s" on a quiet day).
  const fmt = (h: number) => {
    const minutes = Math.round(h * 60);
    return minutes > 0 ? f.duration(minutes * 60) : new Intl.NumberFormat(f.locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(0);
  };
  return (
    <section class="panel hours" aria-labelledby="hours-h">
      <h2 id="hours-h">{w.title}</h2>
      <dl class="hours-grid">
        <div>
          <dt>{w.today}</dt>
          <dd>{fmt(hours.today)}</dd>
        </div>
        <div>
          <dt>{w.week}</dt>
          <dd>{fmt(hours.week)}</dd>
        </div>
        <div>
          <dt>{w.month}</dt>
          <dd>{fmt(hours.month)}</dd>
        </div>
      </dl>
      <p class="muted small">{w.hint}</p>
    </section>
  );
}
