import { useState } from 'preact/hooks';
import { hasRole } from '@tribu/domain';
import type { Me, PrivacyVisitorSummary } from '@tribu/protocol/client';
import { ApiError } from '../../../api/http.ts';
import { privacyApi } from '../../../api/privacy.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { VisitorRecord } from '../../../components/privacy/VisitorRecord.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/index.tsx';

/** `/backoffice/manage/privacy` (managers find and export; admins also erase): a visitor's request that came by email. */
export function PrivacyPage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.settings.privacy.title}>
      {(siteId) => (
        <Privacy key={siteId} siteId={siteId} csrf={me.csrfToken} canErase={hasRole(me.memberships.find((m) => m.siteId === siteId)?.role, 'admin')} />
      )}
    </ManageShell>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Privacy({ siteId, csrf, canErase }: { siteId: string; csrf: string; canErase: boolean }) {
  const { t } = useI18n();
  const w = t.settings.privacy;
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PrivacyVisitorSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const search = async (e: Event) => {
    e.preventDefault();
    const q = query.trim();
    if (!q) return setError(w.typeSomething);
    const by = UUID.test(q) ? { conversationId: q } : q.includes('@') ? { email: q } : null;
    if (!by) return setError(w.notEmailOrId);
    setBusy(true);
    setError(null);
    try {
      setFound((await privacyApi.find(siteId, by)).visitors);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : w.searchFailed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <header class="mod-head">
        <h1>{w.title}</h1>
        <p class="muted">{w.intro}</p>
      </header>
      <form class="privacy-search" onSubmit={search} role="search" aria-label={w.find}>
        <label class="mod-field">
          {w.query}
          <input type="search" value={query} placeholder="visitor@example.com" onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? w.searching : w.search}
        </button>
      </form>
      <ErrorAlert message={error} />
      {found?.length === 0 && <p class="mod-empty muted">{w.noMatch}</p>}
      <div class="privacy-results">
        {found?.map((v) => (
          <VisitorRecord
            key={v.visitorId}
            siteId={siteId}
            csrf={csrf}
            visitor={v}
            canErase={canErase}
            onChanged={(next) => setFound((cur) => cur?.map((x) => (x.visitorId === next.visitorId ? next : x)) ?? null)}
          />
        ))}
      </div>
    </>
  );
}
