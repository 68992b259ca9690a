import { PRECHAT_FIELD_MODES, type SitePrechat } from '@tribu/protocol/client';
import type { Draft } from './useSiteSettingsForm.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  prechat: SitePrechat;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

/** What the widget asks above a visitor's first message: name, email (each off, optional or required), and consent to the notice. */
export function PrechatFieldset({ prechat, errors, edit }: Props) {
  const { t } = useI18n();
  const w = t.settings.prechat;
  const set = (patch: Partial<SitePrechat>) => edit({ prechat: { ...prechat, ...patch } });
  const question = (kind: 'name' | 'email', legend: string, hint?: string) => {
    const error = errors[`prechat.${kind}`];
    const describedBy = [hint && `f-prechat-${kind}-hint`, error && `f-prechat-${kind}-error`].filter(Boolean).join(' ');
    return (
      <fieldset class={`field ${error ? 'invalid' : ''}`} aria-describedby={describedBy || undefined}>
        <legend>{legend}</legend>
        <div class="checks">
          {PRECHAT_FIELD_MODES.map((m) => (
            <label key={m} class="check">
              <input type="radio" name={`prechat-${kind}`} checked={prechat[kind] === m} onChange={() => set(kind === 'name' ? { name: m } : { email: m })} />
              {w.modes[m]}
            </label>
          ))}
        </div>
        {hint && (
          <p class="field-hint" id={`f-prechat-${kind}-hint`}>
            {hint}
          </p>
        )}
        {error && (
          <p class="field-error" id={`f-prechat-${kind}-error`}>
            {error}
          </p>
        )}
      </fieldset>
    );
  };
  const consentError = errors['prechat.consent'];
  // Spaced and titled like a sub-heading (admin.css has no class for a group of groups).
  return (
    <fieldset class="field prechat" aria-describedby="f-prechat-hint">
      <legend>{w.title}</legend>
      <p class="field-hint" id="f-prechat-hint">
        {w.hint}
      </p>
      {question('name', w.name)}
      {question('email', w.email, w.emailHint)}
      <label class="choice">
        <input
          type="checkbox"
          checked={prechat.consent}
          aria-describedby="f-prechat-consent-hint"
          onChange={(e) => set({ consent: e.currentTarget.checked })}
        />
        <span>
          <strong>{w.consent}</strong>
          <small id="f-prechat-consent-hint">{w.consentHint}</small>
        </span>
      </label>
      {consentError && <p class="field-error">{consentError}</p>}
    </fieldset>
  );
}
