import { useEffect, useState } from 'preact/hooks';

/** A component kept out of chat.js (a chunk of its own), fetched the first time it is wanted. */
export function useLazy<T>(wanted: boolean, load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<T | null>(null);
  useEffect(() => {
    if (wanted && !loaded) void load().then((m) => setLoaded(() => m));
  }, [wanted]);
  return loaded;
}
