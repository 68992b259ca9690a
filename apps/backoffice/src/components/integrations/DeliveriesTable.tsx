import { useCallback, useEffect, useState } from 'preact/hooks';
import type { WebhookDeliveryView } from '@tribu/protocol/client';
import { webhooksApi } from '../../api/webhooks.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { EVENT_WORDS, when } from './words.ts';

const STATUS_WORDS: Record<WebhookDeliveryView['status'], string> = { pending: 'Retrying', delivered: 'Delivered', failed: 'Failed' };

interface Props {
  /** After each load: what was delivered may have changed the endpoint's health. */
  onLoaded?: () => void;
  siteId: string;
  csrf: string;
  endpointId: string;
  /** Resend is offered only while the endpoint is on. */
  enabled: boolean;
}

/** An endpoint's latest deliveries: event, status, attempts, last answer, and Resend. */
export function DeliveriesTable({ siteId, csrf, endpointId, enabled, onLoaded }: Props) {
  const [rows, setRows] = useState<WebhookDeliveryView[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setRows((await webhooksApi.deliveries(siteId, endpointId, status || undefined)).deliveries);
      setError(null);
      onLoaded?.();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not load the deliveries');
    }
  }, [siteId, endpointId, status, onLoaded]);
  useEffect(() => void load(), [load]);

  const resend = async (d: WebhookDeliveryView) => {
    setBusy(d.id);
    setNote(null);
    try {
      await webhooksApi.resend(csrf, siteId, d.id);
      setNote(`${EVENT_WORDS[d.event].label} is queued to be sent again.`);
      // The first attempt goes out within seconds: show it.
      setTimeout(() => void load(), 2500);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not resend');
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="hook-deliveries">
      <div class="hook-deliveries-head">
        <h4>Recent deliveries</h4>
        <label class="hook-filter">
          <span class="muted small">Show</span>
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">All</option>
            <option value="delivered">Delivered</option>
            <option value="pending">Retrying</option>
            <option value="failed">Failed</option>
          </select>
        </label>
        <button type="button" class="ghost" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      <ErrorAlert message={error} />
      {note && (
        <p class="saved" role="status">
          {note}
        </p>
      )}
      {rows && rows.length === 0 && <p class="muted small">No deliveries yet. They appear here as soon as an event happens.</p>}
      {rows && rows.length > 0 && (
        <div class="hook-table-wrap">
          <table class="kpi-table hook-table">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">
                  Attempts
                </th>
                <th scope="col">Last answer</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td>
                    <span class="hook-event">{EVENT_WORDS[d.event].label}</span>
                    <details class="hook-attempts">
                      <summary class="muted small">
                        <code>{d.id.slice(0, 8)}</code> · attempts
                      </summary>
                      <ul>
                        {d.attemptLog.map((a) => (
                          <li key={a.attempt}>
                            #{a.attempt} · {when(a.at)} · {a.statusCode ?? 'no answer'}
                            {a.error && a.error !== `HTTP ${a.statusCode}` ? ` · ${a.error}` : ''}
                            {a.durationMs !== null ? ` · ${a.durationMs} ms` : ''}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </td>
                  <td data-label="Status">
                    {/* While the endpoint is off, nothing is retried: the delivery waits for it. */}
                    <span class={`hook-status s-${d.status}`}>{d.status === 'pending' && !enabled ? 'On hold' : STATUS_WORDS[d.status]}</span>
                    {d.nextAttemptAt && enabled && <span class="muted small hook-next">next {when(d.nextAttemptAt)}</span>}
                    {d.status === 'pending' && !enabled && <span class="muted small hook-next">until the endpoint is on</span>}
                  </td>
                  <td class="num" data-label="Attempts">
                    {d.attempts}
                  </td>
                  <td class="hook-answer" data-label="Last answer">
                    {d.lastStatusCode ?? '—'}
                    {d.lastError && d.status !== 'delivered' && <span class="muted small">{d.lastError}</span>}
                  </td>
                  <td data-label="Created">{when(d.createdAt)}</td>
                  <td class="hook-resend">
                    <button
                      type="button"
                      class="ghost"
                      disabled={!enabled || busy === d.id}
                      title={enabled ? undefined : 'Turn the endpoint on to resend'}
                      aria-label={`Resend ${EVENT_WORDS[d.event].label} ${d.id.slice(0, 8)}`}
                      onClick={() => void resend(d)}
                    >
                      Resend
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
