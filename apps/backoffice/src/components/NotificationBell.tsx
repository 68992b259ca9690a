import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Notification } from '@tribu/protocol/client';
import { useNotifications } from '../hooks/useNotifications.ts';
import { useNow } from '../hooks/useNow.ts';
import { useI18n } from '../i18n/index.tsx';
import type { HelperSocket } from '../realtime/socket.ts';
import { BellIcon } from './feed/icons.tsx';
import { showPost } from './feed/show-post.ts';

// Short marks, not emoji: they draw the same everywhere.
const icons: Partial<Record<Notification['kind'], string>> = {
  mention: '@',
  comment: '“',
  moderation: '!',
  handoff: '⇄',
  points: '★',
  reward: '✦',
  mentor: '♥',
  event: '◷',
  webhook: '↯',
};

/** The bell in the top bar: unread count, the latest notifications, each leading to its post or chat. */
export function NotificationBell({ socket, online }: { socket: HelperSocket | null; online: boolean }) {
  const { items, unread, markRead } = useNotifications(socket, online);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const { route } = useLocation();
  const now = useNow(30_000);
  const { t, f } = useI18n();
  const w = t.shell.bell;
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', outside);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);

  const go = (n: Notification) => {
    setOpen(false);
    if (!n.read) void markRead([n.id]);
    if (n.link.conversationId) return route(`/backoffice/chats/${encodeURIComponent(n.link.conversationId)}`);
    if (n.link.eventId) return route(`/backoffice/events?event=${encodeURIComponent(n.link.eventId)}`);
    // An endpoint Tribu turned off: the admin fixes it where it is listed.
    if (n.kind === 'webhook') return route('/backoffice/manage/integrations');
    const postId = n.link.postId;
    if (!postId) return;
    route('/backoffice');
    // The feed shows once the community tab is back; then it scrolls to the post.
    setTimeout(() => showPost(postId), 80);
  };

  return (
    <div class="bell" ref={box}>
      <button type="button" class="bell-btn" aria-expanded={open} onClick={() => setOpen(!open)}>
        <BellIcon />
        <span class="sr-only">{w.notifications}</span>
        {unread > 0 && (
          <span class="bell-count">
            <span class="sr-only">, </span>
            {unread > 99 ? `${f.number(99)}+` : f.number(unread)}
            <span class="sr-only">{w.unread}</span>
          </span>
        )}
      </button>
      {open && (
        <div class="bell-pop" role="dialog" aria-label={w.notifications}>
          <div class="bell-head">
            <strong>{w.notifications}</strong>
            <button type="button" class="link" disabled={unread === 0} onClick={() => void markRead()}>
              {w.markAllRead}
            </button>
          </div>
          {items.length === 0 ? (
            <p class="empty">{w.empty}</p>
          ) : (
            <ul class="bell-list">
              {items.map((n) => (
                <li key={n.id}>
                  <button type="button" class={`bell-item ${n.read ? '' : 'unread'}`} onClick={() => go(n)}>
                    <span class={`bell-icon k-${n.kind}`} aria-hidden="true">
                      {icons[n.kind] ?? '•'}
                    </span>
                    <span class="bell-text">
                      {n.text}
                      <time class="muted" dateTime={n.createdAt}>
                        {f.relative(n.createdAt, now)}
                      </time>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
