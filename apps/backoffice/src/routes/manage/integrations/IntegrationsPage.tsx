import type { Me } from '@tribu/protocol/client';
import { WebhooksSection } from '../../../components/integrations/WebhooksSection.tsx';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';

/** `/backoffice/manage/integrations` (admins): outgoing webhooks; API keys are under Site settings. */
export function IntegrationsPage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title="Integrations">
      {(siteId, socket) => (
        <div class="integrations" key={siteId}>
          <header class="settings-head">
            <div>
              <p class="eyebrow">Site admins</p>
              <h1>Integrations</h1>
              <p class="hero-sub">
                Tell your own systems what happens in the community. Your servers report purchases with an API key, under{' '}
                <a href="/backoffice/manage/site">Site settings → API keys</a>.
              </p>
            </div>
          </header>
          <WebhooksSection siteId={siteId} csrf={me.csrfToken} socket={socket} />
        </div>
      )}
    </ManageShell>
  );
}
