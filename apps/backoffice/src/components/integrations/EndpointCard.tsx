import { useCallback, useState } from 'preact/hooks';
import type { WebhookEndpointView, WebhookSecretShown } from '@tribu/protocol/client';
import { webhooksApi, type WebhookForm } from '../../api/webhooks.ts';
import { DeliveriesTable } from './DeliveriesTable.tsx';
import { EndpointForm } from './EndpointForm.tsx';
import { EVENT_WORDS, when } from './words.ts';

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
  if (e.enabled) return <span class="tag">On</span>;
  return <span class="tag warn">{e.disabledReason === 'failing' ? 'Off — kept failing' : 'Off'}</span>;
}

/** One endpoint: its address, events and health; edit, turn off/on, rotate the secret, delete; its deliveries. */
export function EndpointCard({ siteId, csrf, endpoint: e, onChanged, onDeleted, onSecret, onError }: Props) {
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      onError(err instanceof Error ? err.message : 'That did not work');
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
      if (!confirm('Make a new secret? Deliveries are signed with the new one at once: update your receiver right after.')) return;
      const shown = await webhooksApi.rotate(csrf, siteId, e.id);
      onChanged(shown.endpoint);
      onSecret(shown);
    });
  const remove = () =>
    act(async () => {
      if (!confirm(`Delete the endpoint ${e.url}? Its delivery history goes with it.`)) return;
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
          <p class="chips hook-chips" aria-label="Events">
            {e.events.map((ev) => (
              <span key={ev} class="chip" title={ev}>
                {EVENT_WORDS[ev].label}
              </span>
            ))}
          </p>
          <p class="muted small">
            {e.lastSuccessAt ? `Last delivered ${when(e.lastSuccessAt)}` : 'Nothing delivered yet'}
            {e.consecutiveFailures > 0 && ` · ${e.consecutiveFailures} failed in a row`}
            {!e.enabled && e.disabledAt && ` · turned off ${when(e.disabledAt)}`}
          </p>
        </div>
        <div class="hook-actions">
          <button type="button" class="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide deliveries' : 'Deliveries'}
          </button>
          <button type="button" class="ghost" disabled={busy} onClick={() => setEditing(!editing)}>
            Edit
          </button>
          <button type="button" class={e.enabled ? 'ghost' : 'primary'} disabled={busy} onClick={() => void toggle()}>
            {e.enabled ? 'Turn off' : 'Turn on'}
          </button>
          <button type="button" class="ghost" disabled={busy} onClick={() => void rotate()}>
            New secret
          </button>
          <button type="button" class="ghost danger" disabled={busy} aria-label={`Delete ${e.url}`} onClick={() => void remove()}>
            Delete
          </button>
        </div>
      </div>
      {!e.enabled && e.disabledReason === 'failing' && (
        <p class="notice hook-failing" role="status">
          Tribu turned this endpoint off after {e.consecutiveFailures} failed deliveries in a row. Fix it, then <strong>Turn on</strong>: what failed in the
          last 24 hours is sent again.
        </p>
      )}
      {editing && (
        <EndpointForm
          idPrefix={`edit-${e.id}`}
          title="Edit endpoint"
          initial={{ url: e.url, description: e.description, events: e.events }}
          submitLabel="Save endpoint"
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      )}
      {open && <DeliveriesTable siteId={siteId} csrf={csrf} endpointId={e.id} enabled={e.enabled} onLoaded={refresh} />}
    </li>
  );
}
