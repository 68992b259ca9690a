import { useEffect, useState } from 'preact/hooks';
import type { VisitorEmailConfirmed } from '@tribu/protocol/client';
import { ApiError, call } from '../../api/http.ts';
import { BrandFrame } from '../../components/recruitment/BrandFrame.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** The link's token is in the fragment: browsers never send it, so it stays out of every log. */
const tokenOf = () => (typeof location === 'undefined' ? '' : location.hash.replace(/^#/, ''));

/**
 * `/backoffice/confirm-email#<token>`: the page a visitor's confirmation mail opens. Confirming is a
 * button, not the page load, so a mail scanner that follows links confirms nothing.
 */
export function ConfirmEmailPage() {
  const [token] = useState(tokenOf);
  const [done, setDone] = useState<VisitorEmailConfirmed | null>(null);
  const [error, setError] = useState<string | null>(token ? null : 'This link is incomplete. Open it from the mail again, or copy the whole link.');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = done ? `Email confirmed · ${done.site.name}` : 'Confirm your email · Tribu';
  }, [done]);

  const confirm = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setDone(await call<VisitorEmailConfirmed>('POST', '/api/visitor-email/confirm', { token }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not confirm; try again in a moment.');
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <BrandFrame color={done.site.color} onColor={done.site.onColor} eyebrow="Email confirmed" title={`Thank you`}>
        <p role="status" class="join-lead">
          Your email is confirmed. The {done.site.name} community will write to you there when someone answers your question.
        </p>
        <p class="muted">You can close this page.</p>
      </BrandFrame>
    );
  }
  return (
    <BrandFrame eyebrow="Email confirmation" title="Confirm your email">
      <form class="accept-invite" onSubmit={confirm} aria-label="Confirm your email">
        <p class="join-lead">
          You gave this address in a community chat, to be told by mail of an answer. Confirm it, and the answer or the transcript of your chat comes to you by
          mail. Nothing else is ever sent to it.
        </p>
        <ErrorAlert message={error} />
        <button class="public-primary" type="submit" disabled={busy || !token}>
          {busy ? 'Confirming…' : 'Confirm my email'}
        </button>
        <p class="muted join-privacy">Not you? Close this page: nothing is sent to an address that is not confirmed.</p>
      </form>
    </BrandFrame>
  );
}
