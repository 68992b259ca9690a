import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** How long an answered chat's end can be taken back. */
export const UNDO_MS = 5_000;

/**
 * Ending an answered chat waits a few seconds on this desk before it reaches the server, so *Undo*
 * simply never sends it: nothing reaches the visitor, no score is written, on any node, and the
 * other tabs never see a chat that ends and comes back. Leaving the page sends the end at once.
 */
export function useEndWithUndo(end: (conversationId: string) => Promise<void> | void) {
  const [ending, setEnding] = useState<Record<string, number>>({});
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const endRef = useRef(end);
  endRef.current = end;

  const forget = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setEnding((cur) => {
      const { [id]: _gone, ...rest } = cur;
      return rest;
    });
  }, []);

  const schedule = useCallback(
    (id: string) => {
      if (timers.current.has(id)) return;
      setEnding((cur) => ({ ...cur, [id]: Date.now() + UNDO_MS }));
      timers.current.set(
        id,
        setTimeout(() => {
          forget(id);
          void endRef.current(id);
        }, UNDO_MS),
      );
    },
    [forget],
  );

  useEffect(() => {
    const flush = () => {
      for (const id of [...timers.current.keys()]) {
        forget(id);
        void endRef.current(id);
      }
    };
    // A closed tab or a switched site still ends what the helper ended.
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [forget]);

  return { ending, schedule, undo: forget };
}
