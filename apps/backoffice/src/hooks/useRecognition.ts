import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { badgeIn, tierIn } from '../components/recognition/built-in.ts';
import { useI18n } from '../i18n/index.tsx';
import type { GamificationSummary, Leaderboard, LeaderboardPeriod, Me } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../realtime/socket.ts';

const SITE_KEY = 'tribu.recognition.site';

/** The site a page shows: the one its address names (`?site=`, a mail's link), else the one last picked in this tab, else the first membership. */
export function useSiteChoice(me: Me) {
  const named = new URLSearchParams(location.search).get('site');
  const stored = sessionStorage.getItem(SITE_KEY);
  const first = me.memberships[0]?.siteId ?? '';
  const [siteId, setSiteId] = useState(() => {
    const mine = [named, stored].find((id) => id && me.memberships.some((m) => m.siteId === id));
    if (mine === named && named) sessionStorage.setItem(SITE_KEY, named);
    return mine ?? first;
  });
  const choose = useCallback((id: string) => {
    sessionStorage.setItem(SITE_KEY, id);
    setSiteId(id);
  }, []);
  const membership = me.memberships.find((m) => m.siteId === siteId) ?? null;
  return { siteId, setSiteId: choose, membership };
}

/** Calls `reload` whenever my standing may have changed (points, badges, a redemption decided). */
export function useStandingEvents(socket: HelperSocket | null, reload: () => void) {
  useEffect(() => {
    if (!socket) return;
    // A reconnect may have missed some of these: read again then too.
    const events = ['points:awarded', 'badge:earned', 'redemption:updated', 'connect'] as const;
    for (const e of events) socket.on(e, reload);
    return () => {
      for (const e of events) socket.off(e, reload);
    };
  }, [socket, reload]);
}

/** My standing on a site (or a peer's with `userId`), kept fresh live. */
export function useSummary(socket: HelperSocket | null, siteId: string, userId?: string) {
  const [data, setSummary] = useState<GamificationSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useI18n();
  const load = useCallback(async () => {
    if (!socket) return;
    const r = await command(socket, 'gamification:summary', userId ? { siteId, userId } : { siteId });
    if (r.ok) {
      setSummary(r.data);
      setError(null);
    } else setError(r.error.message);
  }, [socket, siteId, userId]);
  useEffect(() => void load(), [load]);
  useStandingEvents(userId ? null : socket, load);
  // Tribu's own badges and tiers in the reader's language (a site's own names stay as written).
  const summary = useMemo(
    () =>
      data && {
        ...data,
        badges: data.badges.map((b) => badgeIn(b, t)),
        tier: { ...data.tier, name: tierIn(data.tier.name, t), next: data.tier.next && { ...data.tier.next, name: tierIn(data.tier.next.name, t) } },
      },
    [data, t],
  );
  return { summary, error, reload: load };
}

/** One leaderboard period at a time, refreshed when my points move. */
export function useLeaderboard(socket: HelperSocket | null, siteId: string, period: LeaderboardPeriod) {
  const [board, setBoard] = useState<Leaderboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (!socket) return;
    const r = await command(socket, 'leaderboard:list', { siteId, period });
    if (r.ok && r.data.period === period) {
      setBoard(r.data);
      setError(null);
    } else if (!r.ok) setError(r.error.message);
  }, [socket, siteId, period]);
  useEffect(() => {
    void load();
    // Peers' points arrive with no event to me: the board refreshes itself every minute.
    const t = setInterval(() => void load(), 60_000);
    return () => clearInterval(t);
  }, [load]);
  useStandingEvents(socket, load);
  return { board, error };
}
