import { findMentions, type Mentionable } from '@tribu/domain';

// Only http(s) links become links; trailing punctuation stays text ("see https://x.y.").
const URL_RE = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'’]/gi;

interface Piece {
  kind: 'text' | 'link' | 'mention';
  text: string;
}

function linkPieces(text: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_RE)) {
    if (m.index > at) out.push({ kind: 'text', text: text.slice(at, m.index) });
    out.push({ kind: 'link', text: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

function mentionPieces(p: Piece, members: readonly Mentionable[]): Piece[] {
  if (p.kind !== 'text') return [p];
  const out: Piece[] = [];
  let at = 0;
  for (const s of findMentions(p.text, members)) {
    if (s.start > at) out.push({ kind: 'text', text: p.text.slice(at, s.start) });
    out.push({ kind: 'mention', text: p.text.slice(s.start, s.end) });
    at = s.end;
  }
  if (at < p.text.length) out.push({ kind: 'text', text: p.text.slice(at) });
  return out;
}

/** A post's text as text (never HTML): http(s) links clickable, mentions of known members highlighted. */
export function RichText({ text, members }: { text: string; members: readonly Mentionable[] }) {
  const pieces = linkPieces(text).flatMap((p) => mentionPieces(p, members));
  return (
    <p class="rich">
      {pieces.map((p, i) =>
        p.kind === 'link' ? (
          <a key={i} href={p.text} target="_blank" rel="noopener noreferrer nofollow ugc">
            {p.text}
          </a>
        ) : p.kind === 'mention' ? (
          <mark key={i} class="mention">
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </p>
  );
}
