import { visibleSections } from '@tribu/domain';
import type { DigestContent, DigestSection } from '@tribu/protocol';
import { escapeHtml } from '../../lib/mail-body.ts';

/** Where each recipient's own unsubscribe link goes in the mail as stored. */
export const UNSUBSCRIBE_PLACEHOLDER = '%%UNSUBSCRIBE_URL%%';

const WEEKDAYS = ['', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
const ordinal = (n: number) => {
  const tail = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${tail}`;
};
const day = (iso: string, timeZone: string, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone, ...opts }).format(new Date(iso));

/** "16 – 29 November 2026" (the period's days, as the site's calendar reads them). */
export function periodWords(period: { from: string; to: string }): string {
  const fmt = (d: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...o }).format(new Date(`${d}T00:00:00Z`));
  const sameYear = period.from.slice(0, 4) === period.to.slice(0, 4);
  const sameMonth = sameYear && period.from.slice(0, 7) === period.to.slice(0, 7);
  const start = fmt(
    period.from,
    sameMonth ? { day: 'numeric' } : sameYear ? { day: 'numeric', month: 'long' } : { day: 'numeric', month: 'long', year: 'numeric' },
  );
  return `${start} – ${fmt(period.to, { day: 'numeric', month: 'long', year: 'numeric' })}`;
}

export const defaultSubject = (siteName: string, period: { from: string; to: string }) => `${siteName} community digest · ${periodWords(period)}`;

const list = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

interface Block {
  title: string;
  /** Lines of plain text; in HTML each is a paragraph or a list item. */
  lines: string[];
  intro?: string;
  /** Lines shown as a list. */
  asList?: boolean;
}

function blocks(c: DigestContent, note: string, sections: DigestSection[]): Block[] {
  const tz = c.timeZone;
  const out: Block[] = [];
  for (const s of sections) {
    switch (s) {
      case 'note':
        out.push({ title: 'A word from the team', lines: note.trim().split(/\n{2,}/) });
        break;
      case 'newcomers':
        out.push({ title: 'Welcome', lines: [`${list(c.newcomers)} joined the community. Say hello on the desk!`] });
        break;
      case 'bestAnswers':
        out.push({
          title: 'Answers visitors loved',
          asList: true,
          lines: c.bestAnswers.map((a) => `${'★'.repeat(a.rating)} "${a.question}" — ${a.helper ?? 'a helper'} answered: "${a.answer}"`),
        });
        break;
      case 'movers':
        out.push({
          title: 'On the move',
          asList: true,
          lines: c.movers.map((m) =>
            m.from === null
              ? `${m.name} entered the leaderboard at ${ordinal(m.to)} (+${m.points} points)`
              : `${m.name}: ${ordinal(m.from)} → ${ordinal(m.to)} (+${m.points} points)`,
          ),
        });
        break;
      case 'missions':
        out.push({
          title: 'Missions',
          asList: true,
          lines: [
            ...c.missions.open.map(
              (m) => `Open: ${m.title} — until ${day(m.endsAt, tz, { day: 'numeric', month: 'short' })}, ${m.joined} joined${m.why ? `. ${m.why}` : ''}`,
            ),
            ...c.missions.completed.map((m) => `Completed: ${m.title} — by ${m.completions} ${m.completions === 1 ? 'person' : 'people'}`),
          ],
        });
        break;
      case 'coverage':
        out.push({
          title: 'When visitors waited alone',
          intro: 'Requests came in these hours while nobody was online. If one of them suits you some day, lovely; no pressure at all.',
          asList: true,
          lines: c.coverage.map((g) => `${WEEKDAYS[g.weekday]} ${hh(g.fromHour)}–${hh(g.toHour)} (${g.requests} ${g.requests === 1 ? 'request' : 'requests'})`),
        });
        break;
      case 'events':
        out.push({
          title: 'Coming up',
          asList: true,
          lines: c.events.map(
            (e) =>
              `${day(e.startsAt, tz, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })} — ${e.title}${e.place ? ` (${e.place})` : ''}`,
          ),
        });
        break;
    }
  }
  return out;
}

/**
 * The digest as a mail, plain text and HTML from the same words; every person-written text is escaped.
 * `unsubscribeUrl` is a recipient's own link, or the placeholder when the mail is stored.
 */
export function renderDigest(
  c: DigestContent,
  note: string,
  hidden: readonly DigestSection[],
  links: { desk: string; unsubscribeUrl: string },
): { html: string; text: string } {
  const parts = blocks(c, note, visibleSections(c, note, hidden));
  const heading = `${c.siteName} · ${periodWords(c.period)}`;
  const footer = `You receive this digest as a member of the ${c.siteName} community. Turn it off in one click: ${links.unsubscribeUrl} (or under My profile).`;
  const text = [
    heading,
    ...parts.map((b) =>
      [b.title.toUpperCase(), ...(b.intro ? [b.intro] : []), b.asList ? b.lines.map((l) => `- ${l}`).join('\n') : b.lines.join('\n\n')].join('\n'),
    ),
    `Open the desk: ${links.desk}`,
    `-- \n${footer}`,
  ].join('\n\n');
  const p = (t: string) => `<p style="margin:0 0 12px">${escapeHtml(t).replaceAll('\n', '<br>')}</p>`;
  const html = [
    '<!doctype html><html><body style="margin:0;padding:24px;background:#f6f6f4;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1d1d1b;line-height:1.5">',
    '<div style="max-width:600px;margin:0 auto;background:#fff;border-radius:12px;padding:28px">',
    `<p style="margin:0 0 4px;font-size:13px;color:#666">${escapeHtml(c.siteName)} community digest</p>`,
    `<h1 style="margin:0 0 20px;font-size:22px">${escapeHtml(periodWords(c.period))}</h1>`,
    ...parts.map(
      (b) =>
        `<h2 style="margin:24px 0 8px;font-size:17px">${escapeHtml(b.title)}</h2>` +
        (b.intro ? `<p style="margin:0 0 8px;color:#555">${escapeHtml(b.intro)}</p>` : '') +
        (b.asList
          ? `<ul style="margin:0 0 12px;padding-left:20px">${b.lines.map((l) => `<li style="margin:0 0 6px">${escapeHtml(l)}</li>`).join('')}</ul>`
          : b.lines.map(p).join('')),
    ),
    `<p style="margin:24px 0"><a href="${escapeHtml(links.desk)}" style="background:#1d1d1b;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">Open the desk</a></p>`,
    `<p style="margin:24px 0 0;font-size:13px;color:#666">You receive this digest as a member of the ${escapeHtml(c.siteName)} community. <a href="${escapeHtml(links.unsubscribeUrl)}" style="color:#666">Unsubscribe in one click</a> (or under My profile).</p>`,
    '</div></body></html>',
  ].join('');
  return { html, text };
}
