import { useEffect, useState } from 'preact/hooks';
import type { CharterView, Me } from '@tribu/protocol/client';
import { onboardingApi } from '../../api/onboarding.ts';
import { CharterText } from '../../components/onboarding/CharterText.tsx';
import { PageShell } from '../../components/recognition/PageShell.tsx';
import { useOwnSocket } from '../../hooks/useOwnSocket.ts';
import { useSiteChoice } from '../../hooks/useRecognition.ts';
import { useSiteFromLink } from '../../hooks/useSiteFromLink.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** The site's charter, for every member to (re)read; accepting it is one button. */
export function CharterPage({ me, onSignedOut }: Props) {
  const { t, f } = useI18n();
  const w = t.community.charter;
  const { siteId, setSiteId } = useSiteChoice(me);
  const { socket, link } = useOwnSocket(onSignedOut);
  useSiteFromLink(me, setSiteId);
  const [charter, setCharter] = useState<CharterView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // A site switch while loading: only the latest site's answer shows.
    let current = true;
    setCharter(null);
    setError(null);
    onboardingApi.charter(siteId).then(
      (c) => current && setCharter(c),
      (e: Error) => current && setError(e.message),
    );
    return () => void (current = false);
  }, [siteId]);
  const accept = async () => {
    setBusy(true);
    try {
      setCharter(await onboardingApi.acceptCharter(me.csrfToken, siteId));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : w.couldNotSave);
    } finally {
      setBusy(false);
    }
  };
  const changedSinceAccepted = charter?.needsAcceptance && charter.acceptedAt !== null;
  return (
    <PageShell me={me} siteId={siteId} onSite={setSiteId} link={link} socket={socket} onSignedOut={onSignedOut} title={w.title}>
      <article class="charter-page" aria-labelledby="charter-h">
        <p class="eyebrow">{w.eyebrow}</p>
        <h1 id="charter-h">{charter ? w.howWeHelp(charter.siteName) : w.title}</h1>
        {error && <p class="alert">{error}</p>}
        {!charter && !error && <p class="muted">{t.common.loading}</p>}
        {charter && !charter.text && <p class="encourage">{w.none}</p>}
        {charter?.text && (
          <>
            {charter.updatedAt && <p class="muted charter-date">{w.lastChanged(f.date(charter.updatedAt))}</p>}
            {changedSinceAccepted && (
              <p class="charter-changed" role="status">
                {w.changedSince(f.date(charter.acceptedAt!))}
              </p>
            )}
            <CharterText text={charter.text} />
            <footer class="charter-accept">
              {charter.needsAcceptance ? (
                <>
                  <p>{w.acceptMeans}</p>
                  <button type="button" class="primary" disabled={busy} onClick={() => void accept()}>
                    {w.accept}
                  </button>
                </>
              ) : (
                <p class="charter-ok" role="status">
                  <span aria-hidden="true">✓ </span>
                  {w.accepted(f.date(charter.acceptedAt!))}
                </p>
              )}
              <a href="/backoffice">{w.backToDesk}</a>
            </footer>
          </>
        )}
      </article>
    </PageShell>
  );
}
