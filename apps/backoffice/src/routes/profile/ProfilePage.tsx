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
import { LanguageChoice } from '../../components/people/LanguageChoice.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  onMe: (me: Me) => void;
  onSignedOut: () => void;
}

const withUser = (me: Me, p: MyProfile): Me => ({ ...me, user: { ...me.user, displayName: p.displayName, avatarUrl: p.avatarUrl, locale: p.locale } });

/** My profile: who peers and visitors see, how I want to be told, my hours, my data, leaving. */
export function ProfilePage({ me, onMe, onSignedOut }: Props) {
  const { route } = useLocation();
  const { t } = useI18n();
  const w = t.account.profile;
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
    document.title = w.docTitle;
  }, [w]);
  useEffect(() => {
    api.profile().then(setProfile, (e: unknown) => setError(e instanceof ApiError ? e.message : w.loadFailed));
    // Loaded once: a later language switch only changes how a failure would read.
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
        <h1>{w.title}</h1>
        {error && <p class="alert">{error}</p>}
        {!profile && !error && <p class="muted">{t.common.loading}</p>}
        {profile && (
          <div class="profile-grid">
            <div class="profile-main">
              <section class="panel" aria-labelledby="photo-h">
                <h2 id="photo-h">{w.photo}</h2>
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
                  title={me.memberships.length > 1 ? w.wallOf(m.siteName) : w.wall}
                />
              ))}
              {me.memberships.map((m) => (
                <PledgesCard
                  key={m.siteId}
                  siteId={m.siteId}
                  csrf={me.csrfToken}
                  headingId={`pledges-${m.siteId}`}
                  title={me.memberships.length > 1 ? w.aroundOf(m.siteName) : w.around}
                />
              ))}
            </div>
            <aside class="profile-side">
              <LanguageChoice profile={profile} me={me} onSaved={saved} />
              <HoursCard hours={profile.hours} />
              {me.memberships.map((m) => (
                <ImpactCard
                  key={m.siteId}
                  siteId={m.siteId}
                  headingId={`impact-${m.siteId}`}
                  title={me.memberships.length > 1 ? w.impactOf(m.siteName) : w.impact}
                />
              ))}
              <section class="panel" aria-labelledby="charter-h">
                <h2 id="charter-h">{w.charter}</h2>
                <p class="muted small">{w.charterLead}</p>
                <a class="ghost block" href="/backoffice/charter">
                  {w.reread}
                </a>
              </section>
              <section class="panel" aria-labelledby="password-h">
                <h2 id="password-h">{w.password}</h2>
                <PasswordForm me={me} />
              </section>
              <TwoFactorSection me={me} onMe={onMe} />
              <section class="panel" aria-labelledby="away-h">
                <h2 id="away-h">{w.away}</h2>
                {me.memberships.map((m) => (
                  <NoteOptOut key={m.siteId} siteId={m.siteId} siteName={m.siteName} csrf={me.csrfToken} />
                ))}
              </section>
              <MonthlyReportCard me={me} />
              <MyReferralCodes me={me} />
              <section class="panel" aria-labelledby="data-h">
                <h2 id="data-h">{w.data}</h2>
                <p class="muted small">{w.dataLead}</p>
                <a class="ghost block" href={api.exportUrl} download>
                  {w.download}
                </a>
              </section>
              <section class="panel" aria-labelledby="leave-h">
                <h2 id="leave-h">{w.leaving}</h2>
                <p class="muted small">{w.leavingLead}</p>
                <LeaveCommunity me={me} onLeft={left} />
              </section>
            </aside>
          </div>
        )}
      </main>
    </div>
  );
}
