import { useEffect, useState } from 'preact/hooks';
import type { VisitorEmailConfirmed } from '@tribu/protocol/client';
import { ApiError, call } from '../../api/http.ts';
import { BrandFrame } from '../../components/recruitment/BrandFrame.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LocaleSwitch } from '../../components/account/LocaleSwitch.tsx';

/** The link's token is in the fragment: browsers never send it, so it stays out of every log. */
const tokenOf = () => (typeof location === 'undefined' ? '' : location.hash.replace(/^#/, ''));

/**
 * `/backoffice/confirm-email#<token>`: the page a visitor's confirmation mail opens. Confirming is a
 * button, not the page load, so a mail scanner that follows links confirms nothing.
 */
export function ConfirmEmailPage() {
  const { t } = useI18n();
  const w = t.account.confirmEmail;
  const [token] = useState(tokenOf);
  const [done, setDone] = useState<VisitorEmailConfirmed | null>(null);
  const [error, setError] = useState<string | null>(token ? null : w.incomplete);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = done ? w.docDone(done.site.name) : w.docTitle;
  }, [done, w]);

  const confirm = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setDone(await call<VisitorEmailConfirmed>('POST', '/api/visitor-email/confirm', { token }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : w.failed);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <BrandFrame color={done.site.color} onColor={done.site.onColor} eyebrow={w.doneEyebrow} title={w.thanks}>
        <p role="status" class="join-lead">
          {w.done(done.site.name)}
        </p>
        <p class="muted">{t.account.closePage}</p>
        <LocaleSwitch />
      </BrandFrame>
    );
  }
  return (
    <BrandFrame eyebrow={w.eyebrow} title={w.title}>
      <form class="accept-invite" onSubmit={confirm} aria-label={w.title}>
        <p class="join-lead">{w.lead}</p>
        <ErrorAlert message={error} />
        <button class="public-primary" type="submit" disabled={busy || !token}>
          {busy ? w.confirming : w.confirm}
        </button>
        <p class="muted join-privacy">{w.notYou}</p>
        <LocaleSwitch />
      </form>
    </BrandFrame>
  );
}
