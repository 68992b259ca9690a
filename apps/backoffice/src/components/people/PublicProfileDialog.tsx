import { useEffect, useState } from 'preact/hooks';
import type { Membership, PublicProfile } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { Avatar } from '../Avatar.tsx';
import { PeerStanding } from '../recognition/PeerStanding.tsx';
import { ThanksWall } from '../care/ThanksWall.tsx';
import { Modal } from './Modal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { languageName } from '../missions/mission-words.ts';

interface Props {
  socket: HelperSocket | null;
  siteId: string;
  userId: string;
  /** The site's topics, to show expertise by its label. */
  topics: Membership['topics'];
  onClose: () => void;
}

/** A peer's public profile: who they are, what they know, how long they have been helping. */
export function PublicProfileDialog({ socket, siteId, userId, topics, onClose }: Props) {
  const { t, f } = useI18n();
  const w = t.community.people;
  const [profile, setProfile] = useState<PublicProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!socket) return;
    void command(socket, 'profile:get', { siteId, userId }).then((r) => (r.ok ? setProfile(r.data.profile) : setError(r.error.message)));
  }, [socket, siteId, userId]);
  const label = (tag: string) => topics.find((t) => t.tag === tag)?.label ?? tag;
  return (
    <Modal label={profile ? w.profileOf(profile.displayName) : w.profile} onClose={onClose} class="profile-dialog">
      {error && <p class="alert">{error}</p>}
      {!profile && !error && <p class="muted">{t.common.loading}</p>}
      {profile && (
        <article class="public-profile">
          <header>
            <Avatar name={profile.displayName} url={profile.avatarUrl} size={88} />
            <div>
              <h2>{profile.displayName}</h2>
              <p class="role">{w.role[profile.role]}</p>
            </div>
          </header>
          <PeerStanding socket={socket} siteId={siteId} userId={userId} />
          {profile.bio ? <p class="bio">{profile.bio}</p> : <p class="bio muted">{w.noBio}</p>}
          <dl class="facts-grid">
            <div>
              <dt>{w.answeredChats}</dt>
              <dd class="big">{f.number(profile.answeredChats)}</dd>
            </div>
            <div>
              <dt>{w.memberSince}</dt>
              <dd>{f.month(profile.memberSince)}</dd>
            </div>
          </dl>
          {profile.languages.length > 0 && (
            <section>
              <h3>{w.speaks}</h3>
              <p class="chips">
                {profile.languages.map((l) => (
                  <span key={l} class="chip">
                    {languageName(l, f)}
                  </span>
                ))}
              </p>
            </section>
          )}
          {profile.expertise.length > 0 && (
            <section>
              <h3>{w.knowsAbout}</h3>
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
