import { useState } from 'preact/hooks';
import type { KpiHelperRow } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
import { useNow } from '../../hooks/useNow.ts';
import { DASH, fmtDuration, fmtHours, fmtRating } from './format.ts';

type Key = 'name' | 'chats' | 'ratingAverage' | 'medianFirstAnswerSec' | 'chatHours' | 'hoursOnline' | 'points' | 'lastSeenAt';
const COLUMNS: {
  key: Key;
  label: 'colHelper' | 'colChats' | 'colRating' | 'colFirstAnswer' | 'colChatHours' | 'colHoursOnline' | 'colPoints' | 'colLastSeen';
  numeric: boolean;
}[] = [
  { key: 'name', label: 'colHelper', numeric: false },
  { key: 'chats', label: 'colChats', numeric: true },
  { key: 'ratingAverage', label: 'colRating', numeric: true },
  { key: 'medianFirstAnswerSec', label: 'colFirstAnswer', numeric: true },
  { key: 'chatHours', label: 'colChatHours', numeric: true },
  { key: 'hoursOnline', label: 'colHoursOnline', numeric: true },
  { key: 'points', label: 'colPoints', numeric: true },
  { key: 'lastSeenAt', label: 'colLastSeen', numeric: false },
];

function compare(a: KpiHelperRow, b: KpiHelperRow, key: Key): number {
  const x = a[key];
  const y = b[key];
  // Empty values sort last whatever the direction.
  if (x === null && y === null) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
}

/** Everyone who helps, sortable by any column (click a heading; again to reverse). */
export function HelperTable({ rows }: { rows: KpiHelperRow[] }) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  const now = useNow(60_000);
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: 'chats', dir: -1 });
  const sorted = [...rows].sort((a, b) => {
    const c = compare(a, b, sort.key);
    return a[sort.key] === null || b[sort.key] === null ? c : c * sort.dir;
  });
  if (rows.length === 0) return <p class="kpi-empty">{w.noHelpers}</p>;
  return (
    <div class="kpi-scroll" tabIndex={0} aria-label={w.helperScroll}>
      <table class="kpi-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort.key === c.key;
              return (
                <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined} aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                  <button
                    type="button"
                    onClick={() => setSort(active ? { key: c.key, dir: sort.dir === 1 ? -1 : 1 } : { key: c.key, dir: c.numeric ? -1 : 1 })}
                  >
                    {w[c.label]}
                    <span aria-hidden="true" class="kpi-sort">
                      {active ? (sort.dir === 1 ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((h) => (
            <tr key={h.userId} data-helper={h.name}>
              <th scope="row">
                {h.name}
                {h.role && h.role !== 'helper' && <span class="kpi-role">{h.role === 'moderator' ? w.roleManager : w.roleAdmin}</span>}
              </th>
              <td class="num" data-col="chats">
                {f.number(h.chats)}
              </td>
              <td class="num" data-col="rating">
                {h.ratingAverage === null ? DASH : `${fmtRating(f, h.ratingAverage)} ★`}
              </td>
              <td class="num" data-col="first-answer">
                {fmtDuration(f, h.medianFirstAnswerSec)}
              </td>
              <td class="num" data-col="chat-hours">
                {fmtHours(f, h.chatHours)}
              </td>
              <td class="num" data-col="hours-online">
                {fmtHours(f, h.hoursOnline)}
              </td>
              <td class="num" data-col="points">
                {f.number(h.points)}
              </td>
              <td data-col="last-seen" title={h.lastSeenAt ? f.dateTime(h.lastSeenAt) : undefined}>
                {h.lastSeenAt ? f.relative(h.lastSeenAt, now) : w.never}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
