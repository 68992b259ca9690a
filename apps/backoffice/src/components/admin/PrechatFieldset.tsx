import { PRECHAT_FIELD_MODES, type PrechatMode, type SitePrechat } from '@tribu/protocol/client';
import type { Draft } from './useSiteSettingsForm.ts';

interface Props {
  prechat: SitePrechat;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

const MODE_LABELS: Record<PrechatMode, string> = { off: 'Not asked', optional: 'Optional', required: 'Required' };

/** What the widget asks above a visitor's first message: name, email (each off, optional or required), and consent to the notice. */
export function PrechatFieldset({ prechat, errors, edit }: Props) {
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
              {MODE_LABELS[m]}
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
      <legend>Before the chat</legend>
      <p class="field-hint" id="f-prechat-hint">
        Asked above the visitor's first message, once. With everything off, visitors just type their question.
      </p>
      {question('name', "Visitor's name")}
      {question('email', "Visitor's email", 'Used only to tell the visitor an answer came and to send them the transcript.')}
      <label class="choice">
        <input
          type="checkbox"
          checked={prechat.consent}
          aria-describedby="f-prechat-consent-hint"
          onChange={(e) => set({ consent: e.currentTarget.checked })}
        />
        <span>
          <strong>Ask visitors to accept the privacy notice before they chat</strong>
          <small id="f-prechat-consent-hint">
            The notice is the privacy notice text above. Nobody can send a first message without ticking it; the time of acceptance is kept with the chat.
          </small>
        </span>
      </label>
      {consentError && <p class="field-error">{consentError}</p>}
    </fieldset>
  );
}
