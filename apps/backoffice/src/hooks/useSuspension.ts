import { useEffect } from 'preact/hooks';
import type { HelperSocket } from '../realtime/socket.ts';

/**
 * A manager suspended or reinstated me on a site: reload, so the page is rebuilt from my rights as
 * they are now (a suspension is explained where I land).
 */
export function useSuspension(socket: HelperSocket | null) {
  useEffect(() => {
    if (!socket) return;
    const on = () => location.assign('/backoffice');
    socket.on('membership:suspended', on);
    socket.on('membership:reinstated', on);
    return () => {
      socket.off('membership:suspended', on);
      socket.off('membership:reinstated', on);
    };
  }, [socket]);
}
