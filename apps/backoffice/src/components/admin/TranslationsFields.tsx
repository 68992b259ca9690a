import { useState } from 'preact/hooks';
import type { ContentTranslations, Locale } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
import './translations-fields.css';

export interface TranslatedField<K extends string> {
  key: K;
  /** The field's name, as above the default text ("Answer", "Name"). */
  label: string;
  maxLength: number;
  /** A text area of this many rows; absent: one line. */
  rows?: number;
}

interface Props<K extends string> {
  /** The site's languages (`Membership.languages`); nothing is shown when it offers only one. */
  languages: { defaultLocale: Locale; locales: Locale[] } | undefined;
  fields: TranslatedField<K>[];
  value: ContentTranslations<K>;
  onChange: (next: ContentTranslations<K>) => void;
  /** The default text, shown as each field's placeholder (what a reader of that language sees while it is empty). */
  defaults?: Partial<Record<K, string>>;
  /** Unique on the page: the tabs' and fields' ids start with it. */
  id: string;
  disabled?: boolean;
}

/**
 * The site's own words in its other languages, beside the default text: one tab per language, the same
 * fields in each. A field left empty reads the default text (the server decides who reads what).
 */
export function TranslationsFields<K extends string>({ languages, fields, value, onChange, defaults, id, disabled }: Props<K>) {
  const { t } = useI18n();
  const w = t.content;
  const others = languages ? languages.locales.filter((l) => l !== languages.defaultLocale) : [];
  const [tab, setTab] = useState<Locale | undefined>(others[0]);
  const current = tab && others.includes(tab) ? tab : others[0];
  if (!languages || !current) return null;
  const written = (l: Locale) => fields.some((f) => value[l]?.[f.key]?.trim());
  const set = (l: Locale, key: K, text: string) => onChange({ ...value, [l]: { ...value[l], [key]: text } });
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = others[(others.indexOf(current) + step + others.length) % others.length]!;
    setTab(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };
  return (
    <fieldset class="tr-fields">
      <legend>{w.otherLanguages}</legend>
      <p class="muted tr-hint">{w.hint(w.languageName[languages.defaultLocale])}</p>
      <div class="tr-tabs" role="tablist" aria-label={w.otherLanguages} onKeyDown={onKey}>
        {others.map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            id={`${id}-tab-${l}`}
            aria-selected={l === current}
            aria-controls={`${id}-panel`}
            tabIndex={l === current ? 0 : -1}
            onClick={() => setTab(l)}
          >
            {w.tab[l]}
            {written(l) && (
              <>
                <span class="tr-written" aria-hidden="true" />
                <span class="tr-sr"> {w.written}</span>
              </>
            )}
          </button>
        ))}
      </div>
      <div class="tr-panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current}`}>
        {fields.map((f) => {
          const fieldId = `${id}-${current}-${f.key}`;
          const common = {
            id: fieldId,
            lang: current,
            maxLength: f.maxLength,
            disabled,
            value: value[current]?.[f.key] ?? '',
            placeholder: defaults?.[f.key] ?? '',
            onInput: (e: Event) => set(current, f.key, (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
          };
          return (
            <div class="tr-field" key={fieldId}>
              <label for={fieldId}>{w.field(f.label, w.languageName[current])}</label>
              {f.rows ? <textarea rows={f.rows} {...common} /> : <input {...common} />}
            </div>
          );
        })}
        <p class="muted tr-fallback">{w.fallback(w.languageName[current])}</p>
      </div>
    </fieldset>
  );
}
