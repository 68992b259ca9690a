import { LOCALES, LOCALE_NAMES, useI18n } from '../../i18n/index.tsx';
import './account.css';

/**
 * The signed-out pages' language switch: each language named in itself, chosen in one click, kept on this
 * browser (once signed in, the profile's choice wins). The page switches at once, without a reload.
 */
export function LocaleSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <nav class="locale-switch" aria-label={t.account.switchLanguage}>
      {LOCALES.map((l) => (
        <button key={l} type="button" class="link" lang={l} translate={false} aria-pressed={l === locale} onClick={() => void setLocale(l)}>
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </nav>
  );
}
