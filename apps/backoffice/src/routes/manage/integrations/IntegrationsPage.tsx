import type { Me } from '@tribu/protocol/client';
import { WebhooksSection } from '../../../components/integrations/WebhooksSection.tsx';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { useI18n } from '../../../i18n/index.tsx';

/** `/backoffice/manage/integrations` (admins): outgoing webhooks; API keys are under Site settings. */
export function IntegrationsPage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { t } = useI18n();
  const w = t.settings.integrations;
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={w.title}>
      {(siteId, socket) => (
        <div class="integrations" key={siteId}>
          <header class="settings-head">
            <div>
              <p class="eyebrow">{w.eyebrow}</p>
              <h1>{w.title}</h1>
              <p class="hero-sub">
                {w.intro} <a href="/backoffice/manage/site">{w.apiKeysLink}</a>.
              </p>
            </div>
          </header>
          <WebhooksSection siteId={siteId} csrf={me.csrfToken} socket={socket} />
        </div>
      )}
    </ManageShell>
  );
}
