import { useCallback, useEffect, useState } from 'preact/hooks';
import type { BanView, Me, ReportList, ReportView } from '@tribu/protocol/client';
import { ApiError } from '../../../api/http.ts';
import { moderationApi } from '../../../api/moderation.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { BansList } from '../../../components/moderation/BansList.tsx';
import { BlockedWordsEditor } from '../../../components/moderation/BlockedWordsEditor.tsx';
import { ClosedReports } from '../../../components/moderation/ClosedReports.tsx';
import { ReportCard } from '../../../components/moderation/ReportCard.tsx';
import type { HelperSocket } from '../../../realtime/socket.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/index.tsx';

/** `/backoffice/manage/moderation`: the queue of reports with their context, bans, blocked words. */
export function ModerationPage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.manage.moderation.title}>
      {(siteId, socket) => <Moderation key={siteId} me={me} siteId={siteId} socket={socket} />}
    </ManageShell>
  );
}

function Moderation({ me, siteId, socket }: { me: Me; siteId: string; socket: HelperSocket | null }) {
  const { t, f } = useI18n();
  const w = t.manage.moderation;
  const [reports, setReports] = useState<ReportList | null>(null);
  const [bans, setBans] = useState<BanView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const [r, b] = await Promise.all([moderationApi.reports(siteId), moderationApi.bans(siteId)]);
      setReports(r);
      setBans(b.bans);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : w.loadFailed);
    }
  }, [siteId, w]);
  useEffect(() => void load(), [load]);
  // A helper reports, a blocked word is caught, another manager decides: the queue follows live.
  useEffect(() => {
    if (!socket) return;
    const on = (p: { siteId: string }) => p.siteId === siteId && void load();
    socket.on('report:changed', on);
    return () => void socket.off('report:changed', on);
  }, [socket, siteId, load]);

  const site = me.memberships.find((m) => m.siteId === siteId);
  const open = reports?.open ?? [];
  // One card per reported item: a blocked word and a helper's report of the same message go together.
  const byTarget = new Map<string, ReportView[]>();
  for (const r of open) byTarget.set(r.targetId, [...(byTarget.get(r.targetId) ?? []), r]);
  const groups = [...byTarget.values()];
  return (
    <>
      <header class="mod-head">
        <h1>{w.title}</h1>
        <p class="muted">{w.intro(site?.siteName ?? w.thisSite)}</p>
      </header>
      <ErrorAlert message={error} />
      <div class="mod-layout">
        <section class="mod-queue" aria-labelledby="queue-title">
          <h2 id="queue-title">
            {w.openReports} <span class="mod-count">{reports ? f.number(open.length) : '…'}</span>
          </h2>
          {reports && open.length === 0 && (
            <div class="mod-empty">
              <strong>{w.allClear}</strong>
              <p class="muted">{w.allClearBody}</p>
            </div>
          )}
          {groups.map((g) => (
            <ReportCard key={g[0]!.id} reports={g} siteId={siteId} csrf={me.csrfToken} onChanged={() => void load()} />
          ))}
          <h2 class="mod-sub">{w.recentlyDecided}</h2>
          {reports && <ClosedReports reports={reports.closed} />}
        </section>
        <aside class="mod-side">
          <BansList bans={bans} siteId={siteId} csrf={me.csrfToken} onChanged={() => void load()} />
          <BlockedWordsEditor siteId={siteId} csrf={me.csrfToken} />
        </aside>
      </div>
    </>
  );
}
