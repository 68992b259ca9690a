import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { secondsUntil, type WaitReason } from '@tribu/protocol/client';
import { useI18n } from '../i18n/index.tsx';
import { onTabWait, retryAllNow, tabWait } from '../realtime/socket.ts';

/**
 * "Reconnecting… retrying in 8 s", why, and Retry now: shown while the tab's live connection waits
 * for its next attempt (the desk and every page with a live connection).
 */
export function ReconnectBanner({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const w = t.shell.reconnect;
  const why: Record<WaitReason, string> = w.why;
  const [wait, setWait] = useState(tabWait);
  const [now, setNow] = useState(Date.now);
  useEffect(() => onTabWait(() => setWait(tabWait())), []);
  useEffect(() => {
    if (!wait) return;
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [wait]);
  const seconds = wait ? secondsUntil(wait.retryAt, now) : 0;
  return (
    <div class="banner reconnect">
      <p role="status">
        <strong>{w.title}</strong>
        {wait && (
          // Not announced every second (a timer is not live); the status around it is, once.
          <span role="timer" aria-live="off">
            {' '}
            {seconds > 0 ? w.retryingIn(seconds) : w.retryingNow}
          </span>
        )}{' '}
        {wait && why[wait.reason]} {children}
      </p>
      {wait && (
        <button type="button" class="ghost" onClick={retryAllNow}>
          {w.retryNow}
        </button>
      )}
    </div>
  );
}
