import { useEffect, useState } from 'preact/hooks';
import type { ObservedChat } from '@tribu/protocol/client';
import { onboardingApi } from '../../api/onboarding.ts';
import { Avatar } from '../../components/Avatar.tsx';
import { Stars } from '../../components/onboarding/Stars.tsx';
import { day } from '../../components/onboarding/when.ts';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** One ended chat, read-only: the question, the helper's answers, the rating; no reply box. */
export function ObservedTranscript({ siteId, conversationId }: { siteId: string; conversationId: string }) {
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
        ← All chats to watch
      </a>
      {error && <p class="alert">{error}</p>}
      {!chat && !error && <p class="muted">Loading…</p>}
      {chat && (
        <article class="obs-chat" aria-labelledby="obs-chat-h">
          <p class="obs-readonly" role="note">
            <strong>Read-only</strong>, to learn how peers answer. This chat has ended; the visitor stays anonymous.
          </p>
          <header class="obs-chat-head">
            <h1 id="obs-chat-h">“{chat.question}”</h1>
            <p class="obs-meta">
              <Avatar name={chat.helper.displayName} url={chat.helper.avatarUrl} size={28} />
              <span>
                Answered by <strong>{chat.helper.displayName}</strong> on {day(chat.closedAt)} <Stars rating={chat.rating} />
              </span>
            </p>
            {chat.pageTitle && <p class="muted obs-page">Asked on the page “{chat.pageTitle}”</p>}
          </header>
          <div class="log obs-log" role="log" aria-label="Conversation, read-only">
            {chat.messages.map((m) =>
              m.author === 'system' ? (
                <p key={m.seq} class="ended">
                  {m.text}
                </p>
              ) : (
                <div key={m.seq} class={`msg ${m.author === 'helper' ? 'mine' : 'theirs'}`}>
                  <div class="bubble">{m.text}</div>
                  <div class="meta">
                    {m.author === 'helper' ? (m.authorName ?? 'Helper') : 'Visitor'} · {time(m.createdAt)}
                  </div>
                </div>
              ),
            )}
            <p class="ended">This chat has ended.</p>
            {chat.rating && (
              <p class="ended rated">
                The visitor rated it {chat.rating} of 5{chat.ratingComment ? `: “${chat.ratingComment}”` : ''}
              </p>
            )}
          </div>
          <footer class="obs-chat-foot">
            <span>{chat.suggested > 0 ? `${Math.min(chat.observed, chat.suggested)} of ${chat.suggested} suggested chats watched` : ''}</span>
            <a class="primary small" href="/backoffice/observe">
              Watch another
            </a>
          </footer>
        </article>
      )}
    </div>
  );
}
