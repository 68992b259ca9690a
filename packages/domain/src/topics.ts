/** A site topic: a tag, its label, and the words that reveal it in a question. */
export interface Topic {
  tag: string;
  label: string;
  keywords: string[];
}

/** Lowercase, without accents, so "Livraison" matches "livraisón" and "LIVRAISON". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text, folded; letters and digits only. */
function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Tags of the topics whose keywords (or tag) appear as whole words in the text, in the site's
 * order. A keyword of several words matches when they follow each other.
 */
export function matchTopics(text: string, topics: readonly Topic[]): string[] {
  const padded = ` ${words(text).join(' ')} `;
  return topics
    .filter((t) =>
      [t.tag, ...t.keywords].some((k) => {
        const needle = words(k).join(' ');
        return needle !== '' && padded.includes(` ${needle} `);
      }),
    )
    .map((t) => t.tag);
}
