import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CannedAnswer, CannedSave } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../realtime/socket.ts';
import { clientWords } from '../api/http.ts';

/** The site-wide and personal canned answers of the signed-in helper. */
export function useCanned(socket: HelperSocket | null, siteId: string, online: boolean) {
  const [answers, setAnswers] = useState<CannedAnswer[]>([]);
  const load = useCallback(async () => {
    if (!socket) return;
    const r = await command(socket, 'canned:list', { siteId });
    if (r.ok) setAnswers(r.data.answers);
  }, [socket, siteId]);
  useEffect(() => {
    if (online) void load();
  }, [online, load]);
  const save = useCallback(
    async (input: Omit<CannedSave, 'siteId'>) => {
      if (!socket) return clientWords.notConnected;
      const r = await command(socket, 'canned:save', { ...input, siteId });
      if (!r.ok) return r.error.message;
      await load();
      return null;
    },
    [socket, siteId, load],
  );
  const remove = useCallback(
    async (id: string) => {
      if (!socket) return clientWords.notConnected;
      const r = await command(socket, 'canned:delete', { id });
      if (!r.ok) return r.error.message;
      setAnswers((cur) => cur.filter((a) => a.id !== id));
      return null;
    },
    [socket],
  );
  return { answers, save, remove };
}
