import { useEffect } from 'preact/hooks';
import { call } from '../../api/http.ts';
import { BrandFrame } from '../../components/recruitment/BrandFrame.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useUnsubscribe } from '../../hooks/useUnsubscribe.ts';

/**
 * `/backoffice/monthly-report/unsubscribe#<token>`: the page the monthly report mail's link opens.
 * Stopping is a button, not the page load, so a mail scanner that follows links stops nothing (the
 * mail program's own Unsubscribe button posts straight to the API, RFC 8058).
 */
export function MonthlyReportUnsubscribePage() {
  const { token, done, error, busy, stop } = useUnsubscribe((token) => call('POST', '/api/monthly-report/unsubscribe', { token }), {
    incomplete: 'This link is incomplete. Open it from the mail again, or copy the whole link.',
    failed: 'Could not stop it; try again in a moment.',
  });
  useEffect(() => {
    document.title = done ? 'Monthly report stopped · Tribu' : 'Stop the monthly report · Tribu';
  }, [done]);

  if (done) {
    return (
      <BrandFrame eyebrow="Monthly report" title="You will get no more monthly reports">
        <p role="status" class="join-lead">
          Done: Tribu no longer mails you the monthly report of the communities you manage. The report itself stays under Manage → Numbers.
        </p>
        <p class="muted">
          Changed your mind? Turn it back on under <a href="/backoffice/profile">My profile</a>.
        </p>
      </BrandFrame>
    );
  }
  return (
    <BrandFrame eyebrow="Monthly report" title="Stop the monthly report mail?">
      <form class="accept-invite" onSubmit={stop} aria-label="Stop the monthly report mail">
        <p class="join-lead">
          On the 1st of each month, Tribu mails the admins and community managers of a site its key figures for the month before. You can stop these mails for
          every site you manage.
        </p>
        <ErrorAlert message={error} />
        <button class="public-primary" type="submit" disabled={busy || !token}>
          {busy ? 'Stopping…' : 'Stop these mails'}
        </button>
        <p class="muted join-privacy">Nothing else changes: your account, your roles and the report under Manage → Numbers stay as they are.</p>
      </form>
    </BrandFrame>
  );
}
