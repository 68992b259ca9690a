import type { KpiInactiveHelper } from '@tribu/protocol/client';
import { fmtAgo, fmtMoment } from './format.ts';

/** Helpers with no answered chat in the period, the longest away first, with a gentle suggestion. */
export function InactiveList({ rows, timeZone }: { rows: KpiInactiveHelper[]; timeZone: string }) {
  if (rows.length === 0) return <p class="kpi-empty">Everyone answered at least one chat in this period. 🎉</p>;
  return (
    <>
      <ul class="kpi-inactive">
        {rows.map((h) => (
          <li key={h.userId} data-helper={h.name}>
            <span class="kpi-initial" aria-hidden="true">
              {h.name.slice(0, 1).toUpperCase()}
            </span>
            <div>
              <strong>{h.name}</strong>
              <p>
                {h.lastSeenAt ? (
                  <>
                    Last seen{' '}
                    <time dateTime={h.lastSeenAt} title={fmtMoment(h.lastSeenAt, timeZone)}>
                      {fmtAgo(h.lastSeenAt)}
                    </time>
                  </>
                ) : (
                  'Never opened the backoffice'
                )}
                {' · '}
                {h.lastAnswerAt ? <>last answer {fmtAgo(h.lastAnswerAt)}</> : 'no answer yet'}
                {' · '}joined {fmtAgo(h.joinedAt)}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <p class="kpi-tip">
        A short, warm message works best: ask how they are, share what the community has been up to, offer a hand if something held them back. No pressure —
        helping is voluntary and anyone may pause.
      </p>
    </>
  );
}
