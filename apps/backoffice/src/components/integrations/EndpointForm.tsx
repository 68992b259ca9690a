import { useState } from 'preact/hooks';
import { WEBHOOK_EVENTS, WEBHOOK_LIMITS, type WebhookEvent } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import type { WebhookForm } from '../../api/webhooks.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  /** The id prefix of the form's inputs (one form per endpoint on the page). */
  idPrefix: string;
  title: string;
  initial: WebhookForm;
  submitLabel: string;
  onSubmit: (form: WebhookForm) => Promise<void>;
  onCancel?: () => void;
}

/** The address, a description and the events of an endpoint: adding one, or editing it. */
export function EndpointForm({ idPrefix, title, initial, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const w = t.settings.hooks;
  const [form, setForm] = useState<WebhookForm>(initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (name: string) => fields[name] ?? Object.entries(fields).find(([k]) => k.startsWith(`${name}.`))?.[1];

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await onSubmit({ ...form, url: form.url.trim(), description: form.description.trim() });
    } catch (err) {
      if (err instanceof ApiError && err.fields) setFields(err.fields);
      setError(err instanceof Error ? err.message : w.saveFailed);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (ev: WebhookEvent, on: boolean) => setForm((f) => ({ ...f, events: on ? [...f.events, ev] : f.events.filter((x) => x !== ev) }));
  const urlError = fieldError('url');
  const eventsError = fieldError('events');
  return (
    <form class="invite-form hook-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${idPrefix}-title`} noValidate>
      <h3 id={`${idPrefix}-title`}>{title}</h3>
      <ErrorAlert message={error} />
      <label class="field">
        <span class="field-label">{w.address}</span>
        <input
          type="url"
          value={form.url}
          maxLength={WEBHOOK_LIMITS.url}
          placeholder="https://shop.example/hooks/tribu"
          aria-invalid={urlError ? 'true' : undefined}
          aria-describedby={urlError ? `${idPrefix}-url-error` : `${idPrefix}-url-hint`}
          onInput={(e) => setForm({ ...form, url: e.currentTarget.value })}
        />
        {urlError ? (
          <span id={`${idPrefix}-url-error`} class="field-error">
            {urlError}
          </span>
        ) : (
          <span id={`${idPrefix}-url-hint`} class="muted small">
            {w.addressHint}
          </span>
        )}
      </label>
      <label class="field">
        <span class="field-label">{w.description}</span>
        <input
          value={form.description}
          maxLength={WEBHOOK_LIMITS.description}
          placeholder={w.descriptionPlaceholder}
          onInput={(e) => setForm({ ...form, description: e.currentTarget.value })}
        />
      </label>
      <fieldset class="field hook-events" aria-describedby={eventsError ? `${idPrefix}-events-error` : undefined}>
        <legend class="field-label">{w.eventsToSend}</legend>
        <div class="hook-event-grid">
          {WEBHOOK_EVENTS.map((ev) => (
            <label key={ev} class="check">
              <input type="checkbox" checked={form.events.includes(ev)} onChange={(e) => toggle(ev, e.currentTarget.checked)} />
              <span>
                {t.settings.hookEvents[ev].label} <code class="hook-code">{ev}</code>
                <span class="muted small">{t.settings.hookEvents[ev].hint}</span>
              </span>
            </label>
          ))}
        </div>
        {eventsError && (
          <span id={`${idPrefix}-events-error`} class="field-error">
            {eventsError}
          </span>
        )}
      </fieldset>
      <div class="form-foot">
        {onCancel && (
          <button type="button" class="ghost" onClick={onCancel}>
            {w.cancel}
          </button>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? w.saving : submitLabel}
        </button>
      </div>
    </form>
  );
}
