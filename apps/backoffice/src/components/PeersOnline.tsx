import type { Peer, PresenceStatus } from '@tribu/protocol/client';
import { Avatar } from './Avatar.tsx';

const LABEL: Record<Peer['status'], string> = { available: 'Available', busy: 'Busy', away: 'Away' };

interface Props {
  peers: Peer[];
  me: string;
  myStatus: PresenceStatus;
  onStatus: (status: PresenceStatus) => void;
}

/** The site's helpers online now, with a live status; the helper sets their own. */
export function PeersOnline({ peers, me, myStatus, onStatus }: Props) {
  return (
    <section class="peers" aria-label="Online now">
      <div class="peers-head">
        <h2>
          Online now <span class="count">{peers.length}</span>
        </h2>
        <label class="my-status">
          <span class="sr-only">My status</span>
          <select value={myStatus} onChange={(e) => onStatus(e.currentTarget.value as PresenceStatus)}>
            <option value="available">Available</option>
            <option value="away">Away</option>
          </select>
        </label>
      </div>
      <ul>
        {peers.map((p) => (
          <li key={p.id} class="peer">
            <Avatar name={p.displayName} url={p.avatarUrl} />
            <span class="peer-name">
              {p.displayName}
              {p.id === me && <span class="muted"> (you)</span>}
            </span>
            <span class={`presence ${p.status}`}>
              <span class="dot" aria-hidden="true" />
              {LABEL[p.status]}
              {p.activeChats > 0 && ` · ${p.activeChats} chat${p.activeChats > 1 ? 's' : ''}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
