import { useEffect } from 'preact/hooks';
import type { BadgeEarned, PointsAwarded, Redemption } from '@tribu/protocol/client';
import { useToasts, type Toast } from '../hooks/useToasts.ts';
import type { HelperSocket } from '../realtime/socket.ts';
import { Medallion } from './recognition/Medallion.tsx';
import { pointsHeadline, pts, type Words } from './recognition/words.ts';
import { useI18n } from '../i18n/index.tsx';
import { badgeIn } from './recognition/built-in.ts';

interface Props {
  socket: HelperSocket | null;
  siteId: string;
  userId: string;
}

const pointsToast = (p: PointsAwarded, w: Words): Omit<Toast, 'id'> | null => {
  const title = pointsHeadline(p.entries, w);
  if (!title) return null;
  return { kind: title.startsWith('+') ? 'points' : 'loss', title, detail: w.t.recognition.toast.balance(pts(p.balance, w)) };
};

function ToastArt({ toast }: { toast: Toast }) {
  if (toast.kind === 'points') return <span class="spark">★</span>;
  if (toast.kind === 'loss') return <span class="spark">−</span>;
  return <Medallion name={toast.key ?? toast.kind} earned size={44} />;
}

/** Live recognition on any page with a helper socket: points, badges, and news of my redemptions. */
export function Toasts({ socket, siteId, userId }: Props) {
  const { toasts, push, dismiss, hold, resume } = useToasts();
  const i18n = useI18n();
  const tt = i18n.t.recognition.toast;
  useEffect(() => {
    if (!socket) return;
    const onPoints = (p: PointsAwarded) => {
      const t = p.siteId === siteId ? pointsToast(p, i18n) : null;
      if (t) push(t);
    };
    const onBadge = (b: BadgeEarned) => {
      const badge = badgeIn(b.badge, i18n.t);
      if (b.siteId === siteId) push({ kind: 'badge', key: badge.key, title: tt.newBadge(badge.name), detail: badge.description });
    };
    const onRedemption = (r: Redemption) => {
      const what = r.status === 'requested' ? null : tt.redemption[r.status];
      if (r.siteId !== siteId || r.user?.id !== userId || !what) return;
      push({ kind: 'reward', key: `reward-${r.reward.name}`, title: tt.rewardNews(r.reward.name, what), detail: r.message ?? undefined });
    };
    socket.on('points:awarded', onPoints);
    socket.on('badge:earned', onBadge);
    socket.on('redemption:updated', onRedemption);
    return () => {
      socket.off('points:awarded', onPoints);
      socket.off('badge:earned', onBadge);
      socket.off('redemption:updated', onRedemption);
    };
  }, [socket, siteId, userId, push, i18n]);
  return (
    <div class="toasts" role="status" aria-live="polite" aria-label={i18n.t.shell.nav.recognition}>
      {toasts.map((t) => (
        <div key={t.id} class={`toast ${t.kind}`} onMouseEnter={() => hold(t.id)} onMouseLeave={() => resume(t.id)}>
          <span class="toast-art" aria-hidden="true">
            <ToastArt toast={t} />
          </span>
          <span class="toast-text">
            <strong>{t.title}</strong>
            {t.detail && <span>{t.detail}</span>}
          </span>
          <button type="button" class="toast-close" aria-label={i18n.t.shell.dismissNamed(t.title)} onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
