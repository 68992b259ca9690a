import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Notification } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../realtime/socket.ts';

/** My notifications (mentions, comments, moderation, hand-offs): listed on (re)connect, then live. */
export function useNotifications(socket: HelperSocket | null, online: boolean) {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (!socket || !online) return;
    void command(socket, 'notification:list', {}).then((r) => {
      if (!r.ok) return;
      setItems(r.data.notifications);
      setUnread(r.data.unread);
    });
    const created = (n: Notification) => {
      setItems((list) => (list.some((x) => x.id === n.id) ? list : [n, ...list]));
      if (!n.read) setUnread((u) => u + 1);
    };
    socket.on('notification:created', created);
    return () => void socket.off('notification:created', created);
  }, [socket, online]);

  const markRead = useCallback(
    async (ids?: string[]) => {
      // Shown read at once; the server's count settles it.
      setItems((list) => list.map((n) => (!ids || ids.includes(n.id) ? { ...n, read: true } : n)));
      if (!socket) return;
      const r = await command(socket, 'notification:read', ids ? { ids } : {});
      if (r.ok) setUnread(r.data.unread);
    },
    [socket],
  );
  return { items, unread, markRead };
}
