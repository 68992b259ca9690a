import { useCallback, useState } from 'preact/hooks';
import type { WebhookEndpointView, WebhookSecretShown } from '@tribu/protocol/client';
import { webhooksApi, type WebhookForm } from '../../api/webhooks.ts';
import { DeliveriesTable } from './DeliveriesTable.tsx';
import { EndpointForm } from './EndpointForm.tsx';
import { when } from './words.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  siteId: string;
  csrf: string;
  endpoint: WebhookEndpointView;
  onChanged: (e: WebhookEndpointView) => void;
  onDeleted: (id: string) => void;
  /** A new secret to show once (rotation). */
  onSecret: (shown: WebhookSecretShown) => void;
  onError: (message: string) => void;
}

function StatusTag({ e }: { e: WebhookEndpointView }) {
  const w = useI18n().t.settings.hooks;
  if (e.enabled) return <span class="tag">{w.on}</span>;
  return <span class="tag warn">{e.disabledReason === 'failing' ? w.offFailing : w.off}</span>;
}

/** One endpoint: its address, events and health; edit, turn off/on, rotate the secret, delete; its deliveries. */
export function EndpointCard({ siteId, csrf, endpoint: e, onChanged, onDeleted, onSecret, onError }: Props) {
  const { t, f } = useI18n();
  const w = t.settings.hooks;
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      onError(err instanceof Error ? err.message : w.failed);
    } finally {
      setBusy(false);
    }
  };
  // Reading the deliveries may show a success or failure the card does not know yet.
  const refresh = useCallback(() => {
    webhooksApi.list(siteId).then(
      (r) => {
        const fresh = r.endpoints.find((x) => x.id === e.id);
        if (fresh) onChanged(fresh);
      },
      () => undefined,
    );
  }, [siteId, e.id, onChanged]);
  const save = async (form: WebhookForm) => {
    onChanged(await webhooksApi.update(csrf, siteId, e.id, form));
    setEditing(false);
  };
  const toggle = () => act(async () => onChanged(await webhooksApi.update(csrf, siteId, e.id, { enabled: !e.enabled })));
  const rotate = () =>
    act(async () => {
      if (!confirm(w.confirmRotate)) return;
      const shown = await webhooksApi.rotate(csrf, siteId, e.id);
      onChanged(shown.endpoint);
      onSecret(shown);
    });
  const remove = () =>
    act(async () => {
      if (!confirm(w.confirmDelete(e.url))) return;
      await webhooksApi.remove(csrf, siteId, e.id);
      onDeleted(e.id);
    });

  return (
    <li class="hook-card">
      <div class="hook-top">
        <div class="hook-who">
          <p class="hook-url">
            <code>{e.url}</code> <StatusTag e={e} />
          </p>
          {e.description && <p class="hook-desc">{e.description}</p>}
          <p class="chips hook-chips" aria-label={w.events}>
            {e.events.map((ev) => (
              <span key={ev} class="chip" title={ev}>
                {t.settings.hookEvents[ev].label}
              </span>
            ))}
          </p>
          <p class="muted small">
            {e.lastSuccessAt ? w.lastDelivered(when(f, e.lastSuccessAt)) : w.nothingYet}
            {e.consecutiveFailures > 0 && f.plural(e.consecutiveFailures, w.failedInRow)}
            {!e.enabled && e.disabledAt && w.turnedOffAt(when(f, e.disabledAt))}
          </p>
        </div>
        <div class="hook-actions">
          <button type="button" class="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? w.hideDeliveries : w.deliveries}
          </button>
          <button type="button" class="ghost" disabled={busy} onClick={() => setEditing(!editing)}>
            {w.edit}
          </button>
          <button type="button" class={e.enabled ? 'ghost' : 'primary'} disabled={busy} onClick={() => void toggle()}>
            {e.enabled ? w.turnOff : w.turnOn}
          </button>
          <button type="button" class="ghost" disabled={busy} onClick={() => void rotate()}>
            {w.newSecret}
          </button>
          <button type="button" class="ghost danger" disabled={busy} aria-label={w.deleteLabel(e.url)} onClick={() => void remove()}>
            {w.delete}
          </button>
        </div>
      </div>
      {!e.enabled && e.disabledReason === 'failing' && (
        <p class="notice hook-failing" role="status">
          {w.failingBefore(e.consecutiveFailures)} <strong>{w.turnOn}</strong>
          {w.failingAfter}
        </p>
      )}
      {editing && (
        <EndpointForm
          idPrefix={`edit-${e.id}`}
          title={w.editEndpoint}
          initial={{ url: e.url, description: e.description, events: e.events }}
          submitLabel={w.saveEndpoint}
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      )}
      {open && <DeliveriesTable siteId={siteId} csrf={csrf} endpointId={e.id} enabled={e.enabled} onLoaded={refresh} />}
    </li>
  );
}
