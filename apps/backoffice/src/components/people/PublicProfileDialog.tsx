import { useEffect, useState } from 'preact/hooks';
import type { Membership, PublicProfile } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { Avatar } from '../Avatar.tsx';
import { PeerStanding } from '../recognition/PeerStanding.tsx';
import { ThanksWall } from '../care/ThanksWall.tsx';
import { languageName } from './languages.ts';
import { Modal } from './Modal.tsx';

interface Props {
  socket: HelperSocket | null;
  siteId: string;
  userId: string;
  /** The site's topics, to show expertise by its label. */
  topics: Membership['topics'];
  onClose: () => void;
}

const ROLE: Record<PublicProfile['role'], string> = { helper: 'Helper', moderator: 'Community manager', admin: 'Site admin' };
const since = (iso: string) => new Date(iso).toLocaleDateString(undefined, { month: 'long', year: 'numeric' });

/** A peer's public profile: who they are, what they know, how long they have been helping. */
export function PublicProfileDialog({ socket, siteId, userId, topics, onClose }: Props) {
  const [profile, setProfile] = useState<PublicProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!socket) return;
    void command(socket, 'profile:get', { siteId, userId }).then((r) => (r.ok ? setProfile(r.data.profile) : setError(r.error.message)));
  }, [socket, siteId, userId]);
  const label = (tag: string) => topics.find((t) => t.tag === tag)?.label ?? tag;
  return (
    <Modal label={profile ? `Profile of ${profile.displayName}` : 'Profile'} onClose={onClose} class="profile-dialog">
      {error && <p class="alert">{error}</p>}
      {!profile && !error && <p class="muted">Loading…</p>}
      {profile && (
        <article class="public-profile">
          <header>
            <Avatar name={profile.displayName} url={profile.avatarUrl} size={88} />
            <div>
              <h2>{profile.displayName}</h2>
              <p class="role">{ROLE[profile.role]}</p>
            </div>
          </header>
          <PeerStanding socket={socket} siteId={siteId} userId={userId} />
          {profile.bio ? <p class="bio">{profile.bio}</p> : <p class="bio muted">No bio yet.</p>}
          <dl class="facts-grid">
            <div>
              <dt>Answered chats</dt>
              <dd class="big">{profile.answeredChats}</dd>
            </div>
            <div>
              <dt>Member since</dt>
              <dd>{since(profile.memberSince)}</dd>
            </div>
          </dl>
          {profile.languages.length > 0 && (
            <section>
              <h3>Speaks</h3>
              <p class="chips">
                {profile.languages.map((l) => (
                  <span key={l} class="chip">
                    {languageName(l)}
                  </span>
                ))}
              </p>
            </section>
          )}
          {profile.expertise.length > 0 && (
            <section>
              <h3>Knows about</h3>
              <p class="chips">
                {profile.expertise.map((t) => (
                  <span key={t} class="chip topic">
                    {label(t)}
                  </span>
                ))}
              </p>
            </section>
          )}
          <ThanksWall siteId={siteId} userId={userId} headingId={`thanks-${userId}`} />
        </article>
      )}
    </Modal>
  );
}
