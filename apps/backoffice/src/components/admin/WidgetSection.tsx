import { colorWarnings } from '@tribu/domain';
import { LOCALES, SITE_LIMITS, type Locale, type WidgetTexts } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import { LANGUAGE_NAMES, LanguageTabs } from './LanguageTabs.tsx';
import { TextsEditor } from './TextsEditor.tsx';
import type { Draft } from './useSiteSettingsForm.ts';

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

/** Where the widget may run, in which languages, with which words and colours. */
export function WidgetSection({ draft, defaults, errors, edit, locale, onLocale }: Props) {
  const originProblems = originErrors(errors);
  const colorOk = /^#[0-9a-f]{6}$/i.test(draft.color);
  const warnings = colorOk ? colorWarnings(draft.color) : [];
  const toggleLocale = (l: Locale, on: boolean) => {
    const locales = LOCALES.filter((x) => (x === l ? on : draft.locales.includes(x)));
    edit({ locales, ...(on || draft.defaultLocale !== l || !locales[0] ? {} : { defaultLocale: locales[0] }) });
    if (!on && locale === l && locales[0]) onLocale(locales[0]);
  };
  return (
    <section class="admin-card" aria-labelledby="s-widget">
      <h2 id="s-widget">Widget</h2>
      <Field
        id="f-origins"
        label="Allowed origins"
        error={originProblems.join(' · ') || undefined}
        hint={
          <>
            One address per line, like <code>https://shop.example</code> (no path). <code>self</code> allows this Tribu server's own pages (the demo). The
            widget refuses to run anywhere else.
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
        <legend>Languages offered</legend>
        <div class="checks">
          {LOCALES.map((l) => (
            <label key={l} class="check">
              <input
                type="checkbox"
                checked={draft.locales.includes(l)}
                disabled={draft.locales.length === 1 && draft.locales.includes(l)}
                onChange={(e) => toggleLocale(l, e.currentTarget.checked)}
              />
              {LANGUAGE_NAMES[l]}
            </label>
          ))}
        </div>
        <p class="field-hint">Visitors get their browser's language when it is offered, else the default.</p>
      </fieldset>
      <Field id="f-defaultLocale" label="Default language" error={errors.defaultLocale}>
        <select
          {...described('f-defaultLocale', errors.defaultLocale)}
          value={draft.defaultLocale}
          onChange={(e) => edit({ defaultLocale: e.currentTarget.value as Locale })}
        >
          {draft.locales.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </Field>

      <div class="field-row">
        <Field id="f-color" label="Brand colour" error={errors.color} hint="The launcher, the chat header and the send button.">
          <div class="color-row">
            <input
              type="color"
              aria-label="Pick the brand colour"
              value={colorOk ? draft.color : '#2f6f4f'}
              onInput={(e) => edit({ color: e.currentTarget.value })}
            />
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
          <legend>Launcher corner</legend>
          <div class="checks">
            {(['right', 'left'] as const).map((p) => (
              <label key={p} class="check">
                <input type="radio" name="position" checked={draft.position === p} onChange={() => edit({ position: p })} />
                Bottom {p}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class="field">
          <legend>Theme</legend>
          <div class="checks">
            {(['auto', 'light', 'dark'] as const).map((m) => (
              <label key={m} class="check">
                <input type="radio" name="theme" checked={draft.themeMode === m} onChange={() => edit({ themeMode: m })} />
                {m === 'auto' ? 'Follow the visitor' : m === 'light' ? 'Light' : 'Dark'}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          id="f-launcherOffset"
          label="Launcher distance from the bottom (px)"
          error={errors.launcherOffset}
          hint="The launcher also rises above a bar fixed at the bottom of your pages (a sticky Add to cart) by itself."
        >
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
        <h3>Texts</h3>
        <LanguageTabs locales={draft.locales} value={locale} onChange={onLocale} label="Language of the texts" />
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
