import { useState } from 'preact/hooks';
import { hasRole } from '@tribu/domain';
import type { Me, Reward } from '@tribu/protocol/client';
import { PageShell } from '../../components/recognition/PageShell.tsx';
import { RedeemDialog } from '../../components/recognition/RedeemDialog.tsx';
import { RedemptionList } from '../../components/recognition/RedemptionList.tsx';
import { RedemptionQueue } from '../../components/recognition/RedemptionQueue.tsx';
import { RewardCard } from '../../components/recognition/RewardCard.tsx';
import { RewardEditor } from '../../components/recognition/RewardEditor.tsx';
import { useOwnSocket } from '../../hooks/useOwnSocket.ts';
import { useSiteChoice, useSummary } from '../../hooks/useRecognition.ts';
import { useRewards } from '../../hooks/useRewards.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** The rewards catalogue, my redemptions, and for managers the catalogue editor and the queue. */
export function RewardsPage({ me, onSignedOut }: Props) {
  const { t, f } = useI18n();
  const w = t.recognition.rewards;
  const { siteId, setSiteId, membership } = useSiteChoice(me);
  const { socket, link } = useOwnSocket(onSignedOut);
  const manager = hasRole(membership?.role, 'moderator');
  const { summary, reload } = useSummary(socket, siteId);
  const rw = useRewards(socket, siteId, me.user.id, manager);
  const [redeeming, setRedeeming] = useState<Reward | null>(null);
  const [editing, setEditing] = useState<Reward | 'new' | null>(null);
  const balance = summary?.balance ?? 0;
  const shown = (rw.rewards ?? []).filter((r) => manager || r.active).sort((a, b) => Number(b.active) - Number(a.active) || a.cost - b.cost);
  return (
    <PageShell me={me} siteId={siteId} onSite={setSiteId} link={link} socket={socket} onSignedOut={onSignedOut} title={w.page}>
      {manager ? (
        // Managers run the catalogue: their page says so, not the helpers' "treat yourself".
        <section class="rewards-hero manager" aria-labelledby="rewards-h">
          <div>
            <p class="eyebrow">{w.eyebrow}</p>
            <h1 id="rewards-h">{w.managerTitle}</h1>
            <p class="hero-sub">{w.managerSub}</p>
          </div>
        </section>
      ) : (
        <section class="rewards-hero" aria-labelledby="rewards-h">
          <div>
            <p class="eyebrow">{w.eyebrow}</p>
            <h1 id="rewards-h">{w.title}</h1>
            <p class="hero-sub">{w.sub}</p>
          </div>
          <div class="wallet" role="group" aria-label={w.balance}>
            <span class="wallet-num">{summary ? f.number(balance) : '…'}</span>
            <span class="wallet-unit">{w.toSpend}</span>
          </div>
        </section>
      )}
      {rw.error && <p class="alert">{rw.error}</p>}
      <div class="rewards-layout">
        <section class="catalogue" aria-labelledby="cat-h">
          <div class="panel-head">
            <h2 id="cat-h">{w.catalogue}</h2>
            {manager && (
              <button type="button" class="primary small" onClick={() => setEditing('new')}>
                {w.add}
              </button>
            )}
          </div>
          {rw.rewards === null && !rw.error && <p class="muted">{w.loading}</p>}
          {rw.rewards && shown.length === 0 && <p class="encourage">{manager ? w.emptyManager : w.empty}</p>}
          <ul class="reward-grid">
            {shown.map((r) => (
              <RewardCard key={r.id} reward={r} balance={balance} manager={manager} onRedeem={() => setRedeeming(r)} onEdit={() => setEditing(r)} />
            ))}
          </ul>
        </section>
        <aside class="rewards-side">
          {manager && <RedemptionQueue redemptions={rw.all} onDecide={rw.decide} />}
          <RedemptionList redemptions={rw.mine} manager={manager} />
        </aside>
      </div>
      {redeeming && (
        <RedeemDialog
          reward={redeeming}
          balance={balance}
          onClose={() => setRedeeming(null)}
          onConfirm={async () => {
            const r = await rw.redeem(redeeming.id);
            if (!r.ok) return r.message;
            void reload();
            return null;
          }}
        />
      )}
      {editing && (
        <RewardEditor reward={editing === 'new' ? null : editing} languages={membership?.languages} onSave={rw.save} onClose={() => setEditing(null)} />
      )}
    </PageShell>
  );
}
