import { useState } from 'preact/hooks';
import type { Me } from '@tribu/protocol/client';
import { ApiError, api } from '../../api/http.ts';
import { Modal } from './Modal.tsx';

interface Props {
  me: Me;
  /** After leaving: the updated me, or null when no community is left (the account is gone). */
  onLeft: (accountDeleted: boolean, siteId: string) => void;
}

/** "Leave this community": always possible, confirmed once, with what it means said plainly. */
export function LeaveCommunity({ me, onLeft }: Props) {
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
      setError(e instanceof ApiError ? e.message : 'Could not leave; try again');
      setBusy(false);
    }
  };
  return (
    <div class="leave">
      {me.memberships.map((m) => (
        <button key={m.siteId} type="button" class="ghost danger" onClick={() => setSiteId(m.siteId)}>
          {me.memberships.length > 1 ? `Leave ${m.siteName}` : 'Leave this community'}
        </button>
      ))}
      {site && (
        <Modal label={`Leave ${site.siteName}?`} onClose={() => !busy && setSiteId(null)}>
          <h2>Leave {site.siteName}?</h2>
          <p>Thank you for every answer you gave. If you leave:</p>
          <ul>
            <li>your chats in progress go back to the board for another helper;</li>
            <li>you no longer see this community's desk and feed;</li>
            {last && <li>this was your only community, so your account is deleted and you are signed out.</li>}
          </ul>
          {error && <p class="alert">{error}</p>}
          <div class="modal-actions">
            <button type="button" class="ghost" onClick={() => setSiteId(null)} disabled={busy}>
              Stay
            </button>
            <button type="button" class="primary danger-fill" onClick={() => void leave()} disabled={busy}>
              {busy ? 'Leaving…' : 'Yes, leave'}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
