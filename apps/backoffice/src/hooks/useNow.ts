import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `ms` so "waiting for 2 min" labels stay true. */
export function useNow(ms = 15_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
