import type { PageContext } from '@tribu/protocol/client';

/** What the merchant told about the visitor's page (`Tribu.setContext`, e.g. cart value), as plain text. */
export function PageFacts({ context }: { context: PageContext | undefined }) {
  const entries = Object.entries(context ?? {});
  if (entries.length === 0) return null;
  return (
    <ul class="facts" aria-label="Page details">
      {entries.map(([k, v]) => (
        <li key={k}>
          {k}: {String(v)}
        </li>
      ))}
    </ul>
  );
}
