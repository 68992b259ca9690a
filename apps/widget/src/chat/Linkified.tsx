const URL_RE = /\bhttps?:\/\/[^\s<>"']+/gi;

/** Text with http(s) links made clickable; everything else stays plain text (never HTML). */
export function Linkified({ text }: { text: string }) {
  const parts: (string | { url: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(/[.,;:!?)]+$/, '');
    parts.push(text.slice(last, m.index), { url });
    last = (m.index ?? 0) + url.length;
  }
  parts.push(text.slice(last));
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          p
        ) : (
          <a key={i} href={p.url} target="_blank" rel="noopener noreferrer nofollow">
            {p.url}
          </a>
        ),
      )}
    </>
  );
}
