import { useEffect, useRef, useState } from 'preact/hooks';
import type { Link } from './useHelperDesk.ts';
import { connectHelper, watchLink, type HelperSocket } from '../realtime/socket.ts';

/** A helper socket for a page away from the desk (recognition, rewards), with its link state. */
export function useOwnSocket(onRefused: () => void) {
  const [socket, setSocket] = useState<HelperSocket | null>(null);
  const [link, setLink] = useState<Link>('connecting');
  const refused = useRef(onRefused);
  refused.current = onRefused;
  useEffect(() => {
    const s = connectHelper();
    s.on('connect', () => {
      setLink('online');
      // Set on connect so that loaders run with a live link (and again after a reconnect).
      setSocket(s);
    });
    watchLink(s, setLink, () => refused.current());
    return () => {
      s.disconnect();
      setSocket(null);
    };
  }, []);
  return { socket, link };
}
