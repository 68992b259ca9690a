import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { Me, ObserveList } from '@tribu/protocol/client';
import { onboardingApi } from '../../api/onboarding.ts';
import { Avatar } from '../../components/Avatar.tsx';
import { Stars } from '../../components/onboarding/Stars.tsx';
import { PageShell } from '../../components/recognition/PageShell.tsx';
import { useOwnSocket } from '../../hooks/useOwnSocket.ts';
import { useSiteChoice } from '../../hooks/useRecognition.ts';
import { useSiteFromLink } from '../../hooks/useSiteFromLink.ts';
import { ObservedTranscript } from './ObservedTranscript.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** Peers' ended chats to watch read-only (the list), or one of them (`/backoffice/observe/:id`). */
export function ObservePage({ me, onSignedOut }: Props) {
  const { t } = useI18n();
  const { siteId, setSiteId } = useSiteChoice(me);
  const { socket, link } = useOwnSocket(onSignedOut);
  useSiteFromLink(me, setSiteId);
  const { params } = useRoute();
  const id = params.id;
  return (
    <PageShell me={me} siteId={siteId} onSite={setSiteId} link={link} socket={socket} onSignedOut={onSignedOut} title={t.desk.observe.title}>
      {id ? <ObservedTranscript siteId={siteId} conversationId={id} /> : <ObserveChats siteId={siteId} />}
    </PageShell>
  );
}

function ObserveChats({ siteId }: { siteId: string }) {
  const { t, f } = useI18n();
  const w = t.desk.observe;
  const [list, setList] = useState<ObserveList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setList(null);
    setError(null);
    onboardingApi.observeList(siteId).then(
      (l) => current && setList(l),
      (e: Error) => current && setError(e.message),
    );
    return () => void (current = false);
  }, [siteId]);
  return (
    <>
      <section class="obs-hero" aria-labelledby="obs-h">
        <p class="eyebrow">{w.eyebrow}</p>
        <h1 id="obs-h">{w.heading}</h1>
        <p class="hero-sub">{w.intro}</p>
        {list && list.suggested > 0 && (
          <p class="obs-progress">
            <strong>{w.progress(Math.min(list.observed, list.suggested), list.suggested)}</strong> {w.progressAfter}
            {list.observed >= list.suggested ? w.wellDone : ''}
          </p>
        )}
      </section>
      {error && <p class="alert">{error}</p>}
      {!list && !error && <p class="muted">{t.common.loading}</p>}
      {list && list.chats.length === 0 && <p class="encourage">{w.none}</p>}
      {list && list.chats.length > 0 && (
        <ul class="obs-list" aria-label={w.list}>
          {list.chats.map((c) => (
            <li key={c.id} class={c.observed ? 'seen' : ''}>
              <a href={`/backoffice/observe/${c.id}`} class="obs-card">
                <span class="obs-q">{t.desk.quoted(c.question)}</span>
                <span class="obs-meta">
                  <Avatar name={c.helper.displayName} url={c.helper.avatarUrl} size={24} />
                  <span>{w.answeredBy(c.helper.displayName)}</span>
                  <Stars rating={c.rating} />
                </span>
                <span class="obs-foot muted">
                  {f.plural(c.messages, w.messages)} · {f.relative(c.closedAt)}
                  {c.observed && <span class="obs-seen">{w.watched}</span>}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
