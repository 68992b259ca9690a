import { useEffect, useState } from 'preact/hooks';
import { secondsUntil, type LinkWait } from '@tribu/protocol/client';
import { useI18n } from './i18n/index.ts';

/** "Reconnecting… retrying in 8 s" and a Retry now button, while the chat waits to reconnect. */
export function Reconnecting({ wait, onRetry }: { wait: LinkWait | null; onRetry: () => void }) {
  const { t } = useI18n();
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!wait) return;
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [wait]);
  return (
    <div class="status warn reconnecting">
      <p role="status">
        {t.reconnecting}
        {wait && (
          // Not announced every second (a timer is not a live region); the status around it is, once.
          <span role="timer"> {t.retryingIn(secondsUntil(wait.retryAt, now))}</span>
        )}
      </p>
      {wait && (
        <button type="button" class="link" onClick={onRetry}>
          {t.retryNow}
        </button>
      )}
    </div>
  );
}
