import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { LIMITS, type Me, type MyProfile } from '@tribu/protocol/client';
import { MyReferralCodes } from '../../components/sales/MyReferralCodes.tsx';
import { ImpactCard } from '../../components/sales/ImpactCard.tsx';
import { ApiError, api } from '../../api/http.ts';
import { HoursCard } from '../../components/people/HoursCard.tsx';
import { LeaveCommunity } from '../../components/people/LeaveCommunity.tsx';
import { PasswordForm } from '../../components/people/PasswordForm.tsx';
import { PhotoField } from '../../components/people/PhotoField.tsx';
import { TwoFactorSection } from '../../components/people/TwoFactorSection.tsx';
import { MonthlyReportCard } from '../../components/people/MonthlyReportCard.tsx';
import { ProfileForm } from '../../components/people/ProfileForm.tsx';
import { TopBar } from '../../components/TopBar.tsx';
import { useOwnSocket } from '../../hooks/useOwnSocket.ts';
import { useSiteChoice } from '../../hooks/useRecognition.ts';
import { PledgesCard } from '../../components/care/PledgesCard.tsx';
import { NoteOptOut } from '../../components/care/NoteOptOut.tsx';
import { ThanksWall } from '../../components/care/ThanksWall.tsx';
import { DeviceNotifications } from '../../components/push/DeviceNotifications.tsx';

interface Props {
  me: Me;
  onMe: (me: Me) => void;
  onSignedOut: () => void;
}

const withUser = (me: Me, p: MyProfile): Me => ({ ...me, user: { ...me.user, displayName: p.displayName, avatarUrl: p.avatarUrl } });

/** My profile: who peers and visitors see, how I want to be told, my hours, my data, leaving. */
export function ProfilePage({ me, onMe, onSignedOut }: Props) {
  const { route } = useLocation();
  const [profile, setProfile] = useState<MyProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Editing my profile is still being at the desk: peers keep seeing me online meanwhile (and the bell rings).
  const { socket, link } = useOwnSocket(onSignedOut);
  const { siteId, setSiteId } = useSiteChoice(me);
  const signOut = async () => {
    await api.logout(me.csrfToken).catch(() => undefined);
    onSignedOut();
  };
  useEffect(() => {
    document.title = 'My profile · Tribu';
    api.profile().then(setProfile, (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load your profile'));
  }, []);
  const saved = (p: MyProfile) => {
    setProfile(p);
    onMe(withUser(me, p));
  };
  const left = (accountDeleted: boolean, siteId: string) => {
    if (accountDeleted) return onSignedOut();
    onMe({ ...me, memberships: me.memberships.filter((m) => m.siteId !== siteId) });
    route('/backoffice');
  };
  return (
    <div class="shell profile-shell">
      <TopBar me={me} siteId={siteId} onSite={setSiteId} link={link} onSignOut={() => void signOut()} socket={socket} />
      <main class="profile-page">
        <h1>My profile</h1>
        {error && <p class="alert">{error}</p>}
        {!profile && !error && <p class="muted">Loading…</p>}
        {profile && (
          <div class="profile-grid">
            <div class="profile-main">
              <section class="panel" aria-labelledby="photo-h">
                <h2 id="photo-h">Photo</h2>
                <PhotoField profile={profile} csrf={me.csrfToken} onSaved={saved} />
              </section>
              <ProfileForm profile={profile} me={me} onSaved={saved} bioMax={LIMITS.bio} />
              <DeviceNotifications me={me} />
              {me.memberships.map((m) => (
                <ThanksWall
                  key={m.siteId}
                  panel
                  siteId={m.siteId}
                  userId={me.user.id}
                  csrf={me.csrfToken}
                  headingId={`wall-${m.siteId}`}
                  title={me.memberships.length > 1 ? `My thank-you wall · ${m.siteName}` : 'My thank-you wall'}
                />
              ))}
              {me.memberships.map((m) => (
                <PledgesCard
                  key={m.siteId}
                  siteId={m.siteId}
                  csrf={me.csrfToken}
                  headingId={`pledges-${m.siteId}`}
                  title={me.memberships.length > 1 ? `When I’m usually around · ${m.siteName}` : 'When I’m usually around'}
                />
              ))}
            </div>
            <aside class="profile-side">
              <HoursCard hours={profile.hours} />
              {me.memberships.map((m) => (
                <ImpactCard
                  key={m.siteId}
                  siteId={m.siteId}
                  headingId={`impact-${m.siteId}`}
                  title={me.memberships.length > 1 ? `Your help at work · ${m.siteName}` : 'Your help at work'}
                />
              ))}
              <section class="panel" aria-labelledby="charter-h">
                <h2 id="charter-h">Charter</h2>
                <p class="muted small">How we help visitors and each other, as the community wrote it.</p>
                <a class="ghost block" href="/backoffice/charter">
                  Reread the charter
                </a>
              </section>
              <section class="panel" aria-labelledby="password-h">
                <h2 id="password-h">Password</h2>
                <PasswordForm me={me} />
              </section>
              <TwoFactorSection me={me} onMe={onMe} />
              <section class="panel" aria-labelledby="away-h">
                <h2 id="away-h">When I’m away</h2>
                {me.memberships.map((m) => (
                  <NoteOptOut key={m.siteId} siteId={m.siteId} siteName={m.siteName} csrf={me.csrfToken} />
                ))}
              </section>
              <MonthlyReportCard me={me} />
              <MyReferralCodes me={me} />
              <section class="panel" aria-labelledby="data-h">
                <h2 id="data-h">Your data</h2>
                <p class="muted small">Everything Tribu holds about you, in one JSON file: account, messages, posts, notes and hours.</p>
                <a class="ghost block" href={api.exportUrl} download>
                  Download my data
                </a>
              </section>
              <section class="panel" aria-labelledby="leave-h">
                <h2 id="leave-h">Leaving</h2>
                <p class="muted small">You can stop at any time, no questions asked.</p>
                <LeaveCommunity me={me} onLeft={left} />
              </section>
            </aside>
          </div>
        )}
      </main>
    </div>
  );
}
