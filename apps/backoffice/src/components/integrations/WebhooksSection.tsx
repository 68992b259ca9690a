import { useCallback, useEffect, useState } from 'preact/hooks';
import { WEBHOOK_HEADERS, WEBHOOK_LIMITS, type WebhookEndpointView, type WebhookSecretShown } from '@tribu/protocol/client';
import { webhooksApi, type WebhookForm } from '../../api/webhooks.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { CopyField } from '../admin/CopyField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { EndpointCard } from './EndpointCard.tsx';
import { EndpointForm } from './EndpointForm.tsx';
import { useI18n } from '../../i18n/index.tsx';

const EMPTY: WebhookForm = { url: '', description: '', events: ['conversation.started', 'conversation.ended'] };

/** The site's webhook endpoints (admins): add one (its secret shown once), and each endpoint's card. */
export function WebhooksSection({ siteId, csrf, socket }: { siteId: string; csrf: string; socket: HelperSocket | null }) {
  const { t } = useI18n();
  const w = t.settings.hooks;
  const [endpoints, setEndpoints] = useState<WebhookEndpointView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<WebhookSecretShown | null>(null);
  const [adding, setAdding] = useState(false);
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    webhooksApi.list(siteId).then(
      (r) => {
        setEndpoints(r.endpoints);
        setAdding(r.endpoints.length === 0);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : w.loadFailed),
    );
  }, [siteId]);
  // Tribu turned an endpoint off while the page is open: the bell says so, and the list shows it at once.
  useEffect(() => {
    if (!socket) return;
    const turnedOff = (n: { kind: string; siteId: string }) => {
      if (n.kind !== 'webhook' || n.siteId !== siteId) return;
      webhooksApi.list(siteId).then(
        (r) => setEndpoints(r.endpoints),
        () => undefined,
      );
    };
    socket.on('notification:created', turnedOff);
    return () => void socket.off('notification:created', turnedOff);
  }, [socket, siteId]);

  const create = async (form: WebhookForm) => {
    const res = await webhooksApi.create(csrf, siteId, form);
    setEndpoints((list) => [res.endpoint, ...(list ?? [])]);
    setShown(res);
    setAdding(false);
    setFormKey((k) => k + 1);
  };
  const changed = useCallback((e: WebhookEndpointView) => setEndpoints((list) => list?.map((x) => (x.id === e.id ? e : x)) ?? null), []);
  const full = (endpoints?.length ?? 0) >= WEBHOOK_LIMITS.endpointsPerSite;

  return (
    <section class="admin-card hooks" aria-labelledby="s-webhooks">
      <div class="hooks-head">
        <h2 id="s-webhooks">{w.title}</h2>
        {!adding && (
          <button
            type="button"
            class="primary"
            disabled={full}
            title={full ? w.atMost(WEBHOOK_LIMITS.endpointsPerSite) : undefined}
            onClick={() => setAdding(true)}
          >
            {w.add}
          </button>
        )}
      </div>
      <p class="muted small">
        {w.introSigned} <code>POST</code> {w.introCheck} <code>{WEBHOOK_HEADERS.signature}</code> {w.introSecret} <code>{WEBHOOK_HEADERS.id}</code>{' '}
        {w.introIgnore}
      </p>
      {shown && (
        <div class="invite-sent key-created" role="status">
          <p>
            {w.secretFor} <strong>{shown.endpoint.url}</strong>. {w.copyNow}
          </p>
          <CopyField label={w.secret} value={shown.secret} />
          <button type="button" class="ghost" onClick={() => setShown(null)}>
            {w.copiedIt}
          </button>
        </div>
      )}
      <ErrorAlert message={error} />
      {!endpoints && !error && <p class="muted">{w.loading}</p>}
      {endpoints && endpoints.length > 0 && (
        <ul class="hook-list" aria-label={w.list}>
          {endpoints.map((e) => (
            <EndpointCard
              key={e.id}
              siteId={siteId}
              csrf={csrf}
              endpoint={e}
              onChanged={changed}
              onDeleted={(id) => setEndpoints((list) => list?.filter((x) => x.id !== id) ?? null)}
              onSecret={setShown}
              onError={setError}
            />
          ))}
        </ul>
      )}
      {adding && (
        <EndpointForm
          key={formKey}
          idPrefix="new-hook"
          title={w.newEndpoint}
          initial={EMPTY}
          submitLabel={w.add}
          onSubmit={create}
          onCancel={endpoints && endpoints.length > 0 ? () => setAdding(false) : undefined}
        />
      )}
    </section>
  );
}
