import type { KpiReport, KpiTable } from '@tribu/protocol';
import type { CsvCell } from '../../lib/csv.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const round = (v: number | null, digits = 2) => (v === null ? null : Number(v.toFixed(digits)));

/** Each dashboard table as CSV rows (header first); written by sendCsv, which quotes and defuses every text cell. */
const TABLES: Record<KpiTable, (r: KpiReport) => CsvCell[][]> = {
  daily: (r) => [
    ['date', 'requests', 'answered', 'missed', 'abandoned', 'median_first_answer_sec'],
    ...r.daily.map((d) => [d.date, d.requests, d.answered, d.missed, d.abandoned, round(d.medianFirstAnswerSec, 1)]),
  ],
  helpers: (r) => [
    ['helper', 'role', 'chats_answered', 'rating_average', 'median_first_answer_sec', 'chat_hours', 'hours_online', 'points', 'last_seen', 'joined'],
    ...r.perHelper.map((h) => [
      h.name,
      h.role,
      h.chats,
      round(h.ratingAverage),
      round(h.medianFirstAnswerSec, 1),
      round(h.chatHours),
      round(h.hoursOnline),
      h.points,
      h.lastSeenAt,
      h.joinedAt,
    ]),
  ],
  inactive: (r) => [['helper', 'joined', 'last_seen', 'last_answer'], ...r.inactive.map((h) => [h.name, h.joinedAt, h.lastSeenAt, h.lastAnswerAt])],
  heatmap: (r) => [
    ['weekday', 'hour', 'requests', 'helpers_online_avg', 'gap'],
    ...r.heatmap.map((c) => [WEEKDAYS[c.weekday - 1], c.hour, c.requests, round(c.helpersOnline), c.gap ? 'yes' : 'no']),
  ],
  ratings: (r) => [['stars', 'chats'], ...r.summary.ratingCounts.map((n, i) => [i + 1, n])],
};

export function kpiRows(table: KpiTable, report: KpiReport): CsvCell[][] {
  return TABLES[table](report);
}
