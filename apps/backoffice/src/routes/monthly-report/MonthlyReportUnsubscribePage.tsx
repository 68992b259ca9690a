import { useEffect } from 'preact/hooks';
import { call } from '../../api/http.ts';
import { BrandFrame } from '../../components/recruitment/BrandFrame.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useUnsubscribe } from '../../hooks/useUnsubscribe.ts';
import { useI18n } from '../../i18n/index.tsx';
import { LocaleSwitch } from '../../components/account/LocaleSwitch.tsx';

/**
 * `/backoffice/monthly-report/unsubscribe#<token>`: the page the monthly report mail's link opens.
 * Stopping is a button, not the page load, so a mail scanner that follows links stops nothing (the
 * mail program's own Unsubscribe button posts straight to the API, RFC 8058).
 */
export function MonthlyReportUnsubscribePage() {
  const { t } = useI18n();
  const w = t.account.reportStop;
  const { token, done, error, busy, stop } = useUnsubscribe((token) => call('POST', '/api/monthly-report/unsubscribe', { token }), w);
  useEffect(() => {
    document.title = done ? w.docDone : w.docTitle;
  }, [done, w]);

  if (done) {
    return (
      <BrandFrame eyebrow={w.eyebrow} title={w.doneTitle}>
        <p role="status" class="join-lead">
          {w.done}
        </p>
        <p class="muted">
          {w.changedMind} <a href="/backoffice/profile">{w.myProfile}</a>.
        </p>
        <LocaleSwitch />
      </BrandFrame>
    );
  }
  return (
    <BrandFrame eyebrow={w.eyebrow} title={w.title}>
      <form class="accept-invite" onSubmit={stop} aria-label={w.formLabel}>
        <p class="join-lead">{w.lead}</p>
        <ErrorAlert message={error} />
        <button class="public-primary" type="submit" disabled={busy || !token}>
          {busy ? w.busy : w.stop}
        </button>
        <p class="muted join-privacy">{w.nothingElse}</p>
        <LocaleSwitch />
      </form>
    </BrandFrame>
  );
}
