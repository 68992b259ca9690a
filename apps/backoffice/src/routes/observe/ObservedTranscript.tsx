import { useEffect, useState } from 'preact/hooks';
import type { ObservedChat } from '@tribu/protocol/client';
import { onboardingApi } from '../../api/onboarding.ts';
import { Avatar } from '../../components/Avatar.tsx';
import { Stars } from '../../components/onboarding/Stars.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** One ended chat, read-only: the question, the helper's answers, the rating; no reply box. */
export function ObservedTranscript({ siteId, conversationId }: { siteId: string; conversationId: string }) {
  const { t, f } = useI18n();
  const w = t.desk.observe;
  const [chat, setChat] = useState<ObservedChat | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setChat(null);
    setError(null);
    onboardingApi.observe(siteId, conversationId).then(
      (c) => current && setChat(c),
      (e: Error) => current && setError(e.message),
    );
    return () => void (current = false);
  }, [siteId, conversationId]);
  return (
    <div class="obs-view">
      <a class="obs-back" href="/backoffice/observe">
        {w.back}
      </a>
      {error && <p class="alert">{error}</p>}
      {!chat && !error && <p class="muted">{t.common.loading}</p>}
      {chat && (
        <article class="obs-chat" aria-labelledby="obs-chat-h">
          <p class="obs-readonly" role="note">
            <strong>{w.readOnly}</strong>
            {w.readOnlyWhy}
          </p>
          <header class="obs-chat-head">
            <h1 id="obs-chat-h">{t.desk.quoted(chat.question)}</h1>
            <p class="obs-meta">
              <Avatar name={chat.helper.displayName} url={chat.helper.avatarUrl} size={28} />
              <span>
                {w.answeredByOn(chat.helper.displayName, f.date(chat.closedAt))} <Stars rating={chat.rating} />
              </span>
            </p>
            {chat.pageTitle && <p class="muted obs-page">{w.askedOn(chat.pageTitle)}</p>}
          </header>
          <div class="log obs-log" role="log" aria-label={w.conversation}>
            {chat.messages.map((m) =>
              m.author === 'system' ? (
                <p key={m.seq} class="ended">
                  {m.text}
                </p>
              ) : (
                <div key={m.seq} class={`msg ${m.author === 'helper' ? 'mine' : 'theirs'}`}>
                  <div class="bubble">{m.text}</div>
                  <div class="meta">
                    {m.author === 'helper' ? (m.authorName ?? t.desk.log.helper) : t.desk.log.visitor} · {f.time(m.createdAt)}
                  </div>
                </div>
              ),
            )}
            <p class="ended">{t.desk.log.ended}</p>
            {chat.rating && <p class="ended rated">{w.ratedIt(chat.rating, chat.ratingComment)}</p>}
          </div>
          <footer class="obs-chat-foot">
            <span>{chat.suggested > 0 ? w.summary(Math.min(chat.observed, chat.suggested), chat.suggested) : ''}</span>
            <a class="primary small" href="/backoffice/observe">
              {w.another}
            </a>
          </footer>
        </article>
      )}
    </div>
  );
}
