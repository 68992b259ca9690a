import { useEffect, useState } from 'preact/hooks';
import { digestApi } from '../../api/digest.ts';
import { ApiError } from '../../api/http.ts';
import { BrandFrame } from '../../components/recruitment/BrandFrame.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** The link's token is in the fragment: browsers never send it, so it stays out of every log. */
const tokenOf = () => (typeof location === 'undefined' ? '' : location.hash.replace(/^#/, ''));

/**
 * `/backoffice/unsubscribe#<token>`: where a digest's unsubscribe link lands. Stopping it is a
 * button, not the page load, so a mail scanner that follows links unsubscribes nobody.
 */
export function DigestUnsubscribePage() {
  const [token] = useState(tokenOf);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(
    token ? null : 'This link is incomplete. Open it from the mail again, or turn the digest off under My profile.',
  );
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = done ? 'Unsubscribed · Tribu' : 'Stop the community digest · Tribu';
  }, [done]);

  const stop = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await digestApi.unsubscribe(token);
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not unsubscribe; try again in a moment.');
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <BrandFrame eyebrow="Community digest" title="You are unsubscribed">
        <p role="status" class="join-lead">
          No more digests will come to you. Changed your mind? Turn it back on under My profile.
        </p>
        <p class="muted">You can close this page.</p>
      </BrandFrame>
    );
  }
  return (
    <BrandFrame eyebrow="Community digest" title="Stop the digest?">
      <form class="accept-invite" onSubmit={stop} aria-label="Stop the community digest">
        <p class="join-lead">
          The community digest is a newsletter for helpers: newcomers, answers visitors loved, missions and events. Stop receiving it by mail?
        </p>
        <ErrorAlert message={error} />
        <button class="public-primary" type="submit" disabled={busy || !token}>
          {busy ? 'Unsubscribing…' : 'Unsubscribe'}
        </button>
        <p class="muted join-privacy">Nothing else changes: your account, your chats and your other notifications stay as they are.</p>
      </form>
    </BrandFrame>
  );
}
