import { useEffect, useState } from 'preact/hooks';
import type { ReferralCodeView } from '@tribu/protocol/client';
import { referralApi } from '../../api/sales.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** Managers: the helpers' referral codes, to approve when asked and revoke when needed. */
export function ReferralCodesAdmin({ siteId, csrf }: { siteId: string; csrf: string }) {
  const { t, f } = useI18n();
  const w = t.manage.referral;
  const [codes, setCodes] = useState<ReferralCodeView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    referralApi.all(siteId).then(
      (r) => setCodes(r.codes),
      (e: unknown) => setError(e instanceof Error ? e.message : w.adminLoadFailed),
    );
  }, [siteId]);
  const decide = async (c: ReferralCodeView, action: 'approve' | 'revoke') => {
    setBusy(c.id);
    setError(null);
    try {
      const updated = await referralApi.decide(csrf, siteId, c.id, action);
      setCodes((list) => list?.map((x) => (x.id === c.id ? updated : x)) ?? null);
    } catch (e) {
      setError(e instanceof Error ? e.message : w.changeFailed);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="admin-card referral-admin" aria-labelledby="referral-admin-h">
      <h2 id="referral-admin-h">{w.adminTitle}</h2>
      <p class="muted small">{w.adminIntro}</p>
      <ErrorAlert message={error} />
      {codes && codes.length === 0 && <p class="muted">{w.nobodyAsked}</p>}
      {codes && codes.length > 0 && (
        <ul class="member-list" aria-label={w.adminTitle}>
          {codes.map((c) => (
            <li key={c.id} class="key-row">
              <span class="member-who">
                <strong>
                  <code>{c.code}</code> · {c.displayName}
                </strong>
                <span class="muted small">
                  {w.adminStatus[c.status]} · {w.asked(f.date(c.createdAt))}
                </span>
              </span>
              <span class="key-actions">
                {c.status === 'pending' && (
                  <button
                    type="button"
                    class="primary"
                    disabled={busy === c.id}
                    aria-label={w.approveOf(c.code, c.displayName)}
                    onClick={() => void decide(c, 'approve')}
                  >
                    {w.approve}
                  </button>
                )}
                {c.status !== 'revoked' && (
                  <button
                    type="button"
                    class="ghost danger"
                    disabled={busy === c.id}
                    aria-label={w.revokeOf(c.code, c.displayName)}
                    onClick={() => void decide(c, 'revoke')}
                  >
                    {w.revoke}
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
