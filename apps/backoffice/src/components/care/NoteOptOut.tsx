import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/http.ts';
import { reengagementApi } from '../../api/care.ts';
import { useI18n } from '../../i18n/index.tsx';

/** My choice about the site's "we miss you" note (on unless I turn it off; the mail's link turns it off too). */
export function NoteOptOut({ siteId, siteName, csrf }: { siteId: string; siteName: string; csrf: string }) {
  const { t } = useI18n();
  const w = t.community.care;
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
  if (optedOut === undefined) return <p class="muted small">{t.common.loading}</p>;
  if (optedOut === null) return null;
  const change = async (wanted: boolean) => {
    setError(null);
    try {
      setOptedOut((await reengagementApi.setMine(csrf, siteId, !wanted)).optedOut);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : w.couldNotSave);
    }
  };
  return (
    <>
      <label class="check note-opt">
        <input type="checkbox" checked={!optedOut} onChange={(e) => void change(e.currentTarget.checked)} />
        <span>
          {w.optIn(siteName)}
          <small class="muted"> {w.optInHint}</small>
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
