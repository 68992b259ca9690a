import { useState } from 'preact/hooks';
import type { Membership, Peer, PresenceStatus } from '@tribu/protocol/client';
import type { HelperSocket } from '../realtime/socket.ts';
import { Avatar } from './Avatar.tsx';
import { LanguageChips } from './people/LanguageChips.tsx';
import { PublicProfileDialog } from './people/PublicProfileDialog.tsx';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  peers: Peer[];
  me: string;
  myStatus: PresenceStatus;
  onStatus: (status: PresenceStatus) => void;
  socket: HelperSocket | null;
  siteId: string;
  topics: Membership['topics'];
  /** The full list; otherwise a narrow rail of photos (a row on a phone) that leaves the room to the chat. */
  open: boolean;
  onOpen: (open: boolean) => void;
}

/** The site's helpers online now, with a live status; the helper sets their own; a click opens a profile. */
export function PeersOnline({ peers, me, myStatus, onStatus, socket, siteId, topics, open, onOpen }: Props) {
  const [profile, setProfile] = useState<string | null>(null);
  const { t, f } = useI18n();
  const w = t.desk.peers;
  const LABEL: Record<Peer['status'], string> = { available: w.available, busy: w.busy, away: w.away };
  const chats = (p: Peer) => (p.activeChats > 0 ? ` · ${f.plural(p.activeChats, w.chats)}` : '');
  // Myself first, then the others as the server ordered them.
  const ordered = [...peers.filter((p) => p.id === me), ...peers.filter((p) => p.id !== me)];
  const status = (
    <label class="my-status">
      <span class="sr-only">{w.myStatus}</span>
      <select value={myStatus} onChange={(e) => onStatus(e.currentTarget.value as PresenceStatus)}>
        <option value="available">{w.available}</option>
        <option value="away">{w.away}</option>
      </select>
    </label>
  );
  const toggle = (
    <button
      type="button"
      class="ghost peers-toggle"
      aria-expanded={open}
      aria-label={open ? w.fold : w.unfold}
      title={open ? w.foldTitle : w.unfoldTitle}
      onClick={() => onOpen(!open)}
    >
      <span aria-hidden="true">{open ? '«' : '»'}</span>
    </button>
  );
  return (
    <section class={`peers ${open ? 'open' : 'rail'}`} aria-label={w.region}>
      {open ? (
        <div class="peers-head">
          <h2>
            {w.title} <span class="count">{f.number(peers.length)}</span>
          </h2>
          {status}
          {toggle}
        </div>
      ) : (
        <div class="peers-head">
          {toggle}
          <h2 title={w.title}>
            <span class="rail-title">{w.rail}</span> <span class="count">{f.number(peers.length)}</span>
          </h2>
          {status}
        </div>
      )}
      {peers.length === 0 && open && <p class="empty">{w.connecting}</p>}
      <ul>
        {ordered.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              class={`peer ${p.status}`}
              aria-haspopup="dialog"
              aria-label={open ? undefined : w.railLabel(`${p.displayName}${p.id === me ? w.you : ''}`, `${LABEL[p.status]}${chats(p)}`)}
              title={open ? w.seeProfile(p.displayName) : `${p.displayName} — ${LABEL[p.status]}${chats(p)}`}
              onClick={() => setProfile(p.id)}
            >
              <span class="peer-photo">
                <Avatar name={p.displayName} url={p.avatarUrl} size={36} />
                <span class={`live-dot ${p.status}`} aria-hidden="true" />
              </span>
              {open && (
                <span class="peer-text">
                  <span class="peer-name">
                    {p.displayName}
                    {p.id === me && <span class="muted">{w.you}</span>}
                  </span>
                  <span class="peer-line">
                    <span class={`presence ${p.status}`}>
                      {LABEL[p.status]}
                      {chats(p)}
                    </span>
                    <LanguageChips codes={p.languages} />
                  </span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {profile && <PublicProfileDialog socket={socket} siteId={siteId} userId={profile} topics={topics} onClose={() => setProfile(null)} />}
    </section>
  );
}
