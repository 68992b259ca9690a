import { useEffect, useState } from 'preact/hooks';
import type { AckData } from '../realtime/socket.ts';
import { command, type HelperSocket } from '../realtime/socket.ts';

export type StaffItem = AckData<'staff:list'>['items'][number];

/** Managers: the chats helpers marked "needs staff", kept fresh as they come and go. */
export function useStaffQueue(socket: HelperSocket | null, siteId: string, enabled: boolean) {
  const [items, setItems] = useState<StaffItem[]>([]);
  useEffect(() => {
    if (!socket || !enabled) return;
    const list = async () => {
      const r = await command(socket, 'staff:list', { siteId });
      if (r.ok) setItems(r.data.items);
    };
    const changed = (p: { siteId: string }) => p.siteId === siteId && void list();
    // A manager taking one (here or elsewhere) removes it like a board card.
    const removed = ({ conversationId }: { conversationId: string }) => setItems((cur) => cur.filter((i) => i.conversationId !== conversationId));
    void list();
    socket.on('connect', list);
    socket.on('sync:needed', list);
    socket.on('staff:changed', changed);
    socket.on('queue:removed', removed);
    return () => {
      socket.off('connect', list);
      socket.off('sync:needed', list);
      socket.off('staff:changed', changed);
      socket.off('queue:removed', removed);
    };
  }, [socket, siteId, enabled]);
  return items;
}
