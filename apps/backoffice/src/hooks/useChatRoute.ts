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
  useEffect(() => {
    if (onDesk) setSelected(fromPath ? decodeURIComponent(fromPath) : null);
  }, [fromPath, onDesk, setSelected]);
  const prev = useRef(selected);
  useEffect(() => {
    if (prev.current === selected) return;
    prev.current = selected;
    const current = fromPathRef.current ? decodeURIComponent(fromPathRef.current) : null;
    if (selected !== current) route(chatPath(selected));
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
