import type { Locale } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  locales: Locale[];
  value: Locale;
  onChange: (l: Locale) => void;
  label: string;
}

/** Which language's wording is being edited (and previewed). */
export function LanguageTabs({ locales, value, onChange, label }: Props) {
  const { t } = useI18n();
  return (
    <div class="toggle-group" role="group" aria-label={label}>
      {locales.map((l) => (
        <button key={l} type="button" aria-pressed={l === value} onClick={() => onChange(l)}>
          <span lang={l} translate={false}>
            {t.settings.languages[l]}
          </span>
        </button>
      ))}
    </div>
  );
}
