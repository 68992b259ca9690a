import { useState } from 'preact/hooks';
import type { Membership, Peer, PresenceStatus } from '@tribu/protocol/client';
import type { HelperSocket } from '../realtime/socket.ts';
import { Avatar } from './Avatar.tsx';
import { LanguageChips } from './people/LanguageChips.tsx';
import { PublicProfileDialog } from './people/PublicProfileDialog.tsx';

const LABEL: Record<Peer['status'], string> = { available: 'Available', busy: 'Busy', away: 'Away' };

interface Props {
  peers: Peer[];
  me: string;
  myStatus: PresenceStatus;
  onStatus: (status: PresenceStatus) => void;
  socket: HelperSocket | null;
  siteId: string;
  topics: Membership['topics'];
}

/** The site's helpers online now, with a live status; the helper sets their own; a click opens a profile. */
export function PeersOnline({ peers, me, myStatus, onStatus, socket, siteId, topics }: Props) {
  const [open, setOpen] = useState<string | null>(null);
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
      {peers.length === 0 && <p class="empty">Connecting to your community…</p>}
      <ul>
        {peers.map((p) => (
          <li key={p.id}>
            <button type="button" class={`peer ${p.status}`} aria-haspopup="dialog" title={`See ${p.displayName}'s profile`} onClick={() => setOpen(p.id)}>
              <span class="peer-photo">
                <Avatar name={p.displayName} url={p.avatarUrl} size={36} />
                <span class={`live-dot ${p.status}`} aria-hidden="true" />
              </span>
              <span class="peer-text">
                <span class="peer-name">
                  {p.displayName}
                  {p.id === me && <span class="muted"> (you)</span>}
                </span>
                <span class="peer-line">
                  <span class={`presence ${p.status}`}>
                    {LABEL[p.status]}
                    {p.activeChats > 0 && ` · ${p.activeChats} chat${p.activeChats > 1 ? 's' : ''}`}
                  </span>
                  <LanguageChips codes={p.languages} />
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {open && <PublicProfileDialog socket={socket} siteId={siteId} userId={open} topics={topics} onClose={() => setOpen(null)} />}
    </section>
  );
}
