import type { CannedAnswer } from '@tribu/protocol/client';

/** Answers whose shortcut starts with what follows a leading `/` (nothing when the text is not a shortcut). */
export function cannedMatches(text: string, answers: CannedAnswer[]): CannedAnswer[] {
  const m = /^\/([a-z0-9-]*)$/i.exec(text);
  if (!m) return [];
  const q = m[1]!.toLowerCase();
  return answers.filter((a) => a.shortcut.startsWith(q)).slice(0, 8);
}
