import { useEffect, useState } from 'preact/hooks';
import type { QueueItem } from '@tribu/protocol/client';
import './device-notifications.css';
import { showPost } from '../feed/show-post.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  queue: QueueItem[];
  online: boolean;
  claiming: string | null;
  onClaim: (conversationId: string) => void;
}

const pushedId = () => new URLSearchParams(window.location.search).get('request');
const forget = (param = 'request') => {
  const url = new URL(window.location.href);
  url.searchParams.delete(param);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
};

/**
 * A tapped push opens the desk at `?request=<id>`: that request is put first, with its question
 * and a Take button; if someone was quicker, the helper is told so instead of looking for it.
 */
export function PushedRequest({ queue, online, claiming, onClaim }: Props) {
  const { t } = useI18n();
  const w = t.shell.push;
  const [id, setId] = useState<string | null>(pushedId);
  // The service worker may steer an open desk to another request: follow the address.
  useEffect(() => {
    const again = () => setId(pushedId());
    window.addEventListener('popstate', again);
    return () => window.removeEventListener('popstate', again);
  }, []);
  // A tapped mention (`?post=<id>`): the feed scrolls to the post once it has loaded, as from the bell.
  useEffect(() => {
    const post = new URLSearchParams(window.location.search).get('post');
    if (!post || !online) return;
    const t = setTimeout(() => {
      showPost(post);
      forget('post');
    }, 800);
    return () => clearTimeout(t);
  }, [online]);
  // The board arrives just after the link: "already taken" is said only once it had time to.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!online) return;
    const t = setTimeout(() => setSettled(true), 1500);
    return () => clearTimeout(t);
  }, [online]);
  const item = queue.find((q) => q.conversationId === id);
  if (!id || !online || (!item && !settled)) return null;
  const close = () => {
    forget();
    setId(null);
  };
  return (
    <div class="handoff-offers pushed-request" role="region" aria-label={w.calledRegion}>
      <div class="handoff-offer" role="alert">
        {item ? (
          <>
            <p>
              <strong>{w.calledAbout}</strong> <q>{item.question}</q>
            </p>
            <button
              type="button"
              class="primary small"
              disabled={claiming !== null}
              onClick={() => {
                onClaim(item.conversationId);
                close();
              }}
            >
              {w.takeIt}
            </button>
          </>
        ) : (
          <p>{w.alreadyTaken}</p>
        )}
        <button type="button" class="ghost small" onClick={close}>
          {t.shell.dismiss}
        </button>
      </div>
    </div>
  );
}
