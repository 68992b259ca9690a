import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { Me, ObserveList } from '@tribu/protocol/client';
import { onboardingApi } from '../../api/onboarding.ts';
import { Avatar } from '../../components/Avatar.tsx';
import { Stars } from '../../components/onboarding/Stars.tsx';
import { daysAgo } from '../../components/onboarding/when.ts';
import { PageShell } from '../../components/recognition/PageShell.tsx';
import { useOwnSocket } from '../../hooks/useOwnSocket.ts';
import { useSiteChoice } from '../../hooks/useRecognition.ts';
import { useSiteFromLink } from '../../hooks/useSiteFromLink.ts';
import { ObservedTranscript } from './ObservedTranscript.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** Peers' ended chats to watch read-only (the list), or one of them (`/backoffice/observe/:id`). */
export function ObservePage({ me, onSignedOut }: Props) {
  const { siteId, setSiteId } = useSiteChoice(me);
  const { socket, link } = useOwnSocket(onSignedOut);
  useSiteFromLink(me, setSiteId);
  const { params } = useRoute();
  const id = params.id;
  return (
    <PageShell me={me} siteId={siteId} onSite={setSiteId} link={link} socket={socket} onSignedOut={onSignedOut} title="Watch chats">
      {id ? <ObservedTranscript siteId={siteId} conversationId={id} /> : <ObserveChats siteId={siteId} />}
    </PageShell>
  );
}

function ObserveChats({ siteId }: { siteId: string }) {
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
        <p class="eyebrow">Learn from your peers</p>
        <h1 id="obs-h">Watch how peers answer</h1>
        <p class="hero-sub">
          Ended chats, read-only: you are not in them, nobody is told, and the visitor stays anonymous. Notice the tone, the first words, how they say “I don't
          know”.
        </p>
        {list && list.suggested > 0 && (
          <p class="obs-progress">
            <strong>
              {Math.min(list.observed, list.suggested)} of {list.suggested}
            </strong>{' '}
            suggested chats watched{list.observed >= list.suggested ? ' — well done!' : ''}
          </p>
        )}
      </section>
      {error && <p class="alert">{error}</p>}
      {!list && !error && <p class="muted">Loading…</p>}
      {list && list.chats.length === 0 && <p class="encourage">No ended chats to watch yet. Come back once peers have answered a few.</p>}
      {list && list.chats.length > 0 && (
        <ul class="obs-list" aria-label="Chats to watch">
          {list.chats.map((c) => (
            <li key={c.id} class={c.observed ? 'seen' : ''}>
              <a href={`/backoffice/observe/${c.id}`} class="obs-card">
                <span class="obs-q">“{c.question}”</span>
                <span class="obs-meta">
                  <Avatar name={c.helper.displayName} url={c.helper.avatarUrl} size={24} />
                  <span>Answered by {c.helper.displayName}</span>
                  <Stars rating={c.rating} />
                </span>
                <span class="obs-foot muted">
                  {c.messages} messages · {daysAgo(c.closedAt)}
                  {c.observed && <span class="obs-seen"> · Watched</span>}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
