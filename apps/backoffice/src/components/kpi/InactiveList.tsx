import type { KpiInactiveHelper } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
import { useNow } from '../../hooks/useNow.ts';

/** Helpers with no answered chat in the period, the longest away first, with a gentle suggestion. */
export function InactiveList({ rows }: { rows: KpiInactiveHelper[] }) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  const now = useNow(60_000);
  if (rows.length === 0) return <p class="kpi-empty">{w.everyoneAnswered}</p>;
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
                    {w.lastSeen}{' '}
                    <time dateTime={h.lastSeenAt} title={f.dateTime(h.lastSeenAt)}>
                      {f.relative(h.lastSeenAt, now)}
                    </time>
                  </>
                ) : (
                  w.neverOpened
                )}
                {' · '}
                {h.lastAnswerAt ? w.lastAnswer(f.relative(h.lastAnswerAt, now)) : w.noAnswerYet}
                {' · '}
                {w.joined(f.relative(h.joinedAt, now))}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <p class="kpi-tip">{w.reengageTip}</p>
    </>
  );
}
