import type { Me } from '@tribu/protocol/client';

/** A site asks its managers for two-step sign-in and I have not set it up: until I do, I act there as a helper. */
export function TwoFactorRequired({ me }: { me: Me }) {
  const sites = me.twoFactor?.setupRequiredBy ?? [];
  if (!sites.length) return null;
  return (
    <aside class="two-factor-required" role="status" aria-label="Two-step sign-in required">
      <span>
        <strong>{sites.map((s) => s.siteName).join(', ')}</strong> {sites.length === 1 ? 'asks' : 'ask'} managers to use two-step sign-in. Until you set it up,
        you help there as a helper only.
      </span>
      <a class="primary small" href="/backoffice/profile#two-factor-h">
        Set it up
      </a>
    </aside>
  );
}
