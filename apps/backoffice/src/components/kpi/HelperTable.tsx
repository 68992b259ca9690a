import { useState } from 'preact/hooks';
import type { KpiHelperRow } from '@tribu/protocol/client';
import { DASH, fmtAgo, fmtDuration, fmtHours, fmtInt, fmtMoment, fmtRating } from './format.ts';

type Key = 'name' | 'chats' | 'ratingAverage' | 'medianFirstAnswerSec' | 'chatHours' | 'hoursOnline' | 'points' | 'lastSeenAt';
const COLUMNS: { key: Key; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Helper', numeric: false },
  { key: 'chats', label: 'Chats', numeric: true },
  { key: 'ratingAverage', label: 'Rating', numeric: true },
  { key: 'medianFirstAnswerSec', label: 'First answer (median)', numeric: true },
  { key: 'chatHours', label: 'Chat hours', numeric: true },
  { key: 'hoursOnline', label: 'Hours online', numeric: true },
  { key: 'points', label: 'Points', numeric: true },
  { key: 'lastSeenAt', label: 'Last seen', numeric: false },
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
export function HelperTable({ rows, timeZone }: { rows: KpiHelperRow[]; timeZone: string }) {
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: 'chats', dir: -1 });
  const sorted = [...rows].sort((a, b) => {
    const c = compare(a, b, sort.key);
    return a[sort.key] === null || b[sort.key] === null ? c : c * sort.dir;
  });
  if (rows.length === 0) return <p class="kpi-empty">No helpers on this site yet.</p>;
  return (
    <div class="kpi-scroll" tabIndex={0} aria-label="Per-helper table, scrolls sideways">
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
                    {c.label}
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
                {h.role && h.role !== 'helper' && <span class="kpi-role">{h.role === 'moderator' ? 'manager' : h.role}</span>}
              </th>
              <td class="num" data-col="chats">
                {fmtInt(h.chats)}
              </td>
              <td class="num" data-col="rating">
                {h.ratingAverage === null ? DASH : `${fmtRating(h.ratingAverage)} ★`}
              </td>
              <td class="num" data-col="first-answer">
                {fmtDuration(h.medianFirstAnswerSec)}
              </td>
              <td class="num" data-col="chat-hours">
                {fmtHours(h.chatHours)}
              </td>
              <td class="num" data-col="hours-online">
                {fmtHours(h.hoursOnline)}
              </td>
              <td class="num" data-col="points">
                {fmtInt(h.points)}
              </td>
              <td data-col="last-seen" title={fmtMoment(h.lastSeenAt, timeZone)}>
                {fmtAgo(h.lastSeenAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
