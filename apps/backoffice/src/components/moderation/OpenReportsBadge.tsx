import { useEffect, useState } from 'preact/hooks';
import { moderationApi } from '../../api/moderation.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The number of open reports beside "Moderation", kept current by the managers' live `report:changed`. */
export function OpenReportsBadge({ siteId, socket }: { siteId: string; socket: HelperSocket | null }) {
  const { t, f } = useI18n();
  const [open, setOpen] = useState(0);
  useEffect(() => {
    if (!siteId) return;
    let live = true;
    moderationApi.openCount(siteId).then(
      (r) => live && setOpen(r.open),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [siteId]);
  useEffect(() => {
    if (!socket) return;
    const on = (p: { siteId: string; open: number }) => p.siteId === siteId && setOpen(p.open);
    socket.on('report:changed', on);
    return () => void socket.off('report:changed', on);
  }, [socket, siteId]);
  if (open === 0) return null;
  return (
    <span class="mod-badge" aria-label={f.plural(open, t.manage.moderation.openCount)}>
      {open}
    </span>
  );
}
