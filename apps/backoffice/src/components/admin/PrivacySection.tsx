import { SITE_LIMITS, type Locale, type WidgetTexts } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import { LanguageTabs } from './LanguageTabs.tsx';
import { PrechatFieldset } from './PrechatFieldset.tsx';
import { TextsEditor } from './TextsEditor.tsx';
import type { Draft } from './useSiteSettingsForm.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  draft: Draft;
  defaults: Record<Locale, WidgetTexts>;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
  locale: Locale;
  onLocale: (l: Locale) => void;
}

/** The privacy notice per language, what is asked before the chat, how long closed conversations are kept, whether address hashes are, and managers' two-step sign-in. */
export function PrivacySection({ draft, defaults, errors, edit, locale, onLocale }: Props) {
  const { t } = useI18n();
  const w = t.settings.privacySettings;
  const forever = draft.retentionDays === null;
  return (
    <section class="admin-card" aria-labelledby="s-privacy">
      <h2 id="s-privacy">{w.title}</h2>
      <div class="texts-head">
        <h3>{w.notice}</h3>
        <LanguageTabs locales={draft.locales} value={locale} onChange={onLocale} label={w.noticeLanguage} />
      </div>
      <TextsEditor keys={['privacy']} locale={locale} draft={draft} defaults={defaults[locale]} errors={errors} edit={edit} />
      <PrechatFieldset prechat={draft.prechat} errors={errors} edit={edit} />
      <fieldset class="field">
        <legend>{w.keep}</legend>
        <div class="choices">
          <label class="choice">
            <input type="radio" name="retention" checked={forever} onChange={() => edit({ retentionDays: null })} />
            <span>
              <strong>{w.forever}</strong>
              <small>{w.foreverHint}</small>
            </span>
          </label>
          <label class="choice">
            <input type="radio" name="retention" checked={!forever} onChange={() => edit({ retentionDays: draft.retentionDays ?? 365 })} />
            <span>
              <strong>{w.period}</strong>
              <small>{w.periodHint}</small>
            </span>
          </label>
        </div>
      </fieldset>
      <fieldset class="field">
        <legend>{w.addresses}</legend>
        <label class="choice">
          <input type="checkbox" checked={draft.storeAddresses} onChange={(e) => edit({ storeAddresses: e.currentTarget.checked })} />
          <span>
            <strong>{w.keepHashes}</strong>
            <small>{w.keepHashesHint}</small>
          </span>
        </label>
      </fieldset>
      <fieldset class="field">
        <legend>{w.signIn}</legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={draft.twoFactorForManagers}
            aria-describedby={errors.twoFactorForManagers ? 'e-twoFactorForManagers' : undefined}
            onChange={(e) => edit({ twoFactorForManagers: e.currentTarget.checked })}
          />
          <span>
            <strong>{w.twoFactor}</strong>
            <small>{w.twoFactorHint}</small>
          </span>
        </label>
        {errors.twoFactorForManagers && (
          <p class="field-error" id="e-twoFactorForManagers" role="alert">
            {errors.twoFactorForManagers}
          </p>
        )}
      </fieldset>
      {!forever && (
        <Field id="f-retentionDays" label={w.days} error={errors.retentionDays} hint={w.daysHint}>
          <input
            {...described('f-retentionDays', errors.retentionDays)}
            type="number"
            min={1}
            max={SITE_LIMITS.retentionDaysMax}
            value={Number.isNaN(draft.retentionDays) ? '' : (draft.retentionDays ?? '')}
            onInput={(e) => edit({ retentionDays: e.currentTarget.value.trim() === '' ? Number.NaN : Number(e.currentTarget.value) })}
          />
        </Field>
      )}
    </section>
  );
}
