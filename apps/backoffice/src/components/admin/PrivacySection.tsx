import { SITE_LIMITS, type Locale, type WidgetTexts } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import { LanguageTabs } from './LanguageTabs.tsx';
import { PrechatFieldset } from './PrechatFieldset.tsx';
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

/** The privacy notice per language, what is asked before the chat, how long closed conversations are kept, whether address hashes are, and managers' two-step sign-in. */
export function PrivacySection({ draft, defaults, errors, edit, locale, onLocale }: Props) {
  const forever = draft.retentionDays === null;
  return (
    <section class="admin-card" aria-labelledby="s-privacy">
      <h2 id="s-privacy">Privacy</h2>
      <div class="texts-head">
        <h3>Privacy notice</h3>
        <LanguageTabs locales={draft.locales} value={locale} onChange={onLocale} label="Language of the privacy notice" />
      </div>
      <TextsEditor keys={['privacy']} locale={locale} draft={draft} defaults={defaults[locale]} errors={errors} edit={edit} />
      <PrechatFieldset prechat={draft.prechat} errors={errors} edit={edit} />
      <fieldset class="field">
        <legend>Keep closed conversations</legend>
        <div class="choices">
          <label class="choice">
            <input type="radio" name="retention" checked={forever} onChange={() => edit({ retentionDays: null })} />
            <span>
              <strong>For ever</strong>
              <small>Visitors can find their past chats; nothing is deleted automatically.</small>
            </span>
          </label>
          <label class="choice">
            <input type="radio" name="retention" checked={!forever} onChange={() => edit({ retentionDays: draft.retentionDays ?? 365 })} />
            <span>
              <strong>Delete them after a period</strong>
              <small>Messages go for good; helpers keep the points those chats earned.</small>
            </span>
          </label>
        </div>
      </fieldset>
      <fieldset class="field">
        <legend>Network addresses</legend>
        <label class="choice">
          <input type="checkbox" checked={draft.storeAddresses} onChange={(e) => edit({ storeAddresses: e.currentTarget.checked })} />
          <span>
            <strong>Keep a scrambled trace of each chat's network address</strong>
            <small>
              Tribu keeps a keyed hash of the address a chat starts from (never the address itself), so managers can ban an abuser's address and not only their
              browser. Turned off: nothing is kept, bans hold by visitor only, and the traces already kept are deleted when you save.
            </small>
          </span>
        </label>
      </fieldset>
      <fieldset class="field">
        <legend>Managers' sign-in</legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={draft.twoFactorForManagers}
            aria-describedby={errors.twoFactorForManagers ? 'e-twoFactorForManagers' : undefined}
            onChange={(e) => edit({ twoFactorForManagers: e.currentTarget.checked })}
          />
          <span>
            <strong>Ask managers and admins for two-step sign-in</strong>
            <small>
              They sign in with their password and a code from an app on their phone. Until they set it up (in their profile), they help here as helpers only.
              Turn it on for yourself first.
            </small>
          </span>
        </label>
        {errors.twoFactorForManagers && (
          <p class="field-error" id="e-twoFactorForManagers" role="alert">
            {errors.twoFactorForManagers}
          </p>
        )}
      </fieldset>
      {!forever && (
        <Field
          id="f-retentionDays"
          label="Days to keep a closed conversation"
          error={errors.retentionDays}
          hint="Counted from the day the chat ended; deletion runs every few minutes."
        >
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
