import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/http.ts';
import { reengagementApi } from '../../api/care.ts';

/** My choice about the site's "we miss you" note (on unless I turn it off; the mail's link turns it off too). */
export function NoteOptOut({ siteId, siteName, csrf }: { siteId: string; siteName: string; csrf: string }) {
  // undefined while loading; null when it could not load (the line then stays away).
  const [optedOut, setOptedOut] = useState<boolean | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    reengagementApi.mine(siteId).then(
      (r) => live && setOptedOut(r.optedOut),
      () => live && setOptedOut(null),
    );
    return () => {
      live = false;
    };
  }, [siteId]);
  if (optedOut === undefined) return <p class="muted small">Loading…</p>;
  if (optedOut === null) return null;
  const change = async (wanted: boolean) => {
    setError(null);
    try {
      setOptedOut((await reengagementApi.setMine(csrf, siteId, !wanted)).optedOut);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not save');
    }
  };
  return (
    <>
      <label class="check note-opt">
        <input type="checkbox" checked={!optedOut} onChange={(e) => void change(e.currentTarget.checked)} />
        <span>
          A friendly note from {siteName} when I have been away for a while
          <small class="muted"> (at most one per absence; the managers write it)</small>
        </span>
      </label>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
