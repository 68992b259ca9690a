import type { MyProfile } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';

/** Hours with the desk open: a thank-you, not a quota. */
export function HoursCard({ hours }: { hours: MyProfile['hours'] }) {
  const { t, f } = useI18n();
  const w = t.account.hours;
  // "45 min" under an hour, then hours to a tenth ("1.2 h", "1,2 h"): short enough for the three small tiles.
  const fmt = (h: number) => (h < 1 ? w.minutes(f.number(Math.round(h * 60))) : w.hours(f.number(h, 1)));
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
