import { useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';

/** The link's token is in the fragment: browsers never send it, so it stays out of every log. */
const tokenOf = () => (typeof location === 'undefined' ? '' : location.hash.replace(/^#/, ''));

/**
 * The state of a mail's unsubscribe page (digest, monthly report): the token from the link, and a `stop`
 * for the page's button — stopping is a button, not the page load, so a mail scanner that follows links
 * stops nothing.
 */
export function useUnsubscribe(send: (token: string) => Promise<unknown>, texts: { incomplete: string; failed: string }) {
  const [token] = useState(tokenOf);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(token ? null : texts.incomplete);
  const [busy, setBusy] = useState(false);

  const stop = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send(token);
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : texts.failed);
    } finally {
      setBusy(false);
    }
  };
  return { token, done, error, busy, stop };
}
