import { useEffect, useState } from 'preact/hooks';
import type { CharterView, Me } from '@tribu/protocol/client';
import { onboardingApi } from '../../api/onboarding.ts';
import { CharterText } from '../../components/onboarding/CharterText.tsx';
import { day } from '../../components/onboarding/when.ts';
import { PageShell } from '../../components/recognition/PageShell.tsx';
import { useOwnSocket } from '../../hooks/useOwnSocket.ts';
import { useSiteChoice } from '../../hooks/useRecognition.ts';
import { useSiteFromLink } from '../../hooks/useSiteFromLink.ts';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** The site's charter, for every member to (re)read; accepting it is one button. */
export function CharterPage({ me, onSignedOut }: Props) {
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
      setError(e instanceof Error ? e.message : 'Could not save; try again');
    } finally {
      setBusy(false);
    }
  };
  const changedSinceAccepted = charter?.needsAcceptance && charter.acceptedAt !== null;
  return (
    <PageShell me={me} siteId={siteId} onSite={setSiteId} link={link} socket={socket} onSignedOut={onSignedOut} title="Charter">
      <article class="charter-page" aria-labelledby="charter-h">
        <p class="eyebrow">Community charter</p>
        <h1 id="charter-h">{charter ? `How we help at ${charter.siteName}` : 'Charter'}</h1>
        {error && <p class="alert">{error}</p>}
        {!charter && !error && <p class="muted">Loading…</p>}
        {charter && !charter.text && <p class="encourage">This community has no charter yet. Be kind, be honest, and help when you feel like it.</p>}
        {charter?.text && (
          <>
            {charter.updatedAt && <p class="muted charter-date">Last changed on {day(charter.updatedAt)}</p>}
            {changedSinceAccepted && (
              <p class="charter-changed" role="status">
                The charter changed since you accepted it on {day(charter.acceptedAt!)}. Please read it again.
              </p>
            )}
            <CharterText text={charter.text} />
            <footer class="charter-accept">
              {charter.needsAcceptance ? (
                <>
                  <p>Accepting it means you will answer visitors and peers in this spirit. You can reread it any time from your profile.</p>
                  <button type="button" class="primary" disabled={busy} onClick={() => void accept()}>
                    I have read the charter and I accept it
                  </button>
                </>
              ) : (
                <p class="charter-ok" role="status">
                  <span aria-hidden="true">✓ </span>You accepted this charter on {day(charter.acceptedAt!)}. Thank you!
                </p>
              )}
              <a href="/backoffice">Back to the desk</a>
            </footer>
          </>
        )}
      </article>
    </PageShell>
  );
}
