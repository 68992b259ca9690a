import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Me, OperatorSite } from '@tribu/protocol/client';
import { adminApi } from '../../api/admin.ts';
import { AppointAdminForm } from '../../components/admin/AppointAdminForm.tsx';
import { CopyField } from '../../components/admin/CopyField.tsx';
import { CreateSiteForm } from '../../components/admin/CreateSiteForm.tsx';
import { PageShell } from '../../components/recognition/PageShell.tsx';
import { useOwnSocket } from '../../hooks/useOwnSocket.ts';
import { useSiteChoice } from '../../hooks/useRecognition.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** The install's operator: every site with its size, and a new site for a new merchant. */
export function OperatorPage({ me, onSignedOut }: Props) {
  const { t } = useI18n();
  const { siteId, setSiteId } = useSiteChoice(me);
  const { socket, link } = useOwnSocket(onSignedOut);
  return (
    <PageShell me={me} siteId={siteId} onSite={setSiteId} link={link} socket={socket} onSignedOut={onSignedOut} title={t.settings.operator.title}>
      {me.operator ? (
        <OperatorSites me={me} />
      ) : (
        <p class="notice" role="alert">
          {t.settings.operator.notOperator} <a href="/backoffice">{t.settings.operator.desk}</a>.
        </p>
      )}
    </PageShell>
  );
}

function OperatorSites({ me }: { me: Me }) {
  const { t, f } = useI18n();
  const w = t.settings.operator;
  const [sites, setSites] = useState<OperatorSite[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    adminApi.operatorSites().then(
      (r) => setSites(r.sites),
      (e: unknown) => setError(e instanceof Error ? e.message : w.loadFailed),
    );
  }, []);
  useEffect(load, [load]);
  return (
    <div class="operator">
      <div class="settings-head">
        <div>
          <p class="eyebrow">{w.title}</p>
          <h1>{w.heading}</h1>
          <p class="hero-sub">{w.intro}</p>
        </div>
      </div>
      <div class="operator-grid">
        <section class="admin-card" aria-labelledby="all-sites">
          <h2 id="all-sites">
            {w.allSites} {sites && <span class="count">{f.number(sites.length)}</span>}
          </h2>
          {error && <p class="alert">{error}</p>}
          {!sites && !error && <p class="muted">{w.loading}</p>}
          {sites && (
            <table class="site-table">
              <thead>
                <tr>
                  <th scope="col">{w.site}</th>
                  <th scope="col">{w.key}</th>
                  <th scope="col" class="num">
                    {w.members}
                  </th>
                  <th scope="col" class="num">
                    {w.chats}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sites.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <strong>{s.name}</strong>
                      {s.admins === 0 && <span class="tag warn">{w.noAdmin}</span>}
                      <details>
                        <summary>{w.embed}</summary>
                        <CopyField label={w.embedFor(s.name)} value={s.embed} multiline />
                      </details>
                      <AppointAdminForm site={s} csrf={me.csrfToken} onAppointed={load} />
                    </td>
                    <td>
                      <code>{s.key}</code>
                    </td>
                    <td class="num">{f.number(s.members)}</td>
                    <td class="num">{f.number(s.chatsThisMonth)}</td>
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
