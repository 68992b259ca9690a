import { useCallback, useEffect, useState } from 'preact/hooks';
import type { WebhookDeliveryView } from '@tribu/protocol/client';
import { webhooksApi } from '../../api/webhooks.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { when } from './words.ts';
import { useI18n } from '../../i18n/index.tsx';

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
  const { t, f } = useI18n();
  const w = t.settings.deliveries;
  const event = (d: WebhookDeliveryView) => t.settings.hookEvents[d.event].label;
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
      setError(e instanceof Error ? e.message : w.loadFailed);
    }
  }, [siteId, endpointId, status, onLoaded]);
  useEffect(() => void load(), [load]);

  const resend = async (d: WebhookDeliveryView) => {
    setBusy(d.id);
    setNote(null);
    try {
      await webhooksApi.resend(csrf, siteId, d.id);
      setNote(w.queued(event(d)));
      // The first attempt goes out within seconds: show it.
      setTimeout(() => void load(), 2500);
    } catch (e) {
      setError(e instanceof Error ? e.message : w.resendFailed);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="hook-deliveries">
      <div class="hook-deliveries-head">
        <h4>{w.title}</h4>
        <label class="hook-filter">
          <span class="muted small">{w.show}</span>
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{w.all}</option>
            <option value="delivered">{w.delivered}</option>
            <option value="pending">{w.pending}</option>
            <option value="failed">{w.failed}</option>
          </select>
        </label>
        <button type="button" class="ghost" onClick={() => void load()}>
          {w.refresh}
        </button>
      </div>
      <ErrorAlert message={error} />
      {note && (
        <p class="saved" role="status">
          {note}
        </p>
      )}
      {rows && rows.length === 0 && <p class="muted small">{w.none}</p>}
      {rows && rows.length > 0 && (
        <div class="hook-table-wrap">
          <table class="kpi-table hook-table">
            <thead>
              <tr>
                <th scope="col">{w.event}</th>
                <th scope="col">{w.status}</th>
                <th scope="col" class="num">
                  {w.attempts}
                </th>
                <th scope="col">{w.lastAnswer}</th>
                <th scope="col">{w.created}</th>
                <th scope="col">
                  <span class="sr-only">{w.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td>
                    <span class="hook-event">{event(d)}</span>
                    <details class="hook-attempts">
                      <summary class="muted small">
                        <code>{d.id.slice(0, 8)}</code> · {w.attemptsSummary}
                      </summary>
                      <ul>
                        {d.attemptLog.map((a) => (
                          <li key={a.attempt}>
                            #{a.attempt} · {when(f, a.at)} · {a.statusCode ?? w.noAnswer}
                            {a.error && a.error !== `HTTP ${a.statusCode}` ? ` · ${a.error}` : ''}
                            {a.durationMs !== null ? ` · ${f.milliseconds(a.durationMs)}` : ''}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </td>
                  <td data-label={w.status}>
                    {/* While the endpoint is off, nothing is retried: the delivery waits for it. */}
                    <span class={`hook-status s-${d.status}`}>{d.status === 'pending' && !enabled ? w.onHold : w[d.status]}</span>
                    {d.nextAttemptAt && enabled && <span class="muted small hook-next">{w.next(when(f, d.nextAttemptAt))}</span>}
                    {d.status === 'pending' && !enabled && <span class="muted small hook-next">{w.untilOn}</span>}
                  </td>
                  <td class="num" data-label={w.attempts}>
                    {d.attempts}
                  </td>
                  <td class="hook-answer" data-label={w.lastAnswer}>
                    {d.lastStatusCode ?? '—'}
                    {d.lastError && d.status !== 'delivered' && <span class="muted small">{d.lastError}</span>}
                  </td>
                  <td data-label={w.created}>{when(f, d.createdAt)}</td>
                  <td class="hook-resend">
                    <button
                      type="button"
                      class="ghost"
                      disabled={!enabled || busy === d.id}
                      title={enabled ? undefined : w.turnOnToResend}
                      aria-label={w.resendLabel(event(d), d.id.slice(0, 8))}
                      onClick={() => void resend(d)}
                    >
                      {w.resend}
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
