import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Redemption, RedemptionDecide, Reward, RewardSave } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../realtime/socket.ts';
import { useI18n } from '../i18n/index.tsx';

const upsert = (list: Redemption[], r: Redemption) => [r, ...list.filter((x) => x.id !== r.id)].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

/** The catalogue, my redemptions, and (for managers) the site's, all kept live. */
export function useRewards(socket: HelperSocket | null, siteId: string, userId: string, manager: boolean) {
  const offline = useI18n().t.common.offline;
  const [rewards, setRewards] = useState<Reward[] | null>(null);
  const [mine, setMine] = useState<Redemption[]>([]);
  const [all, setAll] = useState<Redemption[]>([]);
  const [error, setError] = useState<string | null>(null);

  const loadRewards = useCallback(async () => {
    if (!socket) return;
    const r = await command(socket, 'reward:list', { siteId });
    if (r.ok) setRewards(r.data.rewards);
    else setError(r.error.message);
  }, [socket, siteId]);
  const loadRedemptions = useCallback(async () => {
    if (!socket) return;
    const r = await command(socket, 'redemption:list', { siteId, scope: 'mine' });
    if (r.ok) setMine(r.data.redemptions);
    if (!manager) return;
    const a = await command(socket, 'redemption:list', { siteId, scope: 'all' });
    if (a.ok) setAll(a.data.redemptions);
  }, [socket, siteId, manager]);

  useEffect(() => {
    void loadRewards();
    void loadRedemptions();
  }, [loadRewards, loadRedemptions]);

  useEffect(() => {
    if (!socket) return;
    const onChanged = (p: { siteId: string }) => p.siteId === siteId && void loadRewards();
    const onUpdated = (r: Redemption) => {
      if (r.siteId !== siteId) return;
      if (r.user?.id === userId) setMine((cur) => upsert(cur, r));
      if (manager) setAll((cur) => upsert(cur, r));
      void loadRewards(); // stock may have moved
    };
    // After a reconnect, decisions made meanwhile are read again.
    const onConnect = () => {
      void loadRewards();
      void loadRedemptions();
    };
    socket.on('rewards:changed', onChanged);
    socket.on('redemption:updated', onUpdated);
    socket.on('connect', onConnect);
    return () => {
      socket.off('rewards:changed', onChanged);
      socket.off('redemption:updated', onUpdated);
      socket.off('connect', onConnect);
    };
  }, [socket, siteId, userId, manager, loadRewards, loadRedemptions]);

  const redeem = useCallback(
    async (rewardId: string) => {
      if (!socket) return { ok: false as const, message: offline };
      const r = await command(socket, 'redemption:request', { rewardId });
      if (!r.ok) return { ok: false as const, message: r.error.message };
      setMine((cur) => upsert(cur, r.data.redemption));
      void loadRewards();
      return { ok: true as const, balance: r.data.balance };
    },
    [socket, loadRewards, offline],
  );
  const save = useCallback(
    async (reward: Omit<RewardSave, 'siteId'>) => {
      if (!socket) return offline;
      const r = await command(socket, 'reward:save', { ...reward, siteId });
      if (!r.ok) return r.error.message;
      setRewards((cur) => [r.data.reward, ...(cur ?? []).filter((x) => x.id !== r.data.reward.id)]);
      return null;
    },
    [socket, siteId, offline],
  );
  const decide = useCallback(
    async (d: RedemptionDecide) => {
      if (!socket) return offline;
      const r = await command(socket, 'redemption:decide', d);
      if (!r.ok) return r.error.message;
      setAll((cur) => upsert(cur, r.data.redemption));
      if (r.data.redemption.user?.id === userId) setMine((cur) => upsert(cur, r.data.redemption));
      return null;
    },
    [socket, userId, offline],
  );
  return { rewards, mine, all, error, redeem, save, decide };
}
