import type { Locale } from '@tribu/protocol/client';

export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español' };

interface Props {
  locales: Locale[];
  value: Locale;
  onChange: (l: Locale) => void;
  label: string;
}

/** Which language's wording is being edited (and previewed). */
export function LanguageTabs({ locales, value, onChange, label }: Props) {
  return (
    <div class="toggle-group" role="group" aria-label={label}>
      {locales.map((l) => (
        <button key={l} type="button" aria-pressed={l === value} onClick={() => onChange(l)}>
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
