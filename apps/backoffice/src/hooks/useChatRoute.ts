import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

const PATH = /^\/backoffice\/chats\/([^/?#]+)\/?$/;
export const chatPath = (id: string | null) => (id ? `/backoffice/chats/${encodeURIComponent(id)}` : '/backoffice');

/**
 * Keeps the selected chat and the address in step: `/backoffice/chats/<id>` selects that chat,
 * choosing a tab pushes its address, so back and forward walk through the tabs.
 */
export function useChatRoute(selected: string | null, setSelected: (id: string | null) => void) {
  const { path, route } = useLocation();
  const fromPath = PATH.exec(path)?.[1] ?? null;
  const fromPathRef = useRef(fromPath);
  fromPathRef.current = fromPath;
  const onDesk = path === '/backoffice' || path === '/backoffice/' || fromPath !== null;
  // The addresses this hook pushed and the router has not rendered yet. The router's path lags a push by a render:
  // without this, a tab chosen in that gap (Alt+1 just after taking a chat) was undone when the older path arrived.
  const pushed = useRef<string[]>([]);
  useEffect(() => {
    if (!onDesk) return;
    const id = fromPath ? decodeURIComponent(fromPath) : null;
    const queue = pushed.current;
    // The router renders our pushes in order, or skips to a later one: caught up at the last, part way at an earlier one.
    const at = queue[queue.length - 1] === chatPath(id) ? queue.length - 1 : queue.indexOf(chatPath(id));
    if (at >= 0) {
      queue.splice(0, at + 1);
      return;
    }
    pushed.current = [];
    setSelected(id);
  }, [fromPath, onDesk, setSelected]);
  const prev = useRef(selected);
  useEffect(() => {
    if (prev.current === selected) return;
    prev.current = selected;
    const current = fromPathRef.current ? decodeURIComponent(fromPathRef.current) : null;
    if (selected === current && pushed.current.length === 0) return;
    pushed.current.push(chatPath(selected));
    route(chatPath(selected));
  }, [selected, route]);
}

/** Whether the window is at least `px` wide, kept live. */
export function useWide(px: number): boolean {
  const query = `(min-width: ${px}px)`;
  const [wide, setWide] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setWide(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query, setWide]);
  return wide;
}
