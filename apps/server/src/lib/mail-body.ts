/** Text made safe to put inside HTML (names, messages and questions are written by people). */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

export interface MailContent {
  /** "Hello Ada," */
  greeting: string;
  /** Paragraphs of plain text; person-written text is fine here, it is escaped in the HTML. */
  paragraphs: string[];
  /** A main link (http(s) only), shown as a button in HTML and on its own line in text. */
  action?: { label: string; url: string };
  /** A quoted block (a manager's message), kept apart from our own words. */
  quote?: string;
  /** Paragraphs after the quote. */
  closing?: string[];
  /** Last line, e.g. who sends it and why the person receives it. */
  footer: string;
  /** The language the words are in (`<html lang>`, so a screen reader reads them right); English when absent. */
  lang?: string;
}

/** Builds the plain-text and HTML versions of a mail from the same words. */
export function mailBody(c: MailContent): { text: string; html: string } {
  const url = c.action && /^https?:\/\//i.test(c.action.url) ? c.action.url : undefined;
  const text = [
    c.greeting,
    ...c.paragraphs,
    ...(c.quote
      ? [
          c.quote
            .split('\n')
            .map((l) => `> ${l}`)
            .join('\n'),
        ]
      : []),
    ...(c.closing ?? []),
    ...(c.action && url ? [`${c.action.label}${c.lang === 'fr' ? '\u00a0' : ''}:\n${url}`] : []),
    `-- \n${c.footer}`,
  ].join('\n\n');
  const p = (t: string) => `<p style="margin:0 0 16px">${escapeHtml(t).replaceAll('\n', '<br>')}</p>`;
  const html = [
    `<!doctype html><html lang="${escapeHtml(c.lang ?? 'en')}"><body style="margin:0;padding:24px;background:#f6f6f4;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1d1d1b;line-height:1.5">`,
    '<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:12px;padding:28px">',
    p(c.greeting),
    ...c.paragraphs.map(p),
    c.quote
      ? `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:3px solid #ccc;color:#444">${escapeHtml(c.quote).replaceAll('\n', '<br>')}</blockquote>`
      : '',
    ...(c.closing ?? []).map(p),
    c.action && url
      ? `<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="background:#1d1d1b;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">${escapeHtml(c.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#666">${escapeHtml(url)}</p>`
      : '',
    `<p style="margin:24px 0 0;font-size:13px;color:#666">${escapeHtml(c.footer)}</p>`,
    '</div></body></html>',
  ].join('');
  return { text, html };
}
