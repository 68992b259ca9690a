import { useEffect, useRef } from 'preact/hooks';

/** The reply box of a chat, for Alt+R and for a freshly opened chat. */
export const replyId = (conversationId: string) => `reply-${conversationId}`;

/**
 * Alt+1…9 opens the n-th chat, Alt+0 the community feed, Alt+↓/↑ the next/previous one,
 * Alt+R the open chat's reply box. Keys by their place (`code`), so Option on a Mac works too.
 */
export function useDeskShortcuts(ids: string[], selected: string | null, onSelect: (id: string | null) => void) {
  const state = useRef({ ids, selected, onSelect });
  state.current = { ids, selected, onSelect };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const { ids: list, selected: cur, onSelect: open } = state.current;
      const order = [null, ...list];
      const digit = /^Digit(\d)$/.exec(e.code)?.[1];
      let next: string | null | undefined;
      if (digit === '0') next = null;
      else if (digit) next = list[Number(digit) - 1];
      else if (e.code === 'ArrowDown' || e.code === 'ArrowUp') {
        const at = order.indexOf(cur);
        next = order[(at + (e.code === 'ArrowDown' ? 1 : -1) + order.length) % order.length];
      } else if (e.code === 'KeyR' && cur) {
        e.preventDefault();
        document.getElementById(replyId(cur))?.focus();
        return;
      } else return;
      if (next === undefined) return;
      e.preventDefault();
      open(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
