import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import type { ComponentType } from 'preact';
import type { Me } from '@tribu/protocol/client';
import { api, setClientWords } from './api/http.ts';
import { LoginPage } from './routes/login/LoginPage.tsx';
import { TwoFactorRequired } from './components/TwoFactorRequired.tsx';
import { I18nProvider, useI18n } from './i18n/index.tsx';

const HomePage = lazy(() => import('./routes/home/HomePage.tsx').then((m) => m.HomePage));
const ProfilePage = lazy(() => import('./routes/profile/ProfilePage.tsx').then((m) => m.ProfilePage));
const RecognitionPage = lazy(() => import('./routes/recognition/RecognitionPage.tsx').then((m) => m.RecognitionPage));
const RewardsPage = lazy(() => import('./routes/rewards/RewardsPage.tsx').then((m) => m.RewardsPage));
const RecognitionSettingsPage = lazy(() => import('./routes/recognition-settings/RecognitionSettingsPage.tsx').then((m) => m.RecognitionSettingsPage));
const SiteSettingsPage = lazy(() => import('./routes/site-settings/SiteSettingsPage.tsx').then((m) => m.SiteSettingsPage));
const OperatorPage = lazy(() => import('./routes/operator/OperatorPage.tsx').then((m) => m.OperatorPage));
const CharterPage = lazy(() => import('./routes/charter/CharterPage.tsx').then((m) => m.CharterPage));
const ObservePage = lazy(() => import('./routes/observe/ObservePage.tsx').then((m) => m.ObservePage));
const NewcomersPage = lazy(() => import('./routes/manage/newcomers/NewcomersPage.tsx').then((m) => m.NewcomersPage));
const JoinPage = lazy(() => import('./routes/join/JoinPage.tsx').then((m) => m.JoinPage));
const InvitePage = lazy(() => import('./routes/invite/InvitePage.tsx').then((m) => m.InvitePage));
const ConfirmEmailPage = lazy(() => import('./routes/confirm-email/ConfirmEmailPage.tsx').then((m) => m.ConfirmEmailPage));
const MonthlyReportUnsubscribePage = lazy(() => import('./routes/monthly-report/MonthlyReportUnsubscribePage.tsx').then((m) => m.MonthlyReportUnsubscribePage));
const ApplicationsPage = lazy(() => import('./routes/manage/applications/ApplicationsPage.tsx').then((m) => m.ApplicationsPage));
const ModerationPage = lazy(() => import('./routes/manage/moderation/ModerationPage.tsx').then((m) => m.ModerationPage));
const TeamPage = lazy(() => import('./routes/manage/team/TeamPage.tsx').then((m) => m.TeamPage));
const PrivacyPage = lazy(() => import('./routes/manage/privacy/PrivacyPage.tsx').then((m) => m.PrivacyPage));
const AuditPage = lazy(() => import('./routes/manage/audit/AuditPage.tsx').then((m) => m.AuditPage));
const ForgotPasswordPage = lazy(() => import('./routes/login/ForgotPasswordPage.tsx').then((m) => m.ForgotPasswordPage));
const ResetPasswordPage = lazy(() => import('./routes/login/ResetPasswordPage.tsx').then((m) => m.ResetPasswordPage));
const LOGIN = '/backoffice/login';
/** Pages of a signed-out person who lost their password (the mailed link lands on the second). */
const ACCOUNT_RECOVERY = ['/backoffice/forgot-password', '/backoffice/reset-password'];
/** Pages anyone may open without signing in: applying to a community, using an invitation, a visitor confirming their email. */
const isPublic = (path: string) =>
  ACCOUNT_RECOVERY.includes(path) ||
  path.startsWith('/backoffice/join/') ||
  path.startsWith('/backoffice/invite/') ||
  path === '/backoffice/confirm-email' ||
  path === '/backoffice/unsubscribe' ||
  path === '/backoffice/monthly-report/unsubscribe';

function Profile({ me, onMe, onSignedOut }: { me?: Me | null; onMe?: (me: Me) => void; onSignedOut?: () => void }) {
  return me && onMe && onSignedOut ? <ProfilePage me={me} onMe={onMe} onSignedOut={onSignedOut} /> : null;
}

type SignedInProps = { me?: Me | null; onSignedOut?: () => void };
const signedIn = (Page: ComponentType<{ me: Me; onSignedOut: () => void }>) =>
  function SignedIn({ me, onSignedOut }: SignedInProps) {
    return me && onSignedOut ? <Page me={me} onSignedOut={onSignedOut} /> : null;
  };
