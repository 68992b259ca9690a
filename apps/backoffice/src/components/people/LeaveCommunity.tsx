import { useState } from 'preact/hooks';
import type { Me } from '@tribu/protocol/client';
import { ApiError, api } from '../../api/http.ts';
import { Modal } from './Modal.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  /** After leaving: the updated me, or null when no community is left (the account is gone). */
  onLeft: (accountDeleted: boolean, siteId: string) => void;
}

/** "Leave this community": always possible, confirmed once, with what it means said plainly. */
export function LeaveCommunity({ me, onLeft }: Props) {
  const w = useI18n().t.account.leave;
  const [siteId, setSiteId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const site = me.memberships.find((m) => m.siteId === siteId);
  const last = me.memberships.length === 1;
  const leave = async () => {
    if (!siteId) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.leave(me.csrfToken, siteId);
      onLeft(r.accountDeleted, siteId);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : w.failed);
      setBusy(false);
    }
  };
  return (
    <div class="leave">
      {me.memberships.map((m) => (
        <button key={m.siteId} type="button" class="ghost danger" onClick={() => setSiteId(m.siteId)}>
          {me.memberships.length > 1 ? w.leaveSite(m.siteName) : w.leaveThis}
        </button>
      ))}
      {site && (
        <Modal label={w.confirmTitle(site.siteName)} onClose={() => !busy && setSiteId(null)}>
          <h2>{w.confirmTitle(site.siteName)}</h2>
          <p>{w.thanks}</p>
          <ul>
            <li>{w.chats}</li>
            <li>{w.noLonger}</li>
            {last && <li>{w.last}</li>}
          </ul>
          {error && <p class="alert">{error}</p>}
          <div class="modal-actions">
            <button type="button" class="ghost" onClick={() => setSiteId(null)} disabled={busy}>
              {w.stay}
            </button>
            <button type="button" class="primary danger-fill" onClick={() => void leave()} disabled={busy}>
              {busy ? w.leaving : w.yes}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
