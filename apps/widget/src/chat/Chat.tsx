import type { WidgetState } from '@tribu/protocol/client';
import type { MountOptions } from '../shared.ts';
import { Composer } from './Composer.tsx';
import { useI18n } from './i18n/index.ts';
import { MessageList } from './MessageList.tsx';
import { useEffect, useState } from 'preact/hooks';
import { readIdentity } from '../shared.ts';
import { useLazy } from './lazy.ts';
import { Reconnecting } from './Reconnecting.tsx';
import { useChat } from './useChat.ts';

interface Props {
  opts: MountOptions;
  state: WidgetState;
  open: boolean;
  contextVersion: number;
  onClose: () => void;
  /** The visitor erased their data: the chat is remounted fresh (new identity on the next message). */
  onErased: () => void;
  /** Just remounted after an erasure: say it was done. */
  erased: boolean;
}

export function Chat({ opts, state, open, contextVersion, onClose, onErased, erased }: Props) {
  const { t, locale } = useI18n();
  const [showHistory, setShowHistory] = useState(false);
  const [showPrivacy, setShowPrivacy] = useState(false);
  // The address given with the first message: Tribu mails it only once confirmed, so say where to look.
  const [confirmAt, setConfirmAt] = useState<string | null>(null);
  // "Your data" is rarely opened: its panel is a chunk of its own, fetched on first use.
  const PrivacyPanel = useLazy(showPrivacy, () => import('./PrivacyPanel.tsx').then((m) => m.PrivacyPanel));
  // Previous chats are rarely opened: a chunk of their own too.
  const History = useLazy(showHistory, () => import('./History.tsx').then((m) => m.History));
  const chat = useChat(opts, t, contextVersion, open && !showHistory && !showPrivacy);
  // Erased elsewhere (another tab, or the site's admin on request): start afresh like after one's own.
  useEffect(() => {
    if (chat.erased) onErased();
  }, [chat.erased]);
  const dataLink = (
    <button type="button" class="link" onClick={() => setShowPrivacy(true)}>
      {t.yourData}
    </button>
  );
  const c = chat.conversation;
  // The rating form shows only once a chat has ended: a chunk of its own too.
  const Rating = useLazy(c?.status === 'closed', () => import('./Rating.tsx').then((m) => m.Rating));
  const offline = state.availability.mode !== 'live';
  const status =
    chat.link === 'reconnecting'
      ? null
      : !c
        ? null
        : c.status === 'waiting'
          ? c.staff
            ? t.staff
            : offline
              ? t.saved
              : [t.waiting, chat.place && t.queue(chat.place.position), chat.place?.estimatedMinutes && t.estimate(chat.place.estimatedMinutes)]
                  .filter(Boolean)
                  .join(' ')
          : // "X is answering" only while X types: a helper who went away is not shown as answering.
            c.status === 'active' && chat.helperTyping
            ? t.answering(c.helper?.displayName ?? t.someone)
            : null;
  return (
    <section
      class="panel"
      role="dialog"
      aria-label={state.texts.title}
      hidden={!open}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header>
        <div>
          <h2>{state.texts.title}</h2>
          <p class="sub">{t.community(state.site.name)}</p>
        </div>
        <button type="button" class="icon" aria-label={t.closeChat} onClick={onClose}>
          ✕
        </button>
      </header>
      {!chat.banned && <p class="disclosure">{state.texts.disclosure}</p>}
      {c?.helper && !showHistory && !chat.banned && (
        <div class="helper-card">
          {c.helper.avatarUrl && /^https?:\/\//.test(c.helper.avatarUrl) ? (
            <img class="avatar" src={c.helper.avatarUrl} alt="" />
          ) : (
            <span class="avatar" aria-hidden="true">
              {c.helper.displayName.trim().charAt(0).toUpperCase()}
            </span>
          )}
          <span>
            <strong>{c.helper.displayName}</strong>
            {c.helper.bio && <small>{c.helper.bio}</small>}
          </span>
        </div>
      )}
      {offline && !c && !chat.banned && (
        <p class="offline" role="note">
          {t.offline}
          {state.availability.usually && <strong> {state.availability.usually}.</strong>}
        </p>
      )}
      {showPrivacy ? (
        PrivacyPanel && (
          <PrivacyPanel base={opts.base} siteKey={opts.siteKey} siteName={state.site.name} onBack={() => setShowPrivacy(false)} onErased={onErased} />
        )
      ) : chat.banned ? (
        <div class="banned" role="status">
          <p>
            <strong>{t.banned}</strong>
          </p>
          <p>{t.bannedMore}</p>
          {dataLink}
        </div>
      ) : showHistory ? (
        History && <History siteName={state.site.name} load={chat.history} messagesOf={chat.messagesOf} onBack={() => setShowHistory(false)} />
      ) : (
        <>
          {erased && !c && (
            <p class="status done" role="status">
              {t.deleted}
            </p>
          )}
          <MessageList messages={chat.messages} onRetry={chat.retry} siteName={state.site.name} seenSeq={c?.helper ? c.helperReadSeq : 0} />
          {chat.link === 'reconnecting' ? (
            <Reconnecting wait={chat.wait} onRetry={chat.retryNow} />
          ) : (
            status && (
              <p class="status" role="status">
                {status}
              </p>
            )
          )}
          {confirmAt && c && state.mailsVisitors && (
            <p class="status confirm-email" role="status">
              {t.confirmEmail(confirmAt)}
            </p>
          )}
          {c?.status === 'closed' ? (
            <div class="ended">
              <p>{t.ended}</p>
              {c.helper && Rating && (
                <Rating
                  onRate={chat.rate}
                  helper={c.helper.displayName}
                  given={c.rating}
                  join={{ url: `${opts.base}/backoffice/join/${encodeURIComponent(opts.siteKey)}`, brand: state.site.name }}
                />
              )}
              <button
                type="button"
                class="link"
                onClick={() => void import('./transcript.ts').then((m) => m.downloadTranscript(m.transcriptText(t, state.site.name, locale, chat.messages)))}
              >
                {t.download}
              </button>
              <button type="button" class="primary" onClick={chat.startOver}>
                {t.startNew}
              </button>
              <button type="button" class="link" onClick={() => setShowHistory(true)}>
                {t.previous}
              </button>
              {dataLink}
            </div>
          ) : (
            <>
              <Composer
                placeholder={state.texts.placeholder}
                onSend={(text, intro) => {
                  if (intro?.email) setConfirmAt(intro.email);
                  chat.send(text, intro);
                }}
                onTyping={chat.typing}
                prechat={
                  c
                    ? null
                    : // Nobody online: offer the email field so the answer can reach the visitor later.
                      offline && state.prechat.email === 'off'
                      ? { ...state.prechat, email: 'optional' }
                      : state.prechat
                }
                privacy={state.texts.privacy}
              />
              <div class="foot-links">
                {c ? (
                  <button type="button" class="link" onClick={() => void chat.end()}>
                    {t.endChat}
                  </button>
                ) : (
                  readIdentity(opts.siteKey) && (
                    <button type="button" class="link" onClick={() => setShowHistory(true)}>
                      {t.previous}
                    </button>
                  )
                )}
                {dataLink}
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
