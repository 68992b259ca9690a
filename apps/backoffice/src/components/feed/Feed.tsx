import type { Me } from '@tribu/protocol/client';
import type { HelperSocket } from '../../realtime/socket.ts';

interface Props {
  me: Me;
  siteId: string;
  socket: HelperSocket | null;
  online: boolean;
}

/** The community's shared wall: posts, comments, likes, announcements pinned on top, live. */
export function Feed(_props: Props) {
  return (
    <section class="column feed" aria-label="Community feed">
      <h2>Community</h2>
      <p class="empty">The feed is coming.</p>
    </section>
  );
}
