import { languageName } from './languages.ts';

/** Small `FR` `EN` chips, each named in full for screen readers and on hover. */
export function LanguageChips({ codes }: { codes: string[] }) {
  if (codes.length === 0) return null;
  return (
    <span class="lang-chips">
      <span class="sr-only">speaks {codes.map(languageName).join(', ')}</span>
      {codes.map((c) => (
        <span key={c} class="lang" title={languageName(c)} aria-hidden="true">
          {c.toUpperCase()}
        </span>
      ))}
    </span>
  );
}
