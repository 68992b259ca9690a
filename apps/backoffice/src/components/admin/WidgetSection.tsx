import { contrastRatio, onColor } from '@tribu/domain';
import { LOCALES, SITE_LIMITS, type Locale, type WidgetTexts } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import { LanguageTabs } from './LanguageTabs.tsx';
import { TextsEditor } from './TextsEditor.tsx';
import type { Draft } from './useSiteSettingsForm.ts';
import { useI18n, type Format, type Messages } from '../../i18n/index.tsx';

interface Props {
  draft: Draft;
  defaults: Record<Locale, WidgetTexts>;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
  locale: Locale;
  onLocale: (l: Locale) => void;
}

const originErrors = (errors: Record<string, string>) =>
  Object.entries(errors)
    .filter(([k]) => k === 'allowedOrigins' || k.startsWith('allowedOrigins.'))
    .map(([, v]) => v);

/** The domain's `colorWarnings`, worded in the person's language: text on the colour, and the launcher on a white page. */
function colorWarnings(hex: string, w: Messages['settings']['widget'], f: Format): string[] {
  const out: string[] = [];
  const text = contrastRatio(hex, onColor(hex));
  if (text < 4.5) out.push(w.hardToRead(f.number(text, 1)));
  const page = contrastRatio(hex, '#ffffff');
  if (page < 1.5) out.push(w.hardToSpot(f.number(page, 1)));
  return out;
}

/** Where the widget may run, in which languages, with which words and colours. */
export function WidgetSection({ draft, defaults, errors, edit, locale, onLocale }: Props) {
  const { t, f } = useI18n();
  const w = t.settings.widget;
  const originProblems = originErrors(errors);
  const colorOk = /^#[0-9a-f]{6}$/i.test(draft.color);
  const warnings = colorOk ? colorWarnings(draft.color, w, f) : [];
  const toggleLocale = (l: Locale, on: boolean) => {
    const locales = LOCALES.filter((x) => (x === l ? on : draft.locales.includes(x)));
    edit({ locales, ...(on || draft.defaultLocale !== l || !locales[0] ? {} : { defaultLocale: locales[0] }) });
    if (!on && locale === l && locales[0]) onLocale(locales[0]);
  };
  return (
    <section class="admin-card" aria-labelledby="s-widget">
      <h2 id="s-widget">{w.title}</h2>
      <Field
        id="f-origins"
        label={w.origins}
        error={originProblems.join(' · ') || undefined}
        hint={
          <>
            {w.originsHintBefore} <code>https://shop.example</code> {w.originsHintMiddle} <code>self</code> {w.originsHintSelf}
          </>
        }
      >
        <textarea
          {...described('f-origins', originProblems[0])}
          rows={4}
          spellcheck={false}
          value={draft.originsText}
          onInput={(e) => edit({ originsText: e.currentTarget.value })}
        />
      </Field>

      <fieldset class="field">
        <legend>{w.languages}</legend>
        <div class="checks">
          {LOCALES.map((l) => (
            <label key={l} class="check">
              <input
                type="checkbox"
                checked={draft.locales.includes(l)}
                disabled={draft.locales.length === 1 && draft.locales.includes(l)}
                onChange={(e) => toggleLocale(l, e.currentTarget.checked)}
              />
              <span lang={l} translate={false}>
                {t.settings.languages[l]}
              </span>
            </label>
          ))}
        </div>
        <p class="field-hint">{w.languagesHint}</p>
      </fieldset>
      <Field id="f-defaultLocale" label={w.defaultLanguage} error={errors.defaultLocale}>
        <select
          {...described('f-defaultLocale', errors.defaultLocale)}
          value={draft.defaultLocale}
          onChange={(e) => edit({ defaultLocale: e.currentTarget.value as Locale })}
        >
          {draft.locales.map((l) => (
            <option key={l} value={l} lang={l} translate={false}>
              {t.settings.languages[l]}
            </option>
          ))}
        </select>
      </Field>

      <div class="field-row">
        <Field id="f-color" label={w.color} error={errors.color} hint={w.colorHint}>
          <div class="color-row">
            <input type="color" aria-label={w.pickColor} value={colorOk ? draft.color : '#2f6f4f'} onInput={(e) => edit({ color: e.currentTarget.value })} />
            <input
              {...described('f-color', errors.color)}
              class="hex"
              value={draft.color}
              maxLength={7}
              onInput={(e) => edit({ color: e.currentTarget.value.trim() })}
            />
          </div>
        </Field>
        <fieldset class="field">
          <legend>{w.corner}</legend>
          <div class="checks">
            {(['right', 'left'] as const).map((p) => (
              <label key={p} class="check">
                <input type="radio" name="position" checked={draft.position === p} onChange={() => edit({ position: p })} />
                {p === 'right' ? w.bottomRight : w.bottomLeft}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class="field">
          <legend>{w.theme}</legend>
          <div class="checks">
            {(['auto', 'light', 'dark'] as const).map((m) => (
              <label key={m} class="check">
                <input type="radio" name="theme" checked={draft.themeMode === m} onChange={() => edit({ themeMode: m })} />
                {m === 'auto' ? w.themeAuto : m === 'light' ? w.themeLight : w.themeDark}
              </label>
            ))}
          </div>
        </fieldset>
        <Field id="f-launcherOffset" label={w.offset} error={errors.launcherOffset} hint={w.offsetHint}>
          <input
            {...described('f-launcherOffset', errors.launcherOffset)}
            type="number"
            min={0}
            max={SITE_LIMITS.launcherOffsetMax}
            step={4}
            value={draft.launcherOffset}
            onInput={(e) => edit({ launcherOffset: e.currentTarget.value === '' ? NaN : Number(e.currentTarget.value) })}
          />
        </Field>
      </div>
      {warnings.map((w) => (
        <p key={w} class="warn-line" role="status">
          {w}
        </p>
      ))}

      <div class="texts-head">
        <h3>{w.texts}</h3>
        <LanguageTabs locales={draft.locales} value={locale} onChange={onLocale} label={w.textsLanguage} />
      </div>
      <TextsEditor
        keys={['launcher', 'title', 'disclosure', 'placeholder', 'online', 'replies', 'offline', 'open']}
        locale={locale}
        draft={draft}
        defaults={defaults[locale]}
        errors={errors}
        edit={edit}
      />
    </section>
  );
}
