import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { secondsUntil, type WaitReason } from '@tribu/protocol/client';
import { onTabWait, retryAllNow, tabWait } from '../realtime/socket.ts';

const why: Record<WaitReason, string> = {
  network: 'The connection to the server was lost.',
  unavailable: 'The server is unavailable for a moment.',
  internal: 'The server could not take the connection.',
  rate_limited: 'Too many connections from your network for now.',
};

/**
 * "Reconnecting… retrying in 8 s", why, and Retry now: shown while the tab's live connection waits
 * for its next attempt (the desk and every page with a live connection).
 */
export function ReconnectBanner({ children }: { children: ComponentChildren }) {
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
        <strong>Reconnecting…</strong>
        {wait && (
          // Not announced every second (a timer is not live); the status around it is, once.
          <span role="timer" aria-live="off">
            {seconds > 0 ? ` retrying in ${seconds} s.` : ' retrying now.'}
          </span>
        )}{' '}
        {wait && why[wait.reason]} {children}
      </p>
      {wait && (
        <button type="button" class="ghost" onClick={retryAllNow}>
          Retry now
        </button>
      )}
    </div>
  );
}
