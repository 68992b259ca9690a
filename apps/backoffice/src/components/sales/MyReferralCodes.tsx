import { useEffect, useState } from 'preact/hooks';
import type { Me, ReferralCodeView } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { referralApi } from '../../api/sales.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** On my profile: my referral code per site, or a form to ask for one (a manager approves it). */
export function MyReferralCodes({ me }: { me: Me }) {
  const { t } = useI18n();
  const w = t.manage.referral;
  const sites = me.memberships;
  if (!sites.length) return null;
  return (
    <section class="panel" aria-labelledby="referral-h">
      <h2 id="referral-h">{w.title}</h2>
      <p class="muted small">{w.intro}</p>
      {sites.map((m) => (
        <SiteCode key={m.siteId} siteId={m.siteId} siteName={m.siteName} csrf={me.csrfToken} many={sites.length > 1} />
      ))}
    </section>
  );
}

function SiteCode({ siteId, siteName, csrf, many }: { siteId: string; siteName: string; csrf: string; many: boolean }) {
  const { t } = useI18n();
  const w = t.manage.referral;
  const [codes, setCodes] = useState<ReferralCodeView[] | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    referralApi.mine(siteId).then(
      (r) => setCodes(r.codes),
      (e: unknown) => setError(e instanceof Error ? e.message : w.loadFailed),
    );
  }, [siteId]);
  const live = codes?.find((c) => c.status !== 'revoked');
  const ask = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await referralApi.ask(csrf, siteId, code);
      setCodes((list) => [created, ...(list ?? [])]);
      setCode('');
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields?.code ?? err.message) : w.askFailed);
    } finally {
      setBusy(false);
    }
  };
  const label = many ? w.yourCodeOn(siteName) : w.yourCode;
  return (
    <div class="referral-site">
      {live ? (
        <p>
          {label} <code class="referral-code">{live.code}</code> <span class="muted small">({w.status[live.status]})</span>
        </p>
      ) : (
        codes && (
          <form class="referral-ask" onSubmit={(e) => void ask(e)} noValidate>
            <label class="field">
              <span class="field-label">{many ? w.codeToAskOn(siteName) : w.codeToAsk}</span>
              <input value={code} maxLength={24} placeholder="ANNA10" onInput={(e) => setCode(e.currentTarget.value)} />
            </label>
            <button type="submit" class="ghost" disabled={busy || !code.trim()}>
              {busy ? w.asking : w.ask}
            </button>
          </form>
        )
      )}
      <ErrorAlert message={error} />
    </div>
  );
}
