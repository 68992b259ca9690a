import type { DigestSummary } from '@tribu/protocol/client';
import type { Format, Messages } from '../../i18n/index.tsx';

/** A calendar day `YYYY-MM-DD` without its year, as it is (no time zone shift). */
const dayMonth = (f: Format, d: string) =>
  new Intl.DateTimeFormat(f.locale, { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date(`${d}T00:00:00Z`));

/** "Nov 16 – Nov 29, 2026" · "16 nov. – 29 nov. 2026". */
export const periodLabel = (t: Messages, f: Format, p: { from: string; to: string }) => t.manage.digest.period(dayMonth(f, p.from), f.day(p.to));

/** "Sent to 12 · 1 failed", "Sending: 4 of 12", "Draft". */
export function statusLabel(t: Messages, f: Format, d: DigestSummary): string {
  const w = t.manage.digest;
  const r = d.recipients;
  if (d.status === 'draft') return w.draft;
  if (d.status === 'sending') return w.sending(f.number(r.sent), f.number(r.total - r.skipped));
  return [w.sentTo(f.number(r.sent)), ...(r.failed ? [w.failed(f.number(r.failed))] : []), ...(r.skipped ? [w.skipped(f.number(r.skipped))] : [])].join(' · ');
}
