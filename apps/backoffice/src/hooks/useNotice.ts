import { useEffect, useState } from 'preact/hooks';

/** A short message for the helper that clears itself after `ms`, or when dismissed. */
export function useNotice(ms = 8000) {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), ms);
    return () => clearTimeout(t);
  }, [notice, ms]);
  return [notice, setNotice] as const;
}
