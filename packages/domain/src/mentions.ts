/** Someone who can be mentioned: a member of the site. */
export interface Mentionable {
  id: string;
  displayName: string;
}

/** Where a mention sits in a text, and whom it names. */
export interface MentionSpan {
  userId: string;
  start: number;
  /** Exclusive; `text.slice(start, end)` is `@Name`. */
  end: number;
}

const fold = (s: string) => s.toLocaleLowerCase();
// A letter or digit right after a name means the name is only a prefix of another word ("@Ann" in "@Anna").
const WORD = /[\p{L}\p{N}_]/u;

/**
 * Finds `@Name` mentions of members in a text. Names may hold spaces and accents; at each `@` the longest
 * member name wins, case-insensitive. An `@` inside a word (an email) is not a mention.
 */
export function findMentions(text: string, members: readonly Mentionable[]): MentionSpan[] {
  const sorted = members.filter((m) => m.displayName.trim() !== '').sort((a, b) => b.displayName.length - a.displayName.length);
  const lower = fold(text);
  const spans: MentionSpan[] = [];
  for (let i = text.indexOf('@'); i !== -1; i = text.indexOf('@', i + 1)) {
    if (i > 0 && WORD.test(text[i - 1]!)) continue;
    const m = sorted.find((c) => {
      const name = fold(c.displayName);
      return lower.startsWith(name, i + 1) && !WORD.test(text[i + 1 + name.length] ?? '');
    });
    if (!m) continue;
    spans.push({ userId: m.id, start: i, end: i + 1 + m.displayName.length });
    i += m.displayName.length;
  }
  return spans;
}

/** The distinct members mentioned in a text, in order of first mention. */
export function mentionedIds(text: string, members: readonly Mentionable[]): string[] {
  return [...new Set(findMentions(text, members).map((s) => s.userId))];
}
