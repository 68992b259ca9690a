import type { MyProfile } from '@tribu/protocol/client';

const fmt = (h: number) => (h < 1 ? `${Math.round(h * 60)} min` : `${h.toLocaleString(undefined, { maximumFractionDigits: 1 })} h`);

/** Hours with the desk open: a thank-you, not a quota. */
export function HoursCard({ hours }: { hours: MyProfile['hours'] }) {
  return (
    <section class="panel hours" aria-labelledby="hours-h">
      <h2 id="hours-h">Your time helping</h2>
      <dl class="hours-grid">
        <div>
          <dt>Today</dt>
          <dd>{fmt(hours.today)}</dd>
        </div>
        <div>
          <dt>This week</dt>
          <dd>{fmt(hours.week)}</dd>
        </div>
        <div>
          <dt>This month</dt>
          <dd>{fmt(hours.month)}</dd>
        </div>
      </dl>
      <p class="muted small">Counted while the desk is open, in UTC days and weeks (from Monday). No targets — every minute is a gift.</p>
    </section>
  );
}
