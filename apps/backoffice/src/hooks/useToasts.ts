import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Toast {
  id: number;
  kind: 'points' | 'loss' | 'badge' | 'reward';
  title: string;
  detail?: string;
  /** The badge key, to draw its medallion. */
  key?: string;
}

const SHOW_MS = 7000;
let seq = 0;

/** Short-lived celebratory messages: each clears itself after a few seconds unless held (hover/focus). */
export function useToasts(ms = SHOW_MS) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((cur) => cur.filter((t) => t.id !== id));
  }, []);
  const arm = useCallback(
    (id: number) => {
      clearTimeout(timers.current.get(id));
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), ms),
      );
    },
    [dismiss, ms],
  );
  const hold = useCallback((id: number) => clearTimeout(timers.current.get(id)), []);
  const push = useCallback(
    (t: Omit<Toast, 'id'>) => {
      const id = ++seq;
      // At most four on screen: a burst of awards must not cover the desk.
      setToasts((cur) => [...cur.slice(-3), { ...t, id }]);
      arm(id);
    },
    [arm],
  );
  useEffect(() => {
    const map = timers.current;
    return () => map.forEach((t) => clearTimeout(t));
  }, []);
  return { toasts, push, dismiss, hold, resume: arm };
}
