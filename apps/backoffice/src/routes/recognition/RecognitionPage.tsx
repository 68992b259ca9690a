import { hasRole } from '@tribu/domain';
import type { Me } from '@tribu/protocol/client';
import { BadgeGrid } from '../../components/recognition/BadgeGrid.tsx';
import { LeaderboardPanel } from '../../components/recognition/LeaderboardPanel.tsx';
import { LedgerHistory } from '../../components/recognition/LedgerHistory.tsx';
import { PageShell } from '../../components/recognition/PageShell.tsx';
import { StandingHero } from '../../components/recognition/StandingHero.tsx';
import { useOwnSocket } from '../../hooks/useOwnSocket.ts';
import { useSiteChoice, useSummary } from '../../hooks/useRecognition.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** My recognition: balance, tier, badges earned and to come, the ledger in words, the leaderboards. */
export function RecognitionPage({ me, onSignedOut }: Props) {
  const { t } = useI18n();
  const { siteId, setSiteId, membership } = useSiteChoice(me);
  const { socket, link } = useOwnSocket(onSignedOut);
  const { summary, error } = useSummary(socket, siteId);
  const manager = hasRole(membership?.role, 'moderator');
  return (
    <PageShell me={me} siteId={siteId} onSite={setSiteId} link={link} socket={socket} onSignedOut={onSignedOut} title={t.recognition.page}>
      {error && <p class="alert">{error}</p>}
      {!summary && !error && <p class="muted rec-loading">{t.recognition.loadingPage}</p>}
      {summary && (
        <>
          <StandingHero summary={summary} name={me.user.displayName.split(' ')[0] ?? me.user.displayName} manager={manager} />
          <div class="rec-grid">
            <div class="rec-main">
              <BadgeGrid badges={summary.badges} />
              <LedgerHistory entries={summary.history} />
            </div>
            <aside class="rec-side">
              <LeaderboardPanel socket={socket} siteId={siteId} userId={me.user.id} />
            </aside>
          </div>
        </>
      )}
    </PageShell>
  );
}
