import type { DigestSection, DigestSummary } from '@tribu/protocol/client';

/** What each section is called on the page (the mail's own headings are the server's). */
export const SECTION_LABELS: Record<DigestSection, string> = {
  note: 'Your note',
  newcomers: 'Newcomers welcomed',
  bestAnswers: 'Best-rated answers',
  movers: 'Leaderboard movers',
  missions: 'Missions open and completed',
  coverage: 'Gaps in coverage',
  events: 'Upcoming events',
};

const day = (d: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...o }).format(new Date(`${d}T00:00:00Z`));

/** "16 Nov – 29 Nov 2026". */
export const periodLabel = (p: { from: string; to: string }) =>
  `${day(p.from, { day: 'numeric', month: 'short' })} – ${day(p.to, { day: 'numeric', month: 'short', year: 'numeric' })}`;

/** "Sent to 12 · 1 failed", "Sending: 4 of 12", "Draft". */
export function statusLabel(d: DigestSummary): string {
  const r = d.recipients;
  if (d.status === 'draft') return 'Draft';
  if (d.status === 'sending') return `Sending: ${r.sent} of ${r.total - r.skipped}`;
  return `Sent to ${r.sent}${r.failed ? ` · ${r.failed} failed` : ''}${r.skipped ? ` · ${r.skipped} unsubscribed meanwhile` : ''}`;
}
