import { useEffect, useState } from 'preact/hooks';
import type { Me, PushConfig, PushPrefs } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { pushApi } from '../../api/push.ts';
import { currentSubscription, deviceLabel, pushSupported, subscribeDevice } from './device-push.ts';
import './device-notifications.css';
import { useI18n } from '../../i18n/index.tsx';

const problem = (e: unknown, fallback: string) => (e instanceof ApiError || e instanceof Error ? e.message : fallback);
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * "Notifications on this device": Web Push for when no Tribu tab is open (a request waits, a chat
 * is handed to me, a mention), a test push, quiet hours in my time zone, and the email instead.
 */
export function DeviceNotifications({ me }: { me: Me }) {
  const { t, f } = useI18n();
  const w = t.shell.push;
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
      await pushApi.subscribe(me.csrfToken, toBody(sub, deviceLabel(w)));
      return setConfig(await pushApi.config());
    }
    setConfig(c);
  };
  useEffect(() => {
    load().catch((e: unknown) => setError(problem(e, w.cannotLoad)));
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
      const sub = await subscribeDevice(config!.publicKey, w.blocked).catch((e: unknown) => {
        // The browser's own words ("Registration failed - permission denied") say little to a person.
        if (e instanceof DOMException) throw new Error(w.browserRefused(e.message));
        throw e;
      });
      await pushApi.subscribe(me.csrfToken, toBody(sub, deviceLabel(w)));
      setConfig(await pushApi.config());
      setStatus(w.isOn);
    }, w.cannotTurnOn);
  const disable = () =>
    act(async () => {
      await (await currentSubscription())?.unsubscribe();
      await pushApi.unsubscribe(me.csrfToken);
      setConfig(await pushApi.config());
      setStatus(w.isOff);
    }, w.cannotTurnOff);
  const test = () =>
    act(async () => {
      const r = await pushApi.test(me.csrfToken);
      setStatus(r.sent > 0 ? w.testSent : w.testRefused);
    }, w.cannotTest);
  const savePrefs = (next: PushPrefs) =>
    act(async () => {
      const saved = await pushApi.prefs(me.csrfToken, next);
      setConfig((c) => (c ? { ...c, prefs: saved } : c));
      setStatus(w.saved);
    }, w.cannotSave);

  if (!config) {
    return (
      <section class="panel device-push" aria-labelledby="device-push-h">
        <h2 id="device-push-h">{w.title}</h2>
        {error ? <p class="alert small">{error}</p> : <p class="muted small">{t.common.loading}</p>}
      </section>
    );
  }
  const prefs = { ...config.prefs, timeZone: config.prefs.quietHours ? config.prefs.timeZone : browserZone() };
  const quiet = prefs.quietHours;
  const others = config.devices - (config.thisDevice ? 1 : 0);
  return (
    <section class="panel device-push" aria-labelledby="device-push-h">
      <h2 id="device-push-h">{w.title}</h2>
      <p class="muted small">{w.intro}</p>
      <div class="device-push-state" role="status">
        <span class={`device-push-dot ${config.thisDevice ? 'on' : ''}`} aria-hidden="true" />
        <strong>{config.thisDevice ? w.onHere(deviceLabel(w)) : w.offHere}</strong>
        {others > 0 && <span class="muted small"> {f.plural(others, w.onOthers)}</span>}
      </div>
      {!supported && <p class="muted small">{w.unsupported}</p>}
      <div class="device-push-actions">
        {config.thisDevice ? (
          <>
            <button type="button" class="ghost" disabled={busy} onClick={() => void test()}>
              {w.sendTest}
            </button>
            <button type="button" class="ghost" disabled={busy} onClick={() => void disable()}>
              {w.turnOff}
            </button>
          </>
        ) : (
          <button type="button" class="primary small" disabled={busy || !supported} onClick={() => void enable()}>
            {w.turnOn}
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
        <span>{w.quietHours}</span>
      </label>
      {quiet && (
        <div class="device-push-quiet">
          <label>
            <span class="sr-only">{w.from}</span>
            <input
              type="time"
              value={quiet.start}
              disabled={busy}
              onChange={(e) => void savePrefs({ ...prefs, quietHours: { ...quiet, start: e.currentTarget.value } })}
            />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span class="sr-only">{w.until}</span>
            <input
              type="time"
              value={quiet.end}
              disabled={busy}
              onChange={(e) => void savePrefs({ ...prefs, quietHours: { ...quiet, end: e.currentTarget.value } })}
            />
          </label>
          <span class="muted small">{w.inZone(prefs.timeZone.replace(/_/g, ' '))}</span>
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
          {w.waitingEmail}
          {!config.mailConfigured && <span class="muted">{w.noMail}</span>}
        </span>
      </label>
      {status && <p class="ok small">{status}</p>}
      {error && <p class="alert small">{error}</p>}
    </section>
  );
}

function toBody(sub: PushSubscription, label: string) {
  const json = sub.toJSON();
  return { endpoint: json.endpoint ?? sub.endpoint, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' }, label };
}
