import type { KpiMoney, KpiReport } from '@tribu/protocol';
import { mailFormat } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locale.ts';
import { mailWords } from '../../i18n/mails/index.ts';
import { mailBody } from '../../lib/mail-body.ts';

/** "April 2026" for `2026-04-01`. */
export function monthName(from: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${from}T12:00:00Z`));
}

const int = (n: number) => new Intl.NumberFormat('en-GB').format(n);
const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);
const money = (m: KpiMoney) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: m.currency }).format(m.amount);
/** Each currency on its own, never added together: "€300.50 · ¥6,000". */
const revenue = (list: KpiMoney[]) => (list.length ? list.map(money).join(' · ') : '–');
const orders = (n: number) => `${int(n)} order${n === 1 ? '' : 's'}`;
const hours = (h: number) => `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(h)} h`;
function duration(sec: number | null): string {
  if (sec === null) return '–';
  const s = Math.round(sec);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}

/** The key figures of the month, each a line "Figure: value", grouped as the Numbers page groups them. */
export function keyFigures(r: KpiReport): { chats: string[]; sales: string[] } {
  const s = r.summary;
  const sa = r.sales;
  return {
    chats: [
      `Requests: ${int(s.requests)} · answered ${int(s.answered)} (${pct(s.answerRate)})`,
      `First answer: median ${duration(s.medianFirstAnswerSec)}`,
      `Chat hours: ${hours(s.chatHours)} ≈ ${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(s.fte)} full-time equivalent`,
      `Rating: ${s.ratingAverage === null ? 'no rating' : `${s.ratingAverage.toFixed(1)} of 5 (${int(s.rated)} rated)`}`,
      `Active helpers: ${int(r.helpers.active)} · new ${int(r.helpers.new)}`,
    ],
    sales: [
      `Orders reported: ${orders(sa.all.orders)} · ${revenue(sa.all.revenue)}`,
      `Assisted by a chat: ${orders(sa.assisted.orders)} (${pct(sa.assisted.share)}) · ${revenue(sa.assisted.revenue)}`,
      `Referred by a helper: ${orders(sa.referred.orders)} (${pct(sa.referred.share)}) · ${revenue(sa.referred.revenue)}`,
      `Visitors who chatted and bought: ${int(sa.chatted.bought)} of ${int(sa.chatted.visitors)} (${pct(sa.chatted.conversion)})`,
      `Average order: ${revenue(sa.averageOrder.withChat)} with a chat · ${revenue(sa.averageOrder.withoutChat)} without`,
      `Assisted revenue per chat hour: ${revenue(sa.perChatHour)}`,
    ],
  };
}

export interface MonthlyReportMailInput {
  siteName: string;
  recipientName: string;
  report: KpiReport;
  /** The printable report of the month in the backoffice. */
  pageUrl: string;
  /** The person's own unsubscribe page. */
  unsubscribeUrl: string;
}

/**
 * The monthly report mail: subject, plain text and HTML from the same words, in the recipient's language (the key
 * figures' lines stay English for now: they follow the Numbers page's own words).
 */
export function monthlyReportMail(m: MonthlyReportMailInput & { locale?: Locale }): { subject: string; text: string; html: string } {
  const locale = m.locale ?? 'en';
  const w = mailWords(locale).monthly;
  const month = locale === 'en' ? monthName(m.report.from) : mailFormat(locale, 'UTC').month(new Date(`${m.report.from}T12:00:00Z`));
  const f = keyFigures(m.report);
  const body = mailBody({
    lang: locale,
    greeting: mailWords(locale).hello(m.recipientName),
    paragraphs: [w.intro(m.siteName, month, m.report.timeZone), [w.chats, ...f.chats].join('\n'), [w.sales, ...f.sales].join('\n'), w.rules],
    action: { label: w.action, url: m.pageUrl },
    footer: w.footer(m.siteName, m.unsubscribeUrl),
  });
  return { subject: w.subject(m.siteName, month), ...body };
}
