import { useEffect } from 'preact/hooks';
import { digestApi } from '../../api/digest.ts';
import { BrandFrame } from '../../components/recruitment/BrandFrame.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useUnsubscribe } from '../../hooks/useUnsubscribe.ts';

/**
 * `/backoffice/unsubscribe#<token>`: where a digest's unsubscribe link lands. Stopping it is a
 * button, not the page load, so a mail scanner that follows links unsubscribes nobody.
 */
export function DigestUnsubscribePage() {
  const { token, done, error, busy, stop } = useUnsubscribe(digestApi.unsubscribe, {
    incomplete: 'This link is incomplete. Open it from the mail again, or turn the digest off under My profile.',
    failed: 'Could not unsubscribe; try again in a moment.',
  });
  useEffect(() => {
    document.title = done ? 'Unsubscribed · Tribu' : 'Stop the community digest · Tribu';
  }, [done]);

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
