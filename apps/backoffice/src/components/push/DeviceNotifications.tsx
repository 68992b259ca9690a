import { useEffect, useState } from 'preact/hooks';
import type { Me, PushConfig, PushPrefs } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { pushApi } from '../../api/push.ts';
import { currentSubscription, deviceLabel, pushSupported, subscribeDevice } from './device-push.ts';
import './device-notifications.css';

const problem = (e: unknown, fallback: string) => (e instanceof ApiError || e instanceof Error ? e.message : fallback);
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * "Notifications on this device": Web Push for when no Tribu tab is open (a request waits, a chat
 * is handed to me, a mention), a test push, quiet hours in my time zone, and the email instead.
 */
export function DeviceNotifications({ me }: { me: Me }) {
  const [config, setConfig] = useState<PushConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const supported = pushSupported();

  const load = async () => {
    const c = await pushApi.config();
    // The browser still holds a subscription the server forgot (signed out and in again): this sign-in takes it back.
    const granted = typeof Notification !== 'undefined' && Notification.permission === 'granted';
    const sub = c.thisDevice || !granted ? null : await currentSubscription().catch(() => null);
    if (sub) {
      await pushApi.subscribe(me.csrfToken, toBody(sub));
      return setConfig(await pushApi.config());
    }
    setConfig(c);
  };
  useEffect(() => {
    load().catch((e: unknown) => setError(problem(e, 'Could not load your notification settings')));
  }, []);

  const act = async (fn: () => Promise<void>, fallback: string) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await fn();
    } catch (e) {
      setError(problem(e, fallback));
    } finally {
      setBusy(false);
    }
  };
  const enable = () =>
    act(async () => {
      const sub = await subscribeDevice(config!.publicKey).catch((e: unknown) => {
        // The browser's own words ("Registration failed - permission denied") say little to a person.
        if (e instanceof DOMException)
          throw new Error(`This browser could not turn notifications on (${e.message}). In a private window they are not available.`);
        throw e;
      });
      await pushApi.subscribe(me.csrfToken, toBody(sub));
      setConfig(await pushApi.config());
      setStatus('Notifications are on for this device.');
    }, 'Could not turn notifications on');
  const disable = () =>
    act(async () => {
      await (await currentSubscription())?.unsubscribe();
      await pushApi.unsubscribe(me.csrfToken);
      setConfig(await pushApi.config());
      setStatus('Notifications are off for this device.');
    }, 'Could not turn notifications off');
  const test = () =>
    act(async () => {
      const r = await pushApi.test(me.csrfToken);
      setStatus(r.sent > 0 ? 'Sent: it should appear within a few seconds.' : 'The push service refused it: turn notifications off and on again.');
    }, 'Could not send a test');
  const savePrefs = (next: PushPrefs) =>
    act(async () => {
      const saved = await pushApi.prefs(me.csrfToken, next);
      setConfig((c) => (c ? { ...c, prefs: saved } : c));
      setStatus('Saved.');
    }, 'Could not save');

  if (!config) {
    return (
      <section class="panel device-push" aria-labelledby="device-push-h">
        <h2 id="device-push-h">Notifications on this device</h2>
        {error ? <p class="alert small">{error}</p> : <p class="muted small">Loading…</p>}
      </section>
    );
  }
  const prefs = { ...config.prefs, timeZone: config.prefs.quietHours ? config.prefs.timeZone : browserZone() };
  const quiet = prefs.quietHours;
  const others = config.devices - (config.thisDevice ? 1 : 0);
  return (
    <section class="panel device-push" aria-labelledby="device-push-h">
      <h2 id="device-push-h">Notifications on this device</h2>
      <p class="muted small">
        When no Tribu tab is open: a visitor waits and nobody has taken the request, a chat is handed to you, someone mentions you. Tapping one opens it on the
        desk.
      </p>
      <div class="device-push-state" role="status">
        <span class={`device-push-dot ${config.thisDevice ? 'on' : ''}`} aria-hidden="true" />
        <strong>{config.thisDevice ? `On for this device (${deviceLabel()})` : 'Off for this device'}</strong>
        {others > 0 && (
          <span class="muted small">
            {' '}
            · on {others} other device{others > 1 ? 's' : ''}
          </span>
        )}
      </div>
      {!supported && <p class="muted small">This browser cannot receive notifications. On a phone, add Tribu to your home screen first.</p>}
      <div class="device-push-actions">
        {config.thisDevice ? (
          <>
            <button type="button" class="ghost" disabled={busy} onClick={() => void test()}>
              Send a test
            </button>
            <button type="button" class="ghost" disabled={busy} onClick={() => void disable()}>
              Turn off
            </button>
          </>
        ) : (
          <button type="button" class="primary small" disabled={busy || !supported} onClick={() => void enable()}>
            Turn on notifications
          </button>
        )}
      </div>

      <label class="check">
        <input
          type="checkbox"
          checked={quiet !== null}
          disabled={busy}
          onChange={(e) => void savePrefs({ ...prefs, quietHours: e.currentTarget.checked ? { start: '22:00', end: '08:00' } : null })}
        />
        <span>Quiet hours: no notification or email between</span>
      </label>
      {quiet && (
        <div class="device-push-quiet">
          <label>
            <span class="sr-only">From</span>
            <input
              type="time"
              value={quiet.start}
              disabled={busy}
              onChange={(e) => void savePrefs({ ...prefs, quietHours: { ...quiet, start: e.currentTarget.value } })}
            />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span class="sr-only">Until</span>
            <input
              type="time"
              value={quiet.end}
              disabled={busy}
              onChange={(e) => void savePrefs({ ...prefs, quietHours: { ...quiet, end: e.currentTarget.value } })}
            />
          </label>
          <span class="muted small">in your time zone, {prefs.timeZone.replace(/_/g, ' ')}</span>
        </div>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={prefs.waitingEmail}
          disabled={busy || !config.mailConfigured}
          onChange={(e) => void savePrefs({ ...prefs, waitingEmail: e.currentTarget.checked })}
        />
        <span>
          Without notifications on any device, email me when visitors wait (at most one every few hours)
          {!config.mailConfigured && <span class="muted"> — this server sends no mail</span>}
        </span>
      </label>
      {status && <p class="ok small">{status}</p>}
      {error && <p class="alert small">{error}</p>}
    </section>
  );
}

function toBody(sub: PushSubscription) {
  const json = sub.toJSON();
  return { endpoint: json.endpoint ?? sub.endpoint, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' }, label: deviceLabel() };
}
