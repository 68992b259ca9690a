/**
 * Blocked words: case- and accent-insensitive whole words, with simple plurals ("idiot" also
 * catches "Idiots", "IDIÔT"). Words are compiled once per site into one regular expression run
 * over a folded copy of the text; matches map back to the original characters for masking.
 */
export interface WordMatcher {
  /** The blocked words found in `text` (as configured), each once. */
  find(text: string): string[];
  /** `text` with each blocked word kept to its first letter: "you idiot" → "you i****". */
  mask(text: string): string;
}

/** Lower case without accents, one output character per input UTF-16 unit when possible. */
function foldChar(ch: string): string {
  return ch
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The folded text and, for each folded index, the original index it came from. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Normalises a manager's list: trimmed, folded, distinct, empty ones dropped. */
export function cleanWords(words: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const w of words) {
    const t = w.trim().replace(/\s+/g, ' ');
    if (t && !seen.has(fold(t).folded)) seen.set(fold(t).folded, t);
  }
  return [...seen.values()];
}

export function compileWords(words: readonly string[]): WordMatcher | null {
  const list = cleanWords(words);
  if (list.length === 0) return null;
  const byFolded = new Map(list.map((w) => [fold(w).folded, w]));
  // Longest first, so "bad word" wins over "bad"; a trailing s/es is a plural of the same word.
  const alternatives = [...byFolded.keys()].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(?:e?s)?(?![\\p{L}\\p{N}])`, 'gu');
  const matches = (text: string) => {
    const { folded, origin } = fold(text);
    return [...folded.matchAll(re)].map((m) => ({
      word: byFolded.get(m[1]!)!,
      start: origin[m.index]!,
      end: origin[m.index + m[0].length]!,
    }));
  };
  return {
    find: (text) => [...new Set(matches(text).map((m) => m.word))],
    mask: (text) => {
      let out = '';
      let at = 0;
      for (const m of matches(text)) {
        const chars = [...text.slice(m.start, m.end)];
        out +=
          text.slice(at, m.start) +
          chars[0] +
          chars
            .slice(1)
            .map((c) => (/\s/u.test(c) ? c : '*'))
            .join('');
        at = m.end;
      }
      return out + text.slice(at);
    },
  };
}
