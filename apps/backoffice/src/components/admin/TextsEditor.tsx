import { WIDGET_TEXT_LIMITS, type Locale, type WidgetTextKey, type WidgetTexts } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import type { Draft } from './useSiteSettingsForm.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The texts edited in a text area rather than a one-line box (their labels: `t.settings.texts`). */
const LONG: ReadonlySet<WidgetTextKey> = new Set(['disclosure', 'privacy']);

interface Props {
  keys: WidgetTextKey[];
  locale: Locale;
  draft: Draft;
  defaults: WidgetTexts;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

/** A language's wording, each field empty by default with Tribu's text shown as its placeholder. */
export function TextsEditor({ keys, locale, draft, defaults, errors, edit }: Props) {
  const { t } = useI18n();
  const mine = draft.texts[locale] ?? {};
  const set = (key: WidgetTextKey, value: string) => edit({ texts: { ...draft.texts, [locale]: { ...mine, [key]: value } } });
  return (
    <div class="texts">
      {keys.map((key) => {
        const id = `f-texts-${locale}-${key}`;
        const error = errors[`texts.${locale}.${key}`];
        const { label, hint } = t.settings.texts[key];
        const long = LONG.has(key);
        const value = mine[key] ?? '';
        const props = {
          ...described(id, error),
          // The site's words in the tab's language (what the widget shows), not the backoffice's.
          lang: locale,
          translate: false,
          value,
          placeholder: defaults[key],
          maxLength: WIDGET_TEXT_LIMITS[key],
          onInput: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
        };
        return (
          <Field
            key={id}
            id={id}
            label={label}
            error={error}
            hint={
              <>
                {hint} {value ? `${value.length}/${WIDGET_TEXT_LIMITS[key]}` : t.settings.texts.emptyUsesDefault}
              </>
            }
          >
            {long ? <textarea rows={3} {...props} /> : <input {...props} />}
          </Field>
        );
      })}
    </div>
  );
}
