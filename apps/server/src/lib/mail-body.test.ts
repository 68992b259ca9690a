import { describe, expect, it } from 'vitest';
import { escapeHtml, mailBody } from './mail-body.ts';

describe('mail bodies', () => {
  it('escapes every person-written text in the HTML and keeps it as written in the text', () => {
    const { text, html } = mailBody({
      greeting: 'Hello <script>alert(1)</script>,',
      paragraphs: ['Tom & "Jerry" said <b>hi</b>'],
      quote: "It's <i>fine</i>\nreally",
      action: { label: 'Open <it>', url: 'https://example.com/a?b=1&c="2"' },
      footer: 'Sent by <Tribu>',
    });
    expect(text).toContain('Hello <script>alert(1)</script>,');
    expect(text).toContain("> It's <i>fine</i>\n> really");
    expect(text).toContain('Open <it>:\nhttps://example.com/a?b=1&c="2"');
    expect(html).not.toMatch(/<script|<b>|<i>|<it>|<Tribu>/);
    expect(html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(html).toContain('href="https://example.com/a?b=1&amp;c=&quot;2&quot;"');
    expect(html).toContain('It&#39;s &lt;i&gt;fine&lt;/i&gt;<br>really');
  });

  it('drops a link that is not http(s)', () => {
    const { text, html } = mailBody({ greeting: 'Hi', paragraphs: [], action: { label: 'Go', url: 'javascript:alert(1)' }, footer: 'f' });
    expect(text).not.toContain('javascript:');
    expect(html).not.toContain('javascript:');
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
