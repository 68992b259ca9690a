import { useState } from 'preact/hooks';
import { hasRole } from '@tribu/domain';
import type { Me, PrivacyVisitorSummary } from '@tribu/protocol/client';
import { ApiError } from '../../../api/http.ts';
import { privacyApi } from '../../../api/privacy.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { VisitorRecord } from '../../../components/privacy/VisitorRecord.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';

/** `/backoffice/manage/privacy` (managers find and export; admins also erase): a visitor's request that came by email. */
export function PrivacyPage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title="Privacy">
      {(siteId) => (
        <Privacy key={siteId} siteId={siteId} csrf={me.csrfToken} canErase={hasRole(me.memberships.find((m) => m.siteId === siteId)?.role, 'admin')} />
      )}
    </ManageShell>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Privacy({ siteId, csrf, canErase }: { siteId: string; csrf: string; canErase: boolean }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PrivacyVisitorSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const search = async (e: Event) => {
    e.preventDefault();
    const q = query.trim();
    if (!q) return setError('Type the email the visitor left, or a conversation id.');
    const by = UUID.test(q) ? { conversationId: q } : q.includes('@') ? { email: q } : null;
    if (!by) return setError('That is neither an email address nor a conversation id.');
    setBusy(true);
    setError(null);
    try {
      setFound((await privacyApi.find(siteId, by)).visitors);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The search did not work; please retry.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <header class="mod-head">
        <h1>Privacy</h1>
        <p class="muted">
          A visitor asked by email for their data or for its deletion: find them by the email they left in a chat, or by a conversation id. Visitors can also do
          both themselves from the chat window ("Your data"). Every download and erasure here is written to the audit log.
        </p>
      </header>
      <form class="privacy-search" onSubmit={search} role="search" aria-label="Find a visitor">
        <label class="mod-field">
          Email or conversation id
          <input type="search" value={query} placeholder="visitor@example.com" onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Searching…' : 'Find'}
        </button>
      </form>
      <ErrorAlert message={error} />
      {found?.length === 0 && <p class="mod-empty muted">No visitor of this site matches. Emails are only known when the visitor left one in a chat.</p>}
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