const Recognition = signedIn(RecognitionPage);
const Rewards = signedIn(RewardsPage);
const RecognitionSettings = signedIn(RecognitionSettingsPage);
const Moderation = signedIn(ModerationPage);
const Team = signedIn(TeamPage);
const Audit = signedIn(AuditPage);
const Privacy = signedIn(PrivacyPage);
const Applications = signedIn(ApplicationsPage);
const NumbersPage = lazy(() => import('./routes/manage/numbers/NumbersPage.tsx').then((m) => m.NumbersPage));
const Numbers = signedIn(NumbersPage);
const SiteSettings = signedIn(SiteSettingsPage);
const Operator = signedIn(OperatorPage);
const Charter = signedIn(CharterPage);
const Observe = signedIn(ObservePage);
const Newcomers = signedIn(NewcomersPage);
const MissionsPage = lazy(() => import('./routes/manage/missions/MissionsPage.tsx').then((m) => m.MissionsPage));
const Missions = signedIn(MissionsPage);
const IntegrationsPage = lazy(() => import('./routes/manage/integrations/IntegrationsPage.tsx').then((m) => m.IntegrationsPage));
const Integrations = signedIn(IntegrationsPage);
const DigestPage = lazy(() => import('./routes/manage/digest/DigestPage.tsx').then((m) => m.DigestPage));
const Digest = signedIn(DigestPage);
const DigestUnsubscribePage = lazy(() => import('./routes/unsubscribe/DigestUnsubscribePage.tsx').then((m) => m.DigestUnsubscribePage));
const EventsPage = lazy(() => import('./routes/events/EventsPage.tsx').then((m) => m.EventsPage));
const Events = signedIn(EventsPage);
const EventsManagePage = lazy(() => import('./routes/manage/events/EventsManagePage.tsx').then((m) => m.EventsManagePage));
const EventsManage = signedIn(EventsManagePage);
const EventReportPage = lazy(() => import('./routes/manage/events/EventReportPage.tsx').then((m) => m.EventReportPage));

function EventReport({ me, onSignedOut, eventId }: SignedInProps & { eventId?: string }) {
  return me && onSignedOut ? <EventReportPage me={me} onSignedOut={onSignedOut} eventId={eventId} /> : null;
}

function Home({ me, onSignedOut }: { me?: Me | null; onSignedOut?: () => void }) {
  return me && onSignedOut ? <HomePage me={me} onSignedOut={onSignedOut} /> : null;
}

/** An address that moved (bookmarks keep working). */
function Moved({ to }: { to: string }) {
  const { route } = useLocation();
  useEffect(() => route(to, true), [to, route]);
  return null;
}

/** Asks who is signed in, then shows the sign-in page or the desk; any other path is the desk. */
function Gate() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const { route, path } = useLocation();
  // Signed out answers `me: null`; any failure (server down) lands on the sign-in page too, which reports its own errors.
  useEffect(
    () =>
      void api.session().then(
        (s) => setMe(s.me),
        () => setMe(null),
      ),
    [],
  );
  useEffect(() => {
    if (me === null && path !== LOGIN && !isPublic(path)) route(LOGIN, true);
    if (me && path === LOGIN) route('/backoffice', true);
  }, [me, path, route]);
  return (
    <I18nProvider choice={me?.user.locale} timeZone={me?.user.timeZone}>
      <ClientWords />
      {me === undefined ? <Splash /> : <Routes me={me} setMe={setMe} />}
    </I18nProvider>
  );
}

/** Keeps the words the client says by itself (network errors, no answer) in the backoffice's language; set while rendering, before any child asks. */
function ClientWords() {
  const { t } = useI18n();
  setClientWords(t.shell.client);
  return null;
}

function Splash() {
  const { t } = useI18n();
  return <div class="splash">{t.common.loading}</div>;
}

function Routes({ me, setMe }: { me: Me | null; setMe: (me: Me | null) => void }) {
  const { path } = useLocation();
  return (
    <>
      {me && path !== '/backoffice/profile' && <TwoFactorRequired me={me} />}
      <Router>
        <Route path={LOGIN} component={LoginPage} onSignedIn={setMe} />
        <Route path="/backoffice/forgot-password" component={ForgotPasswordPage} />
        <Route path="/backoffice/reset-password" component={ResetPasswordPage} />
        <Route path="/backoffice/join/:siteKey" component={JoinPage} />
        <Route path="/backoffice/invite/:token" component={InvitePage} me={me} onSignedIn={setMe} />
        <Route path="/backoffice/confirm-email" component={ConfirmEmailPage} />
        <Route path="/backoffice/monthly-report/unsubscribe" component={MonthlyReportUnsubscribePage} />
        <Route path="/backoffice/unsubscribe" component={DigestUnsubscribePage} />
        <Route path="/backoffice/manage/applications" component={Applications} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/profile" component={Profile} me={me} onMe={setMe} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/recognition" component={Recognition} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/recognition" component={RecognitionSettings} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/recognition/settings" component={Moved} to="/backoffice/manage/recognition" />
        <Route path="/backoffice/rewards" component={Rewards} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/moderation" component={Moderation} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/team" component={Team} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/audit" component={Audit} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/privacy" component={Privacy} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/numbers" component={Numbers} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/site" component={SiteSettings} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/integrations" component={Integrations} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/operator" component={Operator} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/charter" component={Charter} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/observe" component={Observe} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/observe/:id" component={Observe} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/newcomers" component={Newcomers} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/missions" component={Missions} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/digest" component={Digest} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/events" component={Events} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/events" component={EventsManage} me={me} onSignedOut={() => setMe(null)} />
        <Route path="/backoffice/manage/events/:eventId/report" component={EventReport} me={me} onSignedOut={() => setMe(null)} />
        <Route default component={Home} me={me} onSignedOut={() => setMe(null)} />
      </Router>
    </>
  );
}

export function App() {
  return (
    <LocationProvider>
      <Gate />
    </LocationProvider>
  );
}
