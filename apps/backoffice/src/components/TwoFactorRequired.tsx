import type { Me } from '@tribu/protocol/client';
import { useI18n } from '../i18n/index.tsx';

/** A site asks its managers for two-step sign-in and I have not set it up: until I do, I act there as a helper. */
export function TwoFactorRequired({ me }: { me: Me }) {
  const { t, f } = useI18n();
  const sites = me.twoFactor?.setupRequiredBy ?? [];
  if (!sites.length) return null;
  return (
    <aside class="two-factor-required" role="status" aria-label={t.shell.twoFactor.label}>
      <span>{t.shell.twoFactor.asks(f.list(sites.map((s) => s.siteName)), sites.length)}</span>
      <a class="primary small" href="/backoffice/profile#two-factor-h">
        {t.shell.twoFactor.setUp}
      </a>
    </aside>
  );
}
