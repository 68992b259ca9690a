import { useEffect, useState } from 'preact/hooks';
import type { ReferralCodeView } from '@tribu/protocol/client';
import { referralApi } from '../../api/sales.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

const STATUS: Record<ReferralCodeView['status'], string> = { pending: 'Asked', active: 'Active', revoked: 'Revoked' };

/** Managers: the helpers' referral codes, to approve when asked and revoke when needed. */
export function ReferralCodesAdmin({ siteId, csrf }: { siteId: string; csrf: string }) {
  const [codes, setCodes] = useState<ReferralCodeView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    referralApi.all(siteId).then(
      (r) => setCodes(r.codes),
      (e: unknown) => setError(e instanceof Error ? e.message : 'Could not load the referral codes'),
    );
  }, [siteId]);
  const decide = async (c: ReferralCodeView, action: 'approve' | 'revoke') => {
    setBusy(c.id);
    setError(null);
    try {
      const updated = await referralApi.decide(csrf, siteId, c.id, action);
      setCodes((list) => list?.map((x) => (x.id === c.id ? updated : x)) ?? null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not change the code');
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="admin-card referral-admin" aria-labelledby="referral-admin-h">
      <h2 id="referral-admin-h">Referral codes</h2>
      <p class="muted small">
        Helpers ask for a code to share outside the widget; the shop applies its own discount and Tribu credits a purchase naming an active code to its helper.
      </p>
      <ErrorAlert message={error} />
      {codes && codes.length === 0 && <p class="muted">Nobody has asked for a code yet.</p>}
      {codes && codes.length > 0 && (
        <ul class="member-list" aria-label="Referral codes">
          {codes.map((c) => (
            <li key={c.id} class="key-row">
              <span class="member-who">
                <strong>
                  <code>{c.code}</code> · {c.displayName}
                </strong>
                <span class="muted small">
                  {STATUS[c.status]} · asked {new Date(c.createdAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}
                </span>
              </span>
              <span class="key-actions">
                {c.status === 'pending' && (
                  <button
                    type="button"
                    class="primary"
                    disabled={busy === c.id}
                    aria-label={`Approve ${c.code} of ${c.displayName}`}
                    onClick={() => void decide(c, 'approve')}
                  >
                    Approve
                  </button>
                )}
                {c.status !== 'revoked' && (
                  <button
                    type="button"
                    class="ghost danger"
                    disabled={busy === c.id}
                    aria-label={`Revoke ${c.code} of ${c.displayName}`}
                    onClick={() => void decide(c, 'revoke')}
                  >
                    Revoke
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
