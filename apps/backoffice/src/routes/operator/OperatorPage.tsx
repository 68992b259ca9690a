import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Me, OperatorSite } from '@tribu/protocol/client';
import { adminApi } from '../../api/admin.ts';
import { AppointAdminForm } from '../../components/admin/AppointAdminForm.tsx';
import { CopyField } from '../../components/admin/CopyField.tsx';
import { CreateSiteForm } from '../../components/admin/CreateSiteForm.tsx';
import { PageShell } from '../../components/recognition/PageShell.tsx';
import { useOwnSocket } from '../../hooks/useOwnSocket.ts';
import { useSiteChoice } from '../../hooks/useRecognition.ts';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** The install's operator: every site with its size, and a new site for a new merchant. */
export function OperatorPage({ me, onSignedOut }: Props) {
  const { siteId, setSiteId } = useSiteChoice(me);
  const { socket, link } = useOwnSocket(onSignedOut);
  return (
    <PageShell me={me} siteId={siteId} onSite={setSiteId} link={link} socket={socket} onSignedOut={onSignedOut} title="Operator">
      {me.operator ? (
        <OperatorSites me={me} />
      ) : (
        <p class="notice" role="alert">
          This page is for the operator of this Tribu install. Go back to the <a href="/backoffice">desk</a>.
        </p>
      )}
    </PageShell>
  );
}

function OperatorSites({ me }: { me: Me }) {
  const [sites, setSites] = useState<OperatorSite[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    adminApi.operatorSites().then(
      (r) => setSites(r.sites),
      (e: unknown) => setError(e instanceof Error ? e.message : 'Could not load the sites'),
    );
  }, []);
  useEffect(load, [load]);
  return (
    <div class="operator">
      <div class="settings-head">
        <div>
          <p class="eyebrow">Operator</p>
          <h1>Sites on this install</h1>
          <p class="hero-sub">One Tribu serves several merchants. Each site has its own helpers, points, settings and admins.</p>
        </div>
      </div>
      <div class="operator-grid">
        <section class="admin-card" aria-labelledby="all-sites">
          <h2 id="all-sites">All sites {sites && <span class="count">{sites.length}</span>}</h2>
          {error && <p class="alert">{error}</p>}
          {!sites && !error && <p class="muted">Loading the sites…</p>}
          {sites && (
            <table class="site-table">
              <thead>
                <tr>
                  <th scope="col">Site</th>
                  <th scope="col">Key</th>
                  <th scope="col" class="num">
                    Members
                  </th>
                  <th scope="col" class="num">
                    Chats this month
                  </th>
                </tr>
              </thead>
              <tbody>
                {sites.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <strong>{s.name}</strong>
                      {s.admins === 0 && <span class="tag warn">Admin not joined yet</span>}
                      <details>
                        <summary>Embed tag</summary>
                        <CopyField label={`Embed tag for ${s.name}`} value={s.embed} multiline />
                      </details>
                      <AppointAdminForm site={s} csrf={me.csrfToken} onAppointed={load} />
                    </td>
                    <td>
                      <code>{s.key}</code>
                    </td>
                    <td class="num">{s.members}</td>
                    <td class="num">{s.chatsThisMonth}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <CreateSiteForm csrf={me.csrfToken} onCreated={load} />
      </div>
    </div>
  );
}
