import { languageName } from './languages.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Small `FR` `EN` chips, each named in full for screen readers and on hover. */
export function LanguageChips({ codes }: { codes: string[] }) {
  const { t, f, locale } = useI18n();
  if (codes.length === 0) return null;
  const name = (c: string) => languageName(c, locale);
  return (
    <span class="lang-chips">
      <span class="sr-only">{t.account.speaks(f.list(codes.map(name)))}</span>
      {codes.map((c) => (
        <span key={c} class="lang" title={name(c)} aria-hidden="true">
          {c.toUpperCase()}
        </span>
      ))}
    </span>
  );
}
