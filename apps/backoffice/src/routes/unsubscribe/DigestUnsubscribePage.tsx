import { useEffect } from 'preact/hooks';
import { digestApi } from '../../api/digest.ts';
import { BrandFrame } from '../../components/recruitment/BrandFrame.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useUnsubscribe } from '../../hooks/useUnsubscribe.ts';
import { useI18n } from '../../i18n/index.tsx';
import { LocaleSwitch } from '../../components/account/LocaleSwitch.tsx';

/**
 * `/backoffice/unsubscribe#<token>`: where a digest's unsubscribe link lands. Stopping it is a
 * button, not the page load, so a mail scanner that follows links unsubscribes nobody.
 */
export function DigestUnsubscribePage() {
  const { t } = useI18n();
  const w = t.account.digestStop;
  const { token, done, error, busy, stop } = useUnsubscribe(digestApi.unsubscribe, w);
  useEffect(() => {
    document.title = done ? w.docDone : w.docTitle;
  }, [done, w]);

  if (done) {
    return (
      <BrandFrame eyebrow={w.eyebrow} title={w.doneTitle}>
        <p role="status" class="join-lead">
          {w.done}
        </p>
        <p class="muted">{t.account.closePage}</p>
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
